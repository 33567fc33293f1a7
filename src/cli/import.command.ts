import fs from 'node:fs';
import type { Command } from 'commander';
import { withDb } from '../db/context';
import { describeSummary, printProgress } from '../ingest/seed';
import { formatFromFileName, importFile, IMPORT_FORMATS, type ImportFormat } from '../interchange/import';

/** `kb import <file> [--format plover|csv]`: loads what `kb export` wrote. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Load a file written by `kb export --format plover|csv`: checked whole before anything is written; idempotent')
    .argument('<file>', 'the exported file')
    .option('-f, --format <format>', `${IMPORT_FORMATS.join(' | ')} (default: from the file name: .jsonl → plover, .csv → csv)`)
    .action(async (file: string, options: { format?: string }) => {
      const format = (options.format ?? formatFromFileName(file)) as ImportFormat | undefined;
      if (!format || !IMPORT_FORMATS.includes(format)) {
        program.error(`kb import: give --format ${IMPORT_FORMATS.join(' or ')} (cannot tell from "${file}")`, { exitCode: 2 });
        return;
      }
      if (!fs.existsSync(file)) throw Object.assign(new Error(`No such file: ${file}`), { code: 'ENOENT' });
      await withDb(async (db) => {
        process.stderr.write(`Importing ${file} (${format}) …\n`);
        const summary = await importFile(db, file, format, printProgress);
        for (const note of summary.notes) process.stderr.write(`  note: ${note}\n`);
        console.log(describeSummary(summary));
      });
    });
}
