import { dateView, figuresView, MIN_DATE, TYPE_AND_WINDOW } from '../db/cypher';
import { isDense } from '../db/dense';
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

/** The actor the events are read from (the named actor, or else the target), and how many events it has. */
export interface Anchor {
  id: string;
  degree: number;
}

/**
 * Which events a question is about, in date order, before the LIMIT. Two shapes, chosen by how many events
 * the named actor (or else the target) takes part in:
 *  - few: start from that actor's own events (an expansion bounded by its degree), then sort;
 *  - many (or no actor named): walk the date index (or the (type, date) index) in date order and keep the
 *    events the actor takes part in; for a busy actor the first hundred are found within a few thousand
 *    index entries, where expanding its hundreds of thousands of events would take seconds.
 * Walking the index in order needs a range predicate on e.date: the floor below every date. A `from` filter
 * is not a bound on e.date (events that began earlier may still overlap it), so it takes the first shape.
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

/** PARTICIPATED_IN leads only to events: the label is not checked again (one read per event of the actor saved). */
const FROM_ACTOR = `
  MATCH (:Actor {id: $anchor})-[:PARTICIPATED_IN]->(e)
  WITH DISTINCT e
  WHERE ${EVENT_FILTERS}`;

/** From the cursor's day on (the whole index on the first page), so that the walk starts where the page does. */
const BY_DATE = (action: boolean) => `
  MATCH (e:Event)
  WHERE e.date >= coalesce(date($after[0]), ${MIN_DATE}) ${action ? 'AND e.type = $type' : ''} AND ${EVENT_FILTERS}`;

/** Each event read as agent side → type → target side, with its first quote. `label` is added by the service. */
const WHO_DID_WHAT = (source: string, order: string, after: string) => `
  ${source}
  WITH e WHERE ${after}
  WITH e ORDER BY ${order} LIMIT $limit
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
export async function whoDidWhat(db: Db, filter: WhoDidWhatFilter, anchor: Anchor | null, limit: number, after: unknown[] | null): Promise<WhoDidWhatRows[]> {
  const fromActor = anchor !== null && (!isDense(anchor.degree) || filter.from !== null);
  const source = fromActor ? FROM_ACTOR : BY_DATE(filter.action !== null);
  // With one type, ordering by (type, date) is ordering by date, and lets the (type, date) index supply the order.
  const order = !fromActor && filter.action !== null ? `e.type, ${WHO_DID_WHAT_ORDER.orderBy}` : WHO_DID_WHAT_ORDER.orderBy;
  // Starting from the actor's own events, checking each one for the actor again is wasted work.
  const actor = fromActor && anchor.id === filter.actor ? null : filter.actor;
  const { action: type, target, from, to, status } = filter;
  const params = { type, target, from, to, status, actor, anchor: anchor?.id ?? null, limit, after, agentRoles: AGENT_ROLES, targetRoles: TARGET_ROLES };
  return read<WhoDidWhatRows>(db, WHO_DID_WHAT(source, order, WHO_DID_WHAT_ORDER.after(after)), params);
}
