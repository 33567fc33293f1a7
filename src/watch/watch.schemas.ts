import { z } from 'zod';
import { EventType, Slug, WebAddress } from '../domain/model';
import { CursorParam, pageOf } from '../domain/page';
import { DateView, Limit } from '../domain/views';

/**
 * Watchlists: each follows one thing (an actor, a pair of actors, an event type, or a saved filter of an actor
 * and a type) and says what is new since its owner's last visit; it has an Atom feed behind a private token and,
 * optionally, a webhook.
 */

export const Follow = z
  .strictObject({
    actor: Slug.optional().describe('Events this actor took part in'),
    other: Slug.optional().describe('… together with this actor (a pair)'),
    type: EventType.optional().describe('Events of this type'),
  })
  .refine((f) => f.actor || f.type, { message: 'follow an actor, a pair of actors, a type, or an actor and a type', path: ['actor'] })
  .refine((f) => !f.other || f.actor, { message: 'a pair needs its first actor', path: ['actor'] })
  .refine((f) => !f.other || f.other !== f.actor, { message: 'a pair is two different actors', path: ['other'] });
export type Follow = z.infer<typeof Follow>;

export const NewWatchlist = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the watchlist is called, e.g. "Belarus"'),
  follow: Follow,
  webhook: WebAddress.optional().describe('An address to POST the new events to, as JSON'),
});
export type NewWatchlist = z.infer<typeof NewWatchlist>;

/**
 * A change to a watchlist: any of its name, what it follows (given whole: it replaces what was followed), and its
 * webhook (null: no webhook any more). Checked by the same schemas as a new watchlist.
 */
export const WatchlistChanges = z
  .strictObject({
    name: NewWatchlist.shape.name.optional(),
    follow: Follow.optional(),
    webhook: WebAddress.nullable().optional().describe('An address to POST the new events to, as JSON; null removes the webhook'),
  })
  .refine((c) => c.name !== undefined || c.follow !== undefined || c.webhook !== undefined, {
    message: 'change the name, what is followed or the webhook',
    path: ['name'],
  });
export type WatchlistChanges = z.infer<typeof WatchlistChanges>;

export const WatchlistView = z.object({
  id: z.string(),
  name: z.string(),
  follow: z.object({ actor: z.string().nullable(), other: z.string().nullable(), type: z.string().nullable() }),
  webhook: z.string().nullable(),
  createdAt: z.string(),
  visitedAt: z.string().describe('The last visit of /watch: what was added since is new'),
});
export type WatchlistView = z.infer<typeof WatchlistView>;

export const WatchlistCreated = WatchlistView.extend({
  feed: z.string().describe('The Atom feed, with its private token: shown this once, stored only as a digest'),
  webhookSecret: z.string().nullable().describe('The key of the X-KB-Signature HMAC of each delivery: shown this once'),
});

export const WatchlistChanged = WatchlistView.extend({
  webhookSecret: z
    .string()
    .nullable()
    .describe('The key of the X-KB-Signature HMAC, when this change gave the watchlist a webhook it had not: shown this once; null otherwise'),
});

export const WatchlistList = z.object({ items: z.array(WatchlistView) });

export const WatchedEvent = z.object({ id: z.string(), type: EventType, title: z.string(), date: DateView, addedAt: z.string() });
export type WatchedEvent = z.infer<typeof WatchedEvent>;

export const WhatIsNew = z.object({
  watchlist: WatchlistView,
  since: z.string(),
  events: z.array(WatchedEvent).describe('Added since the last visit, oldest first (at most 200)'),
});
export const WhatIsNewList = z.object({ items: z.array(WhatIsNew) });

export const Delivery = z.object({
  id: z.string().describe('The delivery: the same on each retry of it (the X-KB-Delivery header)'),
  at: z.string(),
  attempt: z.number().int(),
  status: z.number().int().nullable().describe("The receiver's HTTP status; null when it could not be reached"),
  ok: z.boolean(),
  error: z.string().nullable(),
  events: z.number().int(),
});
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryLog = pageOf(Delivery);
export const DeliveriesQuery = z.strictObject({ limit: Limit(50, 200), cursor: CursorParam });
export type DeliveriesQuery = z.infer<typeof DeliveriesQuery>;

export const WatchlistParams = z.strictObject({ id: z.string().regex(/^wl-[a-f0-9]{16}$/, { message: 'must be a watchlist id' }) });
