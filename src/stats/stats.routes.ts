import type { Db } from '../db/query';
import { route } from '../domain/route';
import { Stats, StatsQuery } from './stats.schemas';
import { getStats } from './stats.service';

export const statsRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/stats',
    operationId: 'getStats',
    tag: 'stats',
    summary: 'What the knowledge base holds: counts, date span, latest events',
    query: StatsQuery,
    response: Stats,
    handle: ({ query }) => getStats(db, query.latest),
  }),
];
