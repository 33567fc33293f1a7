import { dateView, EVENT_LINK_TYPES, figuresView, MIN_DATE, TYPE_AND_WINDOW } from '../db/cypher';
import { readOne, read, type Db } from '../db/query';
import type { CursorPosition } from '../domain/cursor';
import { SEARCH_CANDIDATES, type EventDetail, type EventView } from './events.schemas';

/** An event as the API shows it. `e` must be bound to an :Event. */
export const EVENT_VIEW = `
  e {
    .id, .type, .title, .summary, .place, .status,
    date: ${dateView('e')},
    figures: ${figuresView('e')},
    participants: COLLECT {
      MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e)
      RETURN { actor: a { .id, .name, .kind }, role: p.role } AS participant ORDER BY p.role, a.name
    },
    sources: COLLECT {
      MATCH (e)-[r:REPORTED_IN]->(art:Article)
      RETURN { article: art { .id, .title }, quote: r.quote } AS source ORDER BY art.publishedAt, r.rank
    }
  }`;

/**
 * The filters events can be narrowed by; `lucene` is an already-escaped full-text query; `denseActor`: the
 * actor takes part in so many events that a page of them is found faster by walking the date index.
 */
export interface EventFilter {
  actor?: string;
  denseActor?: boolean;
  type?: string;
  from?: string;
  to?: string;
  lucene?: string | null;
}

/**
 * Where matching events come from. The entry point is picked by which filters are present, so the
 * planner starts from the most selective index: the full-text index, an actor's relationships, or the
 * (type, date) / date range indexes. Only these fixed fragments are ever put together; values are parameters.
 */
export function eventSource(filter: EventFilter, searchCandidates?: number): string {
  if (filter.lucene) {
    const options = searchCandidates === undefined ? '' : `, {limit: ${Math.trunc(searchCandidates)}}`;
    return `CALL db.index.fulltext.queryNodes('event_search', $lucene${options}) YIELD node AS e`;
  }
  if (filter.actor) return `MATCH (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e:Event) WITH DISTINCT e`;
  return 'MATCH (e:Event)';
}

export const EVENT_CONDITIONS = `
  ${TYPE_AND_WINDOW}
  AND ($actor IS NULL OR EXISTS { MATCH (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e) })`;

export const AFTER_CURSOR = `
  ($afterDate IS NULL OR e.date > date($afterDate) OR (e.date = date($afterDate) AND e.id > $afterId))`;

export function filterParams(filter: EventFilter) {
  return {
    actor: filter.actor ?? null,
    type: filter.type ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    lucene: filter.lucene ?? null,
  };
}

/**
 * A page of the list walks the date index (or the (type, date) index) in order from the cursor, so that
 * `LIMIT` stops it after one page; without a range predicate on e.date the planner read every event and
 * sorted them. With one type, ordering by (type, date) is ordering by date, in the index's own order.
 * A search starts from its matches, an actor from its own events, unless it has so many (a dense actor)
 * that the walk, keeping the events it takes part in, reaches a page sooner than expanding them all.
 */
function pageSource(filter: EventFilter): { source: string; order: string } {
  if (filter.lucene || (filter.actor && !filter.denseActor)) return { source: eventSource(filter, SEARCH_CANDIDATES), order: 'e.date, e.id' };
  const typed = filter.type ? 'AND e.type = $type' : '';
  return {
    source: `MATCH (e:Event) WHERE e.date >= coalesce(date($afterDate), ${MIN_DATE}) ${typed}`,
    order: filter.type ? 'e.type, e.date, e.id' : 'e.date, e.id',
  };
}

export async function listEvents(db: Db, filter: EventFilter, limit: number, after?: CursorPosition): Promise<EventView[]> {
  const { source, order } = pageSource(filter);
  const cypher = `
    ${source}
    WITH e WHERE ${EVENT_CONDITIONS} AND ${AFTER_CURSOR}
    WITH e ORDER BY ${order} LIMIT $limit
    RETURN ${EVENT_VIEW} AS event`;
  const params = { ...filterParams(filter), afterDate: after?.afterDate ?? null, afterId: after?.afterId ?? null, limit };
  const rows = await read<{ event: EventView }>(db, cypher, params);
  return rows.map((row) => row.event);
}

const EVENT_DETAIL = `
  MATCH (e:Event {id: $id})
  WITH e, ${EVENT_VIEW} AS view
  RETURN view {
    .*,
    links: COLLECT {
      MATCH (e)-[l:${EVENT_LINK_TYPES}]-(other:Event)
      RETURN {
        kind: toLower(type(l)),
        direction: CASE WHEN startNode(l) = e THEN 'outgoing' ELSE 'incoming' END,
        event: other { .id, .type, .title, date: ${dateView('other')} }
      } AS link ORDER BY other.date, other.id
    }
  } AS event`;

export function findEvent(db: Db, id: string): Promise<Omit<EventDetail, 'cameo' | 'plover'> | undefined> {
  return readOne(db, EVENT_DETAIL, { id });
}
