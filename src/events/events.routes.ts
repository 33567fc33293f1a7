import type { Db } from '../db/query';
import { route } from '../domain/route';
import { IdParams } from '../domain/views';
import { ClaimChoice, ConflictList, ConflictsQuery, EventDetail, EventPage, EventsQuery } from './events.schemas';
import * as service from './events.service';

export const eventsRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/events',
    operationId: 'listEvents',
    tag: 'events',
    summary: 'Events in date order, filtered; paginated by cursor',
    query: EventsQuery,
    response: EventPage,
    handle: ({ query }) => service.listEvents(db, query),
  }),
  route({
    method: 'get',
    path: '/events/:id',
    operationId: 'getEvent',
    tag: 'events',
    summary: 'One event with its participants, sources and linked events',
    params: IdParams,
    response: EventDetail,
    handle: ({ params }) => service.getEvent(db, params.id),
  }),
  route({
    method: 'get',
    path: '/conflicts',
    operationId: 'listConflicts',
    tag: 'events',
    summary: 'Events whose sources disagree (dates, figures, place, who did it) and that no editor has settled',
    query: ConflictsQuery,
    response: ConflictList,
    handle: ({ query }) => service.listConflicts(db, query),
  }),
  route({
    method: 'post',
    path: '/events/:id/choices',
    operationId: 'chooseEventClaim',
    tag: 'events',
    summary: "Settle a conflict: the event shows this article's claim for the field (the other claims stay)",
    params: IdParams,
    body: ClaimChoice,
    response: EventDetail,
    write: { created: 'The event as it shows now' },
    handle: ({ params, body, principal }) => {
      if (!principal) throw new Error('a write reached its handler without credentials');
      return service.chooseClaim(db, params.id, body, principal);
    },
  }),
];
