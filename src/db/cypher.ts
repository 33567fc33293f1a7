/**
 * Cypher fragments that several features' queries share, each written once. They are fixed text: values
 * always travel as parameters, and the only names put into a fragment are variables of the calling query.
 */

/** The floor and ceiling of Neo4j dates: a range predicate on e.date that lets the index supply date order. */
export const MIN_DATE = 'date({year: -999999999})';
export const MAX_DATE = 'date({year: 999999999})';

/** An event's date as the API shows it: `{ start, end, precision }`. */
export const dateView = (e: string) => `{ start: toString(${e}.date), end: toString(${e}.endDate), precision: ${e}.precision }`;

/** An event's figures as the API shows it, or null: `{ count, unit, approximate }`. */
export const figuresView = (e: string) => `
  CASE WHEN ${e}.figureCount IS NULL THEN null
       ELSE { count: ${e}.figureCount, unit: ${e}.figureUnit, approximate: coalesce(${e}.figureApproximate, false) } END`;

/**
 * An event `e` within a date window (`$from`, `$to`; each may be null): it ends on or after `$from` and starts
 * on or before `$to`.
 */
export const inWindow = (e: string) => `($from IS NULL OR ${e}.lastDate >= date($from)) AND ($to IS NULL OR ${e}.date <= date($to))`;

/**
 * An event's span in days, from its first day to the last it may cover (`lastDate`): stored on each event as
 * `spanDays` by every statement that writes `lastDate` (the load, the settling of claims; the bulk import writes the
 * same figure as a column), so that the longest span is read from the `event_span` index (LONGEST_SPAN).
 */
export const spanDays = (date: string, lastDate: string) => `duration.inDays(${date}, ${lastDate}).days`;

/**
 * The longest span of any event as `longest` (0 when there are none): the last entry of the `event_span` index,
 * read in the very statement that uses it, so it is never stale (an event lengthened a moment ago counts at once).
 */
export const LONGEST_SPAN = `
  CALL () {
    MATCH (x:Event) USING INDEX x:Event(spanDays) WHERE x.spanDays >= 0
    WITH x.spanDays AS days ORDER BY days DESC LIMIT 1
    RETURN coalesce(max(days), 0) AS longest
  }`;

/**
 * The earliest start of an event that may still cover `$from` (after LONGEST_SPAN): an actor's or the date
 * index's events from there on hold every event of a window that starts at `$from`, and no more than a span earlier.
 */
export const EARLIEST_START = `coalesce(date($from) - duration({days: longest}), ${MIN_DATE})`;

/** Events of a type (`$type`) within a date window (`$from`, `$to`; each may be null). */
export const TYPE_AND_WINDOW = `
  ($type IS NULL OR e.type = $type)
  AND ${inWindow('e')}`;

/** The event links as one relationship-type alternation, for reading them all. */
export const EVENT_LINK_TYPES = 'RECIPROCATES|FOLLOWS|PART_OF|CAUSES';

/** The events linked to event `e`, both ways, as the API shows them (kind, direction, review status, the other event). */
export const eventLinksView = (e: string) => `
  COLLECT {
    MATCH (${e})-[l:${EVENT_LINK_TYPES}]-(other:Event)
    RETURN {
      kind: toLower(type(l)),
      direction: CASE WHEN startNode(l) = ${e} THEN 'outgoing' ELSE 'incoming' END,
      status: coalesce(l.review, 'auto'),
      event: other { .id, .type, .title, date: ${dateView('other')} }
    } AS link ORDER BY other.date, other.id
  }`;

/**
 * One statement per link kind that joins two existing events (`row.from` → `row.to`) with a link: relationship
 * types cannot be parameters, so the type comes from a fixed map. `set` may record more on the link.
 */
export function mergeEventLink(relationship: string, set = ''): string {
  return `UNWIND $rows AS row
     MATCH (a:Event {id: row.from})
     MATCH (b:Event {id: row.to})
     MERGE (a)-[r:${relationship}]->(b)
     ${set ? `SET ${set}` : ''}`;
}

/** The id of the summary node of two actors who took part in the same events: 'a|b' with a < b. */
export const pairId = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The other actor's id in the pair node `pair`, seen from the actor whose id is `self` (its two ends differ). */
export const partnerInPair = (pair: string, self: string) => `[actorId IN split(${pair}.id, '|') WHERE actorId <> ${self}][0]`;

/** How many of its latest shared events an `ActorPair` keeps listed: more than a dyad shows by default (200, and one to tell it was cut). */
export const LATEST_KEPT = 256;

/** Newest first, then by id: the order of a pair's listed events (rows named `entry`), as every reader expects. */
export const LATEST_ORDER = 'ORDER BY entry.date DESC, entry.id';

/**
 * A sanctions measure's place in the order measures are listed (sanctions.repository.ts, MEASURE_ORDER) as
 * properties that are never null (no scope and an unknown start are ''), so that the (target, scopeKey,
 * authority, startKey, id) index holds the measures in that order. `row` has `scope` and `start` (a date or its
 * ISO text). Here because both the measures' writing and a migration step set them.
 */
export const MEASURE_SORT_KEYS = (row: string) => `scopeKey: coalesce(${row}.scope, ''), startKey: coalesce(toString(date(${row}.start)), '')`;
/** MEASURE_SORT_KEYS for a measure held in memory (its start an ISO day), for what a bulk load writes itself. */
export const measureSortKeys = (m: { scope: string | null; start: { date: string } | null }) => ({ scopeKey: m.scope ?? '', startKey: m.start?.date ?? '' });

/** LATEST_ORDER for entries held in memory (ISO days compare as text), for what a bulk load computes itself. */
export const latestFirst = (a: { date: string; id: string }, b: { date: string; id: string }): number =>
  a.date > b.date ? -1 : a.date < b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
