import fs from 'node:fs';
import { withDb } from '../db/context';
import { describeSummary, printProgress } from '../ingest/seed';
import { importFile, type ImportFormat } from '../interchange/import';
import { isStdio, STDIN_NAME, withStdinAsFile } from './stdio';

const STDIN_EXTENSION: Record<ImportFormat, string> = { plover: '.jsonl', csv: '.csv', gdelt: '.tsv', polecat: '.tsv' };

/** `kb import`: progress and notes on standard error, the summary on standard output. */
export async function runImport(file: string, format: ImportFormat): Promise<void> {
  if (isStdio(file)) return withStdinAsFile(STDIN_EXTENSION[format], (saved) => importPath(saved, format, STDIN_NAME));
  if (!fs.existsSync(file)) throw Object.assign(new Error(`No such file: ${file}`), { code: 'ENOENT' });
  return importPath(file, format);
}

async function importPath(file: string, format: ImportFormat, shown = file): Promise<void> {
  await withDb(async (db) => {
    process.stderr.write(`Importing ${shown} (${format}) …\n`);
    const summary = await importFile(db, file, format, printProgress);
    for (const note of summary.notes) process.stderr.write(`  note: ${note}\n`);
    process.stdout.write(`${describeSummary(summary)}\n`);
  });
}
