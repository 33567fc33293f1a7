import type { Db } from '../db/query';
import { route } from '../domain/route';
import { History, HistoryParams, HistoryQuery } from './history.schemas';
import { eventHistory } from './history.service';

export const historyRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/events/:id/history',
    operationId: 'getEventHistory',
    tag: 'events',
    summary: 'Who did what to an event, when, with the values before and after (oldest first); paginated by cursor',
    params: HistoryParams,
    query: HistoryQuery,
    response: History,
    handle: ({ params, query }) => eventHistory(db, params.id, query),
  }),
];
