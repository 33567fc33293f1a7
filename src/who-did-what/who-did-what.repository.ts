import { dateView, figuresView, MIN_DATE, TYPE_AND_WINDOW } from '../db/cypher';
import { keyset } from '../db/keyset';
import { read, type Db } from '../db/query';
import { AGENT_ROLES, TARGET_ROLES } from '../domain/taxonomy';
import type { WhoDidWhatRow } from './who-did-what.schemas';

export interface WhoDidWhatFilter {
  actor: string | null;
  action: string | null;
  target: string | null;
  from: string | null;
  to: string | null;
  status: string | null;
}

/**
 * Which events a question is about, in date order, before the LIMIT. Two shapes:
 *  - an actor named (or else a target): its participations, read from the index that holds them in date order
 *    (by actor, date and event, or by actor, type, date and event when one type is asked: db/participation-order.ts),
 *    from the cursor on; the read stops once the page is full, however many events the actor has;
 *  - no actor: walk the date index (or the (type, date) index) in date order from the cursor's day on.
 * Walking an index in order needs a range predicate on the date: the floor below every date on the first page.
 */

const EVENT_FILTERS = `
  ${TYPE_AND_WINDOW}
    AND ($status IS NULL OR coalesce(e.review, 'auto') = $status)
    AND ($actor IS NULL OR EXISTS { MATCH (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e) })
    AND ($target IS NULL OR EXISTS {
      MATCH (:Actor {id: $target})-[p:PARTICIPATED_IN]->(e) WHERE p.role IN $targetRoles })`;

/** Rows in date order, ties broken by event id. */
export const WHO_DID_WHAT_ORDER = keyset('who-did-what', [
  { expr: 'e.date', kind: 'date' },
  { expr: 'e.id', kind: 'string' },
]);

/**
 * The same order over the actor's participations (`p.date`, `p.event`: its event's date and id), in the
 * same cursor. The index's first keys, equal on every row read (the actor, and the type when one is asked), lead
 * the ORDER BY so that the index supplies it whole; an actor in two roles in one event is one row (DISTINCT, which
 * keeps the order).
 */
export const PARTICIPATION_ORDER = keyset('who-did-what', [
  { expr: 'day', kind: 'date' },
  { expr: 'eventId', kind: 'string' },
]);

// The hint keeps the seek whatever the statistics say (a plain index hint may be met by a scan of the whole index,
// which reads every participation).
const FROM_ACTOR = (typed: boolean, after: string) => `
  MATCH ()-[p:PARTICIPATED_IN]->(e) USING INDEX SEEK p:PARTICIPATED_IN(${typed ? 'actor, type, date, event' : 'actor, date, event'})
  WHERE p.actor = $anchor ${typed ? 'AND p.type = $type' : ''} AND p.date >= coalesce(date($after[0]), ${MIN_DATE}) AND p.event IS NOT NULL
  WITH DISTINCT p.actor AS actor, ${typed ? 'p.type AS type, ' : ''}p.date AS day, p.event AS eventId, e
  WHERE ${after} AND ${EVENT_FILTERS}
  WITH e ORDER BY actor, ${typed ? 'type, ' : ''}${PARTICIPATION_ORDER.orderBy} LIMIT $limit`;

/**
 * From the cursor's day on (the whole index on the first page), so that the walk starts where the page does. With
 * one type, ordering by (type, date) is ordering by date, and lets the (type, date) index supply the order.
 */
const BY_DATE = (action: boolean, after: string) => `
  MATCH (e:Event)
  WHERE e.date >= coalesce(date($after[0]), ${MIN_DATE}) ${action ? 'AND e.type = $type' : ''} AND ${EVENT_FILTERS}
  WITH e WHERE ${after}
  WITH e ORDER BY ${action ? 'e.type, ' : ''}${WHO_DID_WHAT_ORDER.orderBy} LIMIT $limit`;

/** Each event read as agent side → type → target side, with its first quote. `label` is added by the service. */
const WHO_DID_WHAT = (page: string) => `
  ${page}
  MATCH (e)-[r:REPORTED_IN]->(art:Article)
  WITH e, r, art ORDER BY art.publishedAt, r.rank
  WITH e, head(collect({ quote: r.quote, article: art { .id, .title } })) AS source
  RETURN {
    event: e { .id, .title },
    who: CASE WHEN EXISTS { MATCH (:Actor)-[p:PARTICIPATED_IN]->(e) WHERE p.role IN $agentRoles }
         THEN COLLECT { MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e) WHERE p.role IN $agentRoles
                        RETURN DISTINCT a { .id, .name, .kind } AS a ORDER BY a.name }
         ELSE COLLECT { MATCH (a:Actor)-[p:PARTICIPATED_IN {role: 'source'}]->(e)
                        RETURN DISTINCT a { .id, .name, .kind } AS a ORDER BY a.name } END,
    saidBy: COLLECT { MATCH (a:Actor)-[p:PARTICIPATED_IN {role: 'source'}]->(e)
                      RETURN DISTINCT a { .id, .name, .kind } AS a ORDER BY a.name },
    did: e.type,
    toWhom: COLLECT { MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e) WHERE p.role IN $targetRoles
                      RETURN DISTINCT a { .id, .name, .kind } AS a ORDER BY a.name },
    date: ${dateView('e')},
    status: coalesce(e.review, 'auto'),
    place: e.place,
    figures: ${figuresView('e')},
    quote: source.quote,
    article: source.article
  } AS item, ${WHO_DID_WHAT_ORDER.keys} AS keys
  ORDER BY ${WHO_DID_WHAT_ORDER.orderBy}`;

export interface WhoDidWhatRows {
  item: Omit<WhoDidWhatRow, 'label'>;
  keys: unknown[];
}

/** Up to `limit` rows after the cursor's keys (`after`, null for the first page), each with its sort keys. */
export async function whoDidWhat(db: Db, filter: WhoDidWhatFilter, anchor: string | null, limit: number, after: unknown[] | null): Promise<WhoDidWhatRows[]> {
  const typed = filter.action !== null;
  const page = anchor !== null ? FROM_ACTOR(typed, PARTICIPATION_ORDER.after(after)) : BY_DATE(typed, WHO_DID_WHAT_ORDER.after(after));
  // Starting from the actor's own participations, checking each event for the actor again is wasted work.
  const actor = anchor === filter.actor ? null : filter.actor;
  const { action: type, target, from, to, status } = filter;
  const params = { type, target, from, to, status, actor, anchor, limit, after, agentRoles: AGENT_ROLES, targetRoles: TARGET_ROLES };
  return read<WhoDidWhatRows>(db, WHO_DID_WHAT(page), params);
}
