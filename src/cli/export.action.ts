import fs from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { withDb } from '../db/context';
import { ExportQuery } from '../exports/exports.schemas';
import { prepareExport } from '../exports/exports.service';
import { isStdio } from './stdio';

export interface ExportOptions {
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

/** `kb export`: to standard output (no --out, or `--out -`), or to a file written whole or not at all. */
export async function runExport({ out, ...filters }: ExportOptions): Promise<void> {
  const query = ExportQuery.parse(filters);
  await withDb(async (db) => {
    const download = await prepareExport(db, query);
    if (!out || isStdio(out)) return writeTo(download.chunks, process.stdout, false);
    const partial = `${out}.partial`;
    try {
      await writeTo(download.chunks, fs.createWriteStream(partial), true);
      fs.renameSync(partial, out);
    } finally {
      fs.rmSync(partial, { force: true });
    }
    process.stderr.write(`Wrote ${out}\n`);
  });
}
