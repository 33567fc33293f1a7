import fs from 'node:fs';
import path from 'node:path';

/**
 * The formats `kb import` reads, in a module of their own so that `kb --help` can name them without loading zod:
 * what `kb export` writes (plover, csv) and the field's event datasets (a GDELT 2.0 events file, a POLECAT file).
 */
export const IMPORT_FORMATS = ['plover', 'csv', 'gdelt', 'polecat'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** `.jsonl`/`.ndjson` → plover, `.csv` → csv. */
export function formatFromFileName(file: string): ImportFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return 'plover';
  if (extension === '.csv') return 'csv';
  return undefined;
}

/** GDELT 2.0's events table has 61 tab-separated columns and no header; the first is the numeric GlobalEventID. */
export const GDELT_COLUMN_COUNT = 61;

/**
 * The format a file's first line shows: a GDELT 2.0 events row (61 tab-separated fields, no header, a numeric
 * first one), a POLECAT header (tab-separated, naming `Event ID` and `Event Type`), a JSON record (plover) or the
 * CSV header `kb export` writes. GDELT names its files `….export.CSV` though they are tab-separated, so the
 * content decides before the name.
 */
export function formatFromContent(firstLine: string): ImportFormat | undefined {
  const line = firstLine.replace(/^\uFEFF/, '').replace(/\r$/, '');
  const tabbed = line.split('\t');
  if (tabbed.length === GDELT_COLUMN_COUNT && /^\d+$/.test(tabbed[0] ?? '')) return 'gdelt';
  if (tabbed.length > 1) {
    const names = new Set(tabbed.map(columnKey));
    if (names.has('eventid') && names.has('eventtype')) return 'polecat';
  }
  if (line.trimStart().startsWith('{')) return 'plover';
  if (/^"?event_id"?,/.test(line)) return 'csv';
  return undefined;
}

/** A column name as POLECAT's releases vary it (`Event ID`, `event_id`, `EventID`): lower case, letters and digits only. */
export const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The first line of a file (at most 64 KiB of it), or undefined when the file cannot be read. */
export function firstLineOf(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(1 << 16);
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString('utf8').split('\n')[0];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The format of a file: what its first line shows, else what its name says. */
export function detectFormat(file: string): ImportFormat | undefined {
  const line = firstLineOf(file);
  return (line === undefined ? undefined : formatFromContent(line)) ?? formatFromFileName(file);
}
