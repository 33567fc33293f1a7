import type { Db } from '../db/query';
import { route } from '../domain/route';
import { WhoDidWhatAnswer, WhoDidWhatQuery } from './who-did-what.schemas';
import { answer } from './who-did-what.service';

export const whoDidWhatRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/who-did-what',
    operationId: 'listWhoDidWhat',
    tag: 'who-did-what',
    summary: 'Who did what to whom, when, with the sentence that says so',
    query: WhoDidWhatQuery,
    response: WhoDidWhatAnswer,
    handle: ({ query }) => answer(db, query),
  }),
];
