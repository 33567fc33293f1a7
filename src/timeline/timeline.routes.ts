import type { Db } from '../db/query';
import { route } from '../domain/route';
import { TimelineQuery, TimelineWindow } from './timeline.schemas';
import { getWindow } from './timeline.service';

export const timelineRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/timeline',
    operationId: 'getTimeline',
    tag: 'timeline',
    summary: 'The events of a date window for the timeline, or counts per bucket when the window is dense',
    query: TimelineQuery,
    response: TimelineWindow,
    handle: ({ query }) => getWindow(db, query),
  }),
];
