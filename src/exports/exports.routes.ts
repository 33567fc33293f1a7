import { z } from 'zod';
import type { Db } from '../db/query';
import { route } from '../domain/route';
import { EXPORT_OPENAPI_CONTENT, ExportQuery } from './exports.schemas';
import { prepareExport } from './exports.service';

export const exportsRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/export',
    operationId: 'exportEvents',
    tag: 'exports',
    summary: 'Every event matching the /api/events filters as a file (Content-Disposition: attachment) in csv, plover, jsonld or graphml; streamed',
    query: ExportQuery,
    response: z.string(),
    download: EXPORT_OPENAPI_CONTENT,
    handle: ({ query }) => prepareExport(db, query),
  }),
];
