import { z } from 'zod';
import type { Db } from '../db/query';
import type { Principal } from '../domain/principal';
import { Reply, route } from '../domain/route';
import {
  DeliveriesQuery,
  DeliveryLog,
  NewWatchlist,
  WatchlistChanged,
  WatchlistChanges,
  WatchlistCreated,
  WatchlistList,
  WatchlistParams,
  WatchlistView,
  WhatIsNewList,
} from './watch.schemas';
import * as service from './watch.service';

const who = (principal: Principal | undefined): Principal => {
  if (!principal) throw new Error('a signed-in route reached its handler without credentials');
  return principal;
};

const Done = z.object({ ok: z.literal(true) });
const NewQuery = z.strictObject({
  visit: z.enum(['true', 'false']).default('false').describe('true: count this as a visit (what is shown is no longer new afterwards)'),
});

/** `/watchlists/new` is declared before `/watchlists/:id`, which would otherwise take it (and refuse "new" as an id). */
export const watchRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/watchlists',
    operationId: 'listWatchlists',
    tag: 'watch',
    summary: "The signed-in user's watchlists",
    response: WatchlistList,
    signedIn: true,
    handle: async ({ principal }) => ({ items: await service.listWatchlists(db, who(principal)) }),
  }),
  route({
    method: 'post',
    path: '/watchlists',
    operationId: 'createWatchlist',
    tag: 'watch',
    summary: 'Follow an actor, a pair of actors, a type or an actor and a type; the feed address and webhook key are shown once',
    body: NewWatchlist,
    response: WatchlistCreated,
    write: { created: 'The watchlist, with its feed address and webhook key this once' },
    handle: async ({ body, principal }) => new Reply(201, await service.createWatchlist(db, who(principal), body)),
  }),
  route({
    method: 'patch',
    path: '/watchlists/:id',
    operationId: 'changeWatchlist',
    tag: 'watch',
    summary: "Rename a watchlist, change what it follows (given whole) or its webhook (null removes it); a first webhook's key is shown once",
    params: WatchlistParams,
    body: WatchlistChanges,
    response: WatchlistChanged,
    write: { created: 'The watchlist as changed, with a new webhook key this once' },
    handle: ({ params, body, principal }) => service.changeWatchlist(db, who(principal), params.id, body),
  }),
  route({
    method: 'delete',
    path: '/watchlists/:id',
    operationId: 'deleteWatchlist',
    tag: 'watch',
    summary: 'Stop following: the watchlist, its feed and its webhook go',
    params: WatchlistParams,
    response: Done,
    write: { created: 'Deleted' },
    handle: async ({ params, principal }) => (await service.removeWatchlist(db, who(principal), params.id), { ok: true as const }),
  }),
  route({
    method: 'get',
    path: '/watchlists/new',
    operationId: 'listWhatIsNew',
    tag: 'watch',
    summary: "What each of the user's watchlists has that is new since the last visit",
    query: NewQuery,
    response: WhatIsNewList,
    signedIn: true,
    handle: ({ query, principal }) => service.whatIsNew(db, who(principal), query.visit === 'true'),
  }),
  route({
    method: 'get',
    path: '/watchlists/:id',
    operationId: 'getWatchlist',
    tag: 'watch',
    summary: "One of the signed-in user's watchlists (another user's is unknown: 404)",
    params: WatchlistParams,
    response: WatchlistView,
    signedIn: true,
    handle: ({ params, principal }) => service.ownWatchlist(db, who(principal), params.id),
  }),
  route({
    method: 'get',
    path: '/watchlists/:id/deliveries',
    operationId: 'listWebhookDeliveries',
    tag: 'watch',
    summary: "A watchlist's webhook deliveries, every attempt, latest first",
    params: WatchlistParams,
    query: DeliveriesQuery,
    response: DeliveryLog,
    signedIn: true,
    handle: ({ params, query, principal }) => service.deliveries(db, who(principal), params.id, query),
  }),
];
