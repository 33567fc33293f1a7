import type { Db } from '../db/query';
import { route } from '../domain/route';
import { History, HistoryParams } from './history.schemas';
import { eventHistory } from './history.service';

export const historyRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/events/:id/history',
    operationId: 'getEventHistory',
    tag: 'events',
    summary: 'Who did what to an event, when, with the values before and after (oldest first)',
    params: HistoryParams,
    response: History,
    handle: ({ params }) => eventHistory(db, params.id),
  }),
];
