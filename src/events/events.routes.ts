import type { Db } from '../db/query';
import { route } from '../domain/route';
import { IdParams } from '../domain/views';
import { EventDetail, EventPage, EventsQuery } from './events.schemas';
import * as service from './events.service';

export const eventsRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/events',
    tag: 'events',
    summary: 'Events in date order, filtered; paginated by cursor',
    query: EventsQuery,
    response: EventPage,
    handle: ({ query }) => service.listEvents(db, query),
  }),
  route({
    method: 'get',
    path: '/events/:id',
    tag: 'events',
    summary: 'One event with its participants, sources and linked events',
    params: IdParams,
    response: EventDetail,
    handle: ({ params }) => service.getEvent(db, params.id),
  }),
];
