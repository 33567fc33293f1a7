import type { Db } from '../db/query';
import { route } from '../domain/route';
import { DyadAnswer, DyadParams, DyadQuery } from './dyads.schemas';
import { getDyad } from './dyads.service';

export const dyadsRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/dyads/:a/:b',
    operationId: 'getDyad',
    tag: 'dyads',
    summary: 'Two actors toward each other: each side’s moves, the reciprocities between them, a ledger, counts and a monthly trend',
    params: DyadParams,
    query: DyadQuery,
    response: DyadAnswer,
    handle: ({ params, query }) => getDyad(db, params, query),
  }),
];
