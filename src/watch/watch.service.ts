import { randomBytes } from 'node:crypto';
import { requireActor } from '../actors/actors.service';
import { digestOf, newSecret } from '../accounts/secrets';
import { cursorKeys } from '../db/keyset';
import type { Db } from '../db/query';
import { pageFrom } from '../domain/cursor';
import { NotFoundError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import * as repository from './watch.repository';
import type { DeliveriesQuery, NewWatchlist, WatchedEvent, WatchlistChanges, WatchlistView } from './watch.schemas';

/** New events shown per watchlist at most: the rest stay new until the next visit. */
const NEW_SHOWN = 200;
/** Entries of a feed: the latest events the watchlist follows. */
const FEED_ENTRIES = 50;

/** The address of a watchlist's feed: its token is the only key, so it can be given to a feed reader. */
export const feedPath = (token: string) => `/watch/feeds/${token}`;

/** The actors a follow names must exist (an unknown one is a 404, as everywhere an actor is named). */
async function requireFollowed(db: Db, follow: NewWatchlist['follow']): Promise<void> {
  for (const actor of [follow.actor, follow.other]) if (actor) await requireActor(db, actor);
}

export async function createWatchlist(db: Db, principal: Principal, input: NewWatchlist) {
  await requireFollowed(db, input.follow);
  const token = newSecret('wlf');
  const webhookSecret = input.webhook ? newSecret('whs') : null;
  const watchlist = await repository.createWatchlist(db, {
    id: `wl-${randomBytes(8).toString('hex')}`,
    user: principal.name,
    name: input.name,
    actor: input.follow.actor ?? null,
    other: input.follow.other ?? null,
    type: input.follow.type ?? null,
    webhook: input.webhook ?? null,
    webhookSecret,
    feedDigest: digestOf(token),
  });
  return { ...watchlist, feed: feedPath(token), webhookSecret };
}

export const listWatchlists = (db: Db, principal: Principal) => repository.listWatchlists(db, principal.name);

/** One of the user's watchlists; another user's is as unknown as one that does not exist (404). */
export async function ownWatchlist(db: Db, principal: Principal, id: string): Promise<WatchlistView> {
  const found = await repository.findWatchlist(db, id, principal.name);
  if (!found) throw new NotFoundError('watchlist', id);
  return found;
}

/**
 * Changes a watchlist: what is not given stays. A webhook given to a watchlist that had none gets a new key,
 * answered this once; changing the address keeps the key (the receiver has it), removing it drops the key.
 */
export async function changeWatchlist(db: Db, principal: Principal, id: string, changes: WatchlistChanges) {
  const current = await ownWatchlist(db, principal, id);
  if (changes.follow) await requireFollowed(db, changes.follow);
  const follow = changes.follow
    ? { actor: changes.follow.actor ?? null, other: changes.follow.other ?? null, type: changes.follow.type ?? null }
    : current.follow;
  const webhook = changes.webhook === undefined ? current.webhook : changes.webhook;
  const newWebhookSecret = webhook && !current.webhook ? newSecret('whs') : null;
  const changed = await repository.updateWatchlist(db, id, principal.name, {
    name: changes.name ?? current.name,
    actor: follow.actor,
    other: follow.other,
    type: follow.type,
    webhook,
    newWebhookSecret,
  });
  if (!changed) throw new NotFoundError('watchlist', id);
  return { ...changed, webhookSecret: newWebhookSecret };
}

export async function removeWatchlist(db: Db, principal: Principal, id: string): Promise<void> {
  if (!(await repository.deleteWatchlist(db, id, principal.name))) throw new NotFoundError('watchlist', id);
}

/**
 * What each watchlist has that is new since the user's last visit. `visit` marks this as the last visit (the
 * /watch page does; the API asks without marking unless told).
 */
export async function whatIsNew(db: Db, principal: Principal, visit: boolean) {
  const now = new Date().toISOString();
  const watchlists = await repository.listWatchlists(db, principal.name);
  const items = await Promise.all(
    watchlists.map(async (watchlist) => ({
      watchlist,
      since: watchlist.visitedAt,
      events: await repository.eventsAddedSince(db, watchlist.follow, watchlist.visitedAt, NEW_SHOWN),
    })),
  );
  if (visit && watchlists.length > 0)
    await repository.markVisited(
      db,
      watchlists.map((w) => w.id),
      now,
    );
  return { items };
}

/** The watchlist a feed token opens, with its latest events; an unknown token names nothing. */
export async function feedOf(db: Db, token: string): Promise<{ watchlist: WatchlistView; events: WatchedEvent[] }> {
  const watchlist = /^wlf_[A-Za-z0-9_-]{20,64}$/.test(token) ? await repository.watchlistByFeed(db, digestOf(token)) : undefined;
  if (!watchlist) throw new NotFoundError('feed', 'this address');
  return { watchlist, events: await repository.latestAdded(db, watchlist.follow, FEED_ENTRIES) };
}

/** A watchlist's delivery log, a page at a time, latest attempt first. */
export async function deliveries(db: Db, principal: Principal, id: string, query: DeliveriesQuery) {
  await ownWatchlist(db, principal, id);
  const after = cursorKeys(repository.DELIVERY_ORDER, query.cursor);
  const rows = await repository.listDeliveries(db, id, query.limit + 1, after);
  return pageFrom(rows, query.limit, repository.DELIVERY_ORDER.codec);
}
