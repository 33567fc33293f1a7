import { read, readOne, type Db } from '../db/query';

/**
 * A window of the timeline: events that overlap [from, to]. Every query seeks on the range index of
 * e.date (or of (e.type, e.date)), bounded below by `seekFrom`: the window start minus the longest span
 * any event has, so an event that began before the window but still covers it is found without a scan.
 */
export interface WindowFilter {
  from: string;
  to: string;
  seekFrom: string;
  actor: string | null;
  type: string | null;
}

/** Where a window's events come from; only these fixed fragments are put together, values are parameters. */
function windowSource(filter: WindowFilter): string {
  const typeCondition = filter.type ? 'AND e.type = $type' : '';
  const condition = `e.date >= date($seekFrom) AND e.date <= date($to) AND e.lastDate >= date($from) ${typeCondition}`;
  if (filter.actor) {
    return `MATCH (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e:Event) WHERE ${condition} WITH DISTINCT e`;
  }
  return `MATCH (e:Event) WHERE ${condition}`;
}

const params = (filter: WindowFilter) => ({ ...filter });

/** Longest span, in days, of an event with an explicit end; the others cover at most a year. */
const LONGEST_EXPLICIT_SPAN = `
  MATCH (e:Event) WHERE e.endDate IS NOT NULL
  RETURN coalesce(max(duration.inDays(e.date, e.endDate).days), 0) AS days`;

export async function longestExplicitSpanDays(db: Db): Promise<number> {
  return (await readOne<number>(db, LONGEST_EXPLICIT_SPAN)) ?? 0;
}

export interface WindowEventRow {
  id: string;
  type: string;
  title: string;
  precision: 'day' | 'month' | 'year';
  date: string;
  endDate: string | null;
  lastDate: string;
  actors: Array<{ id: string; name: string }>;
}

/** The window's events in date order, at most $limit, each with the actors that took part (by name). */
export async function windowEvents(db: Db, filter: WindowFilter, limit: number): Promise<WindowEventRow[]> {
  const cypher = `
    ${windowSource(filter)}
    WITH e ORDER BY e.date, e.id LIMIT $limit
    RETURN e { .id, .type, .title, .precision, date: toString(e.date), endDate: toString(e.endDate),
               lastDate: toString(e.lastDate),
               actors: COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
                                 RETURN DISTINCT a { .id, .name } AS a ORDER BY a.name } } AS event`;
  const rows = await read<{ event: WindowEventRow }>(db, cypher, { ...params(filter), limit });
  return rows.map((row) => row.event);
}

export async function countWindowEvents(db: Db, filter: WindowFilter): Promise<number> {
  return (await readOne<number>(db, `${windowSource(filter)} RETURN count(e) AS n`, params(filter))) ?? 0;
}

/** The actors with most events in the window: the rows of the timeline grouped by actor. */
export async function topWindowActors(db: Db, filter: WindowFilter, limit: number): Promise<Array<{ id: string; name: string; count: number }>> {
  const cypher = `
    ${windowSource(filter)}
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

/** The bucket an event falls in: the one holding its start, or the window's first when it began earlier. */
const BUCKET = `date.truncate($unit, CASE WHEN e.date < date($from) THEN date($from) ELSE e.date END)`;

/** Events per (bucket, event type) in the window; keys are row ids (`type:<type>`). */
export async function bucketsByType(db: Db, filter: WindowFilter, unit: string): Promise<BucketRow[]> {
  const cypher = `
    ${windowSource(filter)}
    WITH ${BUCKET} AS bucket, 'type:' + e.type AS key
    RETURN toString(bucket) AS start, key, count(*) AS count ORDER BY start, key`;
  return read<BucketRow>(db, cypher, { ...params(filter), unit });
}

/** Events per (bucket, actor) for the given actors (`actor:<id>`); events none of them took part in count under 'other'. */
export async function bucketsByActor(db: Db, filter: WindowFilter, unit: string, actorIds: string[]): Promise<BucketRow[]> {
  const cypher = `
    ${windowSource(filter)}
    WITH e, COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) WHERE a.id IN $actorIds RETURN DISTINCT 'actor:' + a.id } AS keys
    UNWIND CASE WHEN size(keys) = 0 THEN ['other'] ELSE keys END AS key
    WITH ${BUCKET} AS bucket, key
    RETURN toString(bucket) AS start, key, count(*) AS count ORDER BY start, key`;
  return read<BucketRow>(db, cypher, { ...params(filter), unit, actorIds });
}
