import path from 'node:path';

/** The formats `kb import` reads, in a module of their own so that `kb --help` can name them without loading zod. */
export const IMPORT_FORMATS = ['plover', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** `.jsonl`/`.ndjson` → plover, `.csv` → csv. */
export function formatFromFileName(file: string): ImportFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return 'plover';
  if (extension === '.csv') return 'csv';
  return undefined;
}
