import type { Db } from '../db/query';
import { route } from '../domain/route';
import { Stats, StatsQuery } from './stats.schemas';
import { getSeries, getStats } from './stats.service';
import { SeriesAnswer, SeriesQuery } from './series.schemas';

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
  route({
    method: 'get',
    path: '/stats/series',
    operationId: 'getStatsSeries',
    tag: 'stats',
    summary: 'Events over time: counts per month or year, one series per event type, actor or country, within the filters',
    query: SeriesQuery,
    response: SeriesAnswer,
    handle: ({ query }) => getSeries(db, query),
  }),
];
