import { dateView } from '../db/cypher';
import { keyset } from '../db/keyset';
import { read, readOne, write, type Db } from '../db/query';
import type { Delivery, WatchedEvent, WatchlistView } from './watch.schemas';

/** The Cypher of watchlists, their events and their webhook deliveries. */

const VIEW = `w { .id, .name, follow: { actor: w.actor, other: w.other, type: w.type }, webhook: w.webhook,
                  createdAt: toString(w.createdAt), visitedAt: toString(w.visitedAt) }`;

export interface StoredWatchlist {
  id: string;
  user: string;
  name: string;
  actor: string | null;
  other: string | null;
  type: string | null;
  webhook: string | null;
  webhookSecret: string | null;
  feedDigest: string;
}

export async function createWatchlist(db: Db, w: StoredWatchlist): Promise<WatchlistView> {
  const { rows } = await write<{ watchlist: WatchlistView }>(
    db,
    `CREATE (w:Watchlist {id: $id, user: $user, name: $name, actor: $actor, other: $other, type: $type, webhook: $webhook,
                          webhookSecret: $webhookSecret, feedDigest: $feedDigest, createdAt: datetime()})
     SET w.visitedAt = w.createdAt, w.deliveredUpTo = w.createdAt
     RETURN ${VIEW} AS watchlist`,
    { ...w },
  );
  return rows[0]!.watchlist;
}

export async function listWatchlists(db: Db, user: string): Promise<WatchlistView[]> {
  const rows = await read<{ watchlist: WatchlistView }>(db, `MATCH (w:Watchlist {user: $user}) RETURN ${VIEW} AS watchlist ORDER BY w.name, w.id`, { user });
  return rows.map((row) => row.watchlist);
}

export function findWatchlist(db: Db, id: string, user: string): Promise<WatchlistView | undefined> {
  return readOne<WatchlistView>(db, `MATCH (w:Watchlist {id: $id, user: $user}) RETURN ${VIEW} AS watchlist`, { id, user });
}

/** A watchlist's settings after a change: what it is called, follows and posts to, whole. */
export interface WatchlistSettings {
  name: string;
  actor: string | null;
  other: string | null;
  type: string | null;
  webhook: string | null;
  /** A new key, when the change gives the watchlist a webhook it had not; null keeps the key it has. */
  newWebhookSecret: string | null;
}

/**
 * Writes a watchlist's new settings; undefined when the user has no watchlist of that id. A webhook added where
 * there was none gets its key and starts from now (it is not sent what was added before it existed); a webhook
 * removed takes its key with it. The delivery log stays.
 */
export async function updateWatchlist(db: Db, id: string, user: string, settings: WatchlistSettings): Promise<WatchlistView | undefined> {
  const { rows } = await write<{ watchlist: WatchlistView }>(
    db,
    `MATCH (w:Watchlist {id: $id, user: $user})
     SET w.name = $name, w.actor = $actor, w.other = $other, w.type = $type, w.webhook = $webhook, w.updatedAt = datetime()
     FOREACH (_ IN CASE WHEN $newWebhookSecret IS NULL THEN [] ELSE [1] END |
       SET w.webhookSecret = $newWebhookSecret, w.deliveredUpTo = datetime())
     FOREACH (_ IN CASE WHEN $webhook IS NULL THEN [1] ELSE [] END | SET w.webhookSecret = null)
     RETURN ${VIEW} AS watchlist`,
    { id, user, ...settings },
  );
  return rows[0]?.watchlist;
}

export async function deleteWatchlist(db: Db, id: string, user: string): Promise<boolean> {
  const { rows } = await write<{ gone: number }>(
    db,
    `MATCH (w:Watchlist {id: $id, user: $user})
     OPTIONAL MATCH (d:WebhookDelivery {watchlist: w.id})
     DETACH DELETE d, w
     RETURN count(*) AS gone`,
    { id, user },
  );
  return (rows[0]?.gone ?? 0) > 0;
}

export function watchlistByFeed(db: Db, feedDigest: string): Promise<WatchlistView | undefined> {
  return readOne<WatchlistView>(db, `MATCH (w:Watchlist {feedDigest: $feedDigest}) RETURN ${VIEW} AS watchlist`, { feedDigest });
}

const FOLLOWED = `
  ($type IS NULL OR e.type = $type)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e) })
  AND ($other IS NULL OR EXISTS { (:Actor {id: $other})-[:PARTICIPATED_IN]->(e) })`;
const WATCHED_EVENT = `e { .id, .type, .title, date: ${dateView('e')}, addedAt: toString(e.addedAt) }`;

/** The followed events added after `since`, oldest first (through the index on addedAt). */
export function eventsAddedSince(db: Db, follow: WatchlistView['follow'], since: string, limit: number): Promise<WatchedEvent[]> {
  return read<{ event: WatchedEvent }>(
    db,
    `MATCH (e:Event) WHERE e.addedAt > datetime($since) AND ${FOLLOWED}
     RETURN ${WATCHED_EVENT} AS event ORDER BY e.addedAt, e.id LIMIT $limit`,
    { ...follow, since, limit },
  ).then((rows) => rows.map((row) => row.event));
}

/** The followed events added last, newest first: a feed's entries. */
export function latestAdded(db: Db, follow: WatchlistView['follow'], limit: number): Promise<WatchedEvent[]> {
  return read<{ event: WatchedEvent }>(
    db,
    `MATCH (e:Event) WHERE e.addedAt IS NOT NULL AND ${FOLLOWED}
     RETURN ${WATCHED_EVENT} AS event ORDER BY e.addedAt DESC, e.id LIMIT $limit`,
    { ...follow, limit },
  ).then((rows) => rows.map((row) => row.event));
}

export async function markVisited(db: Db, ids: readonly string[], at: string): Promise<void> {
  await write(db, 'UNWIND $ids AS id MATCH (w:Watchlist {id: id}) SET w.visitedAt = datetime($at)', { ids: [...ids], at });
}

export interface WebhookTarget {
  id: string;
  webhook: string;
  webhookSecret: string;
  deliveredUpTo: string;
  follow: WatchlistView['follow'];
}

export function webhookTargets(db: Db): Promise<WebhookTarget[]> {
  return read<WebhookTarget>(
    db,
    `MATCH (w:Watchlist) WHERE w.webhook IS NOT NULL
     RETURN w.id AS id, w.webhook AS webhook, w.webhookSecret AS webhookSecret, toString(w.deliveredUpTo) AS deliveredUpTo,
            { actor: w.actor, other: w.other, type: w.type } AS follow
     ORDER BY w.id`,
  );
}

export interface DeliveryRecord {
  id: string;
  watchlist: string;
  attempt: number;
  status: number | null;
  ok: boolean;
  error: string | null;
  events: number;
}

/** Logs an attempt; a successful one also moves the watchlist's mark past the events it carried, in the same write. */
export async function recordDelivery(db: Db, record: DeliveryRecord, deliveredUpTo: string | null): Promise<void> {
  await write(
    db,
    `MATCH (w:Watchlist {id: $watchlist})
     CREATE (d:WebhookDelivery {id: $id, watchlist: $watchlist, at: datetime(), attempt: $attempt, status: $status, ok: $ok,
                                error: $error, events: $events})
     FOREACH (_ IN CASE WHEN $deliveredUpTo IS NULL THEN [] ELSE [1] END | SET w.deliveredUpTo = datetime($deliveredUpTo))`,
    { ...record, deliveredUpTo },
  );
}

/** A log's order: latest first; the attempts of one delivery, made in turn, latest first too. */
export const DELIVERY_ORDER = keyset('deliveries', [
  { expr: 'd.at', kind: 'datetime', desc: true },
  { expr: 'd.attempt', kind: 'int', desc: true },
  { expr: 'd.id', kind: 'string' },
]);

const DELIVERIES = (after: string) => `
  MATCH (d:WebhookDelivery {watchlist: $watchlist}) WHERE ${after}
  WITH d ORDER BY ${DELIVERY_ORDER.orderBy} LIMIT $limit
  RETURN { id: d.id, at: toString(d.at), attempt: d.attempt, status: d.status, ok: d.ok, error: d.error, events: d.events } AS item,
         ${DELIVERY_ORDER.keys} AS keys`;

/** Up to `limit` attempts of a watchlist's deliveries after the cursor's keys (null: the first page), through the (watchlist, at) index. */
export function listDeliveries(db: Db, watchlist: string, limit: number, after: unknown[] | null): Promise<Array<{ item: Delivery; keys: unknown[] }>> {
  return read<{ item: Delivery; keys: unknown[] }>(db, DELIVERIES(DELIVERY_ORDER.after(after)), { watchlist, limit, after });
}
