import fs from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { withDb } from '../db/context';
import { EXPORT_FORMATS, ExportQuery } from '../exports/exports.schemas';
import { prepareExport } from '../exports/exports.service';

interface ExportOptions {
  format: string;
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
  q?: string;
  out?: string;
}

/**
 * Writes every chunk to `out` with backpressure; standard output is left open. A reader that stops early
 * (`kb export … | head`) closes the pipe: that ends the export, quietly, like other Unix tools.
 */
async function writeTo(chunks: AsyncIterable<string>, out: Writable, end: boolean): Promise<void> {
  try {
    await pipeline(Readable.from(chunks), out, { end });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
}

/**
 * `kb export --format csv|plover|jsonld|graphml [--actor …] [--type …] [--from …] [--to …] [--q …] [--out file]`:
 * the filters of /api/events.
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write the events matching the filters in one of the field\'s formats (to standard output, or --out)')
    .requiredOption('-f, --format <format>', EXPORT_FORMATS.join(' | '))
    .option('--actor <id>', 'only events this actor took part in, in any role')
    .option('--type <type>', 'only events of this type (e.g. sanctions_lifted)')
    .option('--from <date>', 'only events ending on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'only events starting on or before this day (YYYY-MM-DD)')
    .option('-q, --q <words>', 'only events with these words in the title or summary')
    .option('-o, --out <file>', 'write to this file (written whole or not at all) instead of standard output')
    .action(async ({ out, ...filters }: ExportOptions) => {
      const query = ExportQuery.parse(filters);
      await withDb(async (db) => {
        const download = await prepareExport(db, query);
        if (!out) return writeTo(download.chunks, process.stdout, false);
        const partial = `${out}.partial`;
        try {
          await writeTo(download.chunks, fs.createWriteStream(partial), true);
          fs.renameSync(partial, out);
        } finally {
          fs.rmSync(partial, { force: true });
        }
        process.stderr.write(`Wrote ${out}\n`);
      });
    });
}
