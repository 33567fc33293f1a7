import type { Db } from '../db/query';
import { route } from '../domain/route';
import { MapAnswer, MapEventPage, MapEventsQuery, MapQuery, Resolution, ResolveQuery, UnresolvedPage, UnresolvedQuery } from './places.schemas';
import * as service from './places.service';

export const placesRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/map',
    operationId: 'getMapClusters',
    tag: 'places',
    summary: 'Events on the map: counts per cluster of places for a zoom level, and per country, within the filters',
    query: MapQuery,
    response: MapAnswer,
    handle: ({ query }) => service.mapClusters(db, query),
  }),
  route({
    method: 'get',
    path: '/map/events',
    operationId: 'listMapEvents',
    tag: 'places',
    summary: "The events drawn inside a box (a cluster's cell), latest first; paginated by cursor",
    query: MapEventsQuery,
    response: MapEventPage,
    handle: ({ query }) => service.mapEvents(db, query),
  }),
  route({
    method: 'get',
    path: '/places/resolve',
    operationId: 'resolvePlace',
    tag: 'places',
    summary: 'What the offline gazetteer makes of a place as written',
    query: ResolveQuery,
    response: Resolution,
    handle: async ({ query }) => service.resolveText(query.q),
  }),
  route({
    method: 'get',
    path: '/places/unresolved',
    operationId: 'listUnresolvedPlaces',
    tag: 'places',
    summary: 'Events whose place the gazetteer does not know, for editors to correct; paginated by cursor',
    query: UnresolvedQuery,
    response: UnresolvedPage,
    signedIn: true,
    handle: ({ query }) => service.unresolvedPlaces(db, query.limit, query.cursor),
  }),
];
