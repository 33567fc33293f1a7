import { EARLIEST_START, LONGEST_SPAN, MAX_DATE } from '../db/cypher';
import { read, readOne, type Db } from '../db/query';
import type { EventType } from '../domain/model';

/**
 * A window of the timeline: events that overlap [from, to]. Every query seeks on the range index of
 * e.date (or of (e.type, e.date)), bounded below by the window start minus the longest span any event has
 * (db/cypher.ts, LONGEST_SPAN, read by the same statement), so an event that began before the window but still
 * covers it is found without a scan.
 */
export interface WindowFilter {
  from: string;
  to: string;
  actor: string | null;
  type: string | null;
}

/** Keyset paging after (afterDate, afterId), in two parts that each keep an index seek in date order. */
const SAME_DAY_AFTER = 'AND e.date = date($afterDate) AND e.id > $afterId';
const LATER_DAYS = 'AND e.date > date($afterDate)';

/** Where a window's events come from; only these fixed fragments are put together, values are parameters. */
function windowSource(filter: WindowFilter, extra: '' | typeof SAME_DAY_AFTER | typeof LATER_DAYS = ''): string {
  const typeCondition = filter.type ? 'AND e.type = $type' : '';
  const condition = `e.date >= ${EARLIEST_START} AND e.date <= date($to) AND e.lastDate >= date($from) ${typeCondition} ${extra}`;
  if (filter.actor) {
    return `MATCH (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e:Event) WHERE ${condition} WITH DISTINCT e`;
  }
  return `MATCH (e:Event) WHERE ${condition}`;
}

/**
 * The events that start in the window: what bucket counts count (a bucket holds the events that start
 * in it). Seeks on the date or (type, date) index, or on the actor's own events.
 */
function startSource(filter: WindowFilter): string {
  const typeCondition = filter.type ? 'AND e.type = $type' : '';
  const condition = `e.date >= date($from) AND e.date <= date($to) ${typeCondition}`;
  if (filter.actor) return `MATCH (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e:Event) WHERE ${condition} WITH DISTINCT e`;
  return `MATCH (e:Event) WHERE ${condition}`;
}

const params = (filter: WindowFilter) => ({ ...filter });

export interface WindowEventRow {
  id: string;
  type: EventType;
  title: string;
  precision: 'day' | 'month' | 'year';
  date: string;
  endDate: string | null;
  lastDate: string;
  actors: Array<{ id: string; name: string }>;
}

/**
 * The window's events in date order, at most $limit, each with the actors that took part (by name);
 * `after` continues a listing after the (date, id) of its last event.
 */
export async function windowEvents(db: Db, filter: WindowFilter, limit: number, after?: { afterDate: string; afterId: string }): Promise<WindowEventRow[]> {
  // A later page is the rest of its first day plus the following days: two seeks, each in index order
  // (one OR-ed condition would make the planner sort the whole window).
  const source = after
    ? `${LONGEST_SPAN}
       CALL (longest) {
         ${windowSource(filter, SAME_DAY_AFTER)} RETURN e
         UNION
         ${windowSource(filter, LATER_DAYS)} WITH e ORDER BY e.date, e.id LIMIT $limit RETURN e
       }`
    : `${LONGEST_SPAN} ${windowSource(filter)}`;
  const cypher = `
    ${source}
    WITH e ORDER BY e.date, e.id LIMIT $limit
    RETURN e { .id, .type, .title, .precision, date: toString(e.date), endDate: toString(e.endDate),
               lastDate: toString(e.lastDate),
               actors: COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
                                 RETURN DISTINCT a { .id, .name } AS a ORDER BY a.name } } AS event`;
  const rows = await read<{ event: WindowEventRow }>(db, cypher, { ...params(filter), limit, ...after });
  return rows.map((row) => row.event);
}

/** The actors with most events starting in the window: the rows of the timeline grouped by actor. */
export async function topWindowActors(db: Db, filter: WindowFilter, limit: number): Promise<Array<{ id: string; name: string; count: number }>> {
  const cypher = `
    ${startSource(filter)}
    MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
    WITH a, count(DISTINCT e) AS count ORDER BY count DESC, a.name LIMIT $limit
    RETURN a { .id, .name, count: count } AS actor`;
  const rows = await read<{ actor: { id: string; name: string; count: number } }>(db, cypher, { ...params(filter), limit });
  return rows.map((row) => row.actor);
}

export interface BucketRow {
  start: string;
  key: string;
  count: number;
}

export interface Bucket {
  start: string;
  end: string;
}

/**
 * Events of each type that start in each bucket, when no actor narrows the window: one count per
 * (bucket, type) answered from the (type, date) index alone, so a window of a million events reads no
 * event properties. Keys are row ids (`type:<type>`).
 */
const COUNTS_BY_TYPE = `
  UNWIND $buckets AS bucket
  UNWIND $types AS type
  CALL (bucket, type) {
    MATCH (e:Event) WHERE e.type = type AND e.date >= date(bucket.start) AND e.date < date(bucket.end)
    RETURN count(e) AS count
  }
  WITH bucket, type, count WHERE count > 0
  RETURN bucket.start AS start, 'type:' + type AS key, count ORDER BY start, key`;

/** Events one actor took part in, per (bucket, type): bounded by that actor's own events. */
const ACTOR_COUNTS_BY_TYPE = (filter: WindowFilter) => `
  ${startSource(filter)}
  WITH date.truncate($unit, e.date) AS bucket, 'type:' + e.type AS key
  RETURN toString(bucket) AS start, key, count(*) AS count ORDER BY start, key`;

/** Counts of the events that start in each bucket, per type. */
export async function bucketsByType(db: Db, filter: WindowFilter, unit: string, buckets: Bucket[], types: readonly string[]): Promise<BucketRow[]> {
  if (filter.actor) return read<BucketRow>(db, ACTOR_COUNTS_BY_TYPE(filter), { ...params(filter), unit });
  return read<BucketRow>(db, COUNTS_BY_TYPE, { buckets, types: filter.type ? [filter.type] : types });
}

/** Events that start in the window: an index-only count. */
export async function countStartingIn(db: Db, filter: WindowFilter): Promise<number> {
  return (await readOne<number>(db, `${startSource(filter)} RETURN count(e) AS n`, params(filter))) ?? 0;
}

/** The actors that took part in most events overall: read from relationship counts, without touching events. */
export async function mostActiveActors(db: Db, limit: number): Promise<Array<{ id: string; name: string }>> {
  const cypher = `
    MATCH (a:Actor)
    WITH a, COUNT { (a)-[:PARTICIPATED_IN]->() } AS degree
    WHERE degree > 0
    WITH a, degree ORDER BY degree DESC, a.name LIMIT $limit
    RETURN a { .id, .name } AS actor`;
  return (await read<{ actor: { id: string; name: string } }>(db, cypher, { limit })).map((row) => row.actor);
}

/** Events per (bucket, actor) for the given actors only, by start day: each actor's own events are expanded. */
export async function bucketsOfActors(db: Db, filter: WindowFilter, unit: string, actorIds: string[]): Promise<BucketRow[]> {
  const cypher = `
    UNWIND $actorIds AS id
    MATCH (:Actor {id: id})-[:PARTICIPATED_IN]->(e:Event)
    WHERE e.date >= date($from) AND e.date <= date($to) ${filter.type ? 'AND e.type = $type' : ''}
    WITH DISTINCT id, e
    WITH date.truncate($unit, e.date) AS bucket, 'actor:' + id AS key
    RETURN toString(bucket) AS start, key, count(*) AS count ORDER BY start, key`;
  return read<BucketRow>(db, cypher, { ...params(filter), unit, actorIds });
}

/** Events per (bucket, actor) for the given actors (`actor:<id>`); events none of them took part in count under 'other'. */
export async function bucketsByActor(db: Db, filter: WindowFilter, unit: string, actorIds: string[]): Promise<BucketRow[]> {
  const cypher = `
    ${startSource(filter)}
    WITH e, COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) WHERE a.id IN $actorIds RETURN DISTINCT 'actor:' + a.id } AS keys
    UNWIND CASE WHEN size(keys) = 0 THEN ['other'] ELSE keys END AS key
    WITH date.truncate($unit, e.date) AS bucket, key
    RETURN toString(bucket) AS start, key, count(*) AS count ORDER BY start, key`;
  return read<BucketRow>(db, cypher, { ...params(filter), unit, actorIds });
}

/** The latest events' start days (newest first), at most `limit`: what the first window is chosen from. */
export async function latestStartDays(db: Db, filter: { actor: string | null; type: string | null }, limit: number): Promise<string[]> {
  const typeCondition = filter.type ? 'AND e.type = $type' : '';
  const source = filter.actor
    ? `MATCH (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e:Event) WHERE e.date IS NOT NULL ${typeCondition} WITH DISTINCT e`
    : `MATCH (e:Event) WHERE e.date <= ${MAX_DATE} ${typeCondition}`;
  const rows = await read<{ day: string }>(db, `${source} WITH e ORDER BY e.date DESC LIMIT $limit RETURN toString(e.date) AS day`, { ...filter, limit });
  return rows.map((row) => row.day);
}

/**
 * How many events lie wholly before the window and wholly after it, each counted up to `cap` (a window far
 * from the ends of a million events would otherwise count most of them): the markers at the timeline's edges.
 */
export async function countOutside(db: Db, filter: WindowFilter, cap: number): Promise<{ earlier: number; later: number }> {
  const typeCondition = filter.type ? 'AND e.type = $type' : '';
  const source = filter.actor ? 'MATCH (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e:Event)' : 'MATCH (e:Event)';
  const counted = (name: string, condition: string) => `
    CALL () { ${source} WHERE ${condition} ${typeCondition} WITH DISTINCT e LIMIT $cap RETURN count(e) AS ${name} }`;
  const cypher = `
    ${counted('earlier', 'e.date < date($from) AND e.lastDate < date($from)')}
    ${counted('later', 'e.date > date($to)')}
    RETURN earlier, later`;
  return (await read<{ earlier: number; later: number }>(db, cypher, { ...params(filter), cap }))[0] ?? { earlier: 0, later: 0 };
}
