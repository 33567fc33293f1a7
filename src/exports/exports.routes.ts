import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import type { Db } from '../db/query';
import { ExportQuery } from './exports.schemas';
import { batched, prepareExport } from './exports.service';

/** Yields `first` (already pulled), then the rest of the iterator. */
async function* resume<T>(first: IteratorResult<T>, rest: AsyncIterator<T>): AsyncGenerator<T> {
  for (let next = first; !next.done; next = await rest.next()) yield next.value;
}

export function exportsApi(db: Db): Router {
  return Router().get('/export', async (req, res) => {
    const download = await prepareExport(db, ExportQuery.parse(req.query));
    const chunks = batched(download.chunks)[Symbol.asyncIterator]();
    // The first piece holds the first page of data: if the database fails, it fails here, while the
    // error handler can still answer with a status (503) instead of a truncated file.
    const first = await chunks.next();
    res.attachment(download.fileName);
    res.setHeader('Content-Type', download.contentType);
    res.setHeader('Cache-Control', 'no-store');
    // pipeline writes with backpressure and, if the client goes away, stops pulling (and so reading pages).
    try {
      await pipeline(Readable.from(resume(first, chunks)), res);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      throw error;
    }
  });
}
