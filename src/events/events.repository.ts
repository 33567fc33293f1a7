import type { ManagedTransaction } from 'neo4j-driver';
import { dateView, eventLinksView, figuresView, MIN_DATE, TYPE_AND_WINDOW } from '../db/cypher';
import { keyset } from '../db/keyset';
import { readOne, read, type Db } from '../db/query';
import type { CursorPosition } from '../domain/cursor';
import type { ActorRef } from '../domain/views';
import { SEARCH_CANDIDATES, type ConflictList, type EventDetail, type EventView } from './events.schemas';

/** An event as the API shows it. `e` must be bound to an :Event. */
export const EVENT_VIEW = `
  e {
    .id, .type, .title, .summary, .place, occurrence: e.status, status: coalesce(e.review, 'auto'),
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
  status?: string;
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
  AND ($status IS NULL OR coalesce(e.review, 'auto') = $status)
  AND ($actor IS NULL OR EXISTS { MATCH (:Actor {id: $actor})-[:PARTICIPATED_IN]->(e) })`;

export const AFTER_CURSOR = `
  ($afterDate IS NULL OR e.date > date($afterDate) OR (e.date = date($afterDate) AND e.id > $afterId))`;

export function filterParams(filter: EventFilter) {
  return {
    actor: filter.actor ?? null,
    type: filter.type ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    status: filter.status ?? null,
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

/** Each article's claim about `e` (its quotes and its JSON claim), first report first; aggregated apart, before the view. */
const CLAIMS = `
  CALL (e) {
    MATCH (e)-[r:REPORTED_IN]->(art:Article) WHERE r.claim IS NOT NULL
    WITH art, r ORDER BY r.rank
    WITH art, collect(r.quote) AS quotes, collect(r.claim) AS claimList
    ORDER BY art.publishedAt, art.id
    RETURN collect({ article: art { .id, .title, publishedAt: toString(art.publishedAt) }, quotes: quotes, claim: claimList[0] }) AS claims
  }`;

const EVENT_DETAIL = `
  MATCH (e:Event {id: $id})
  ${CLAIMS}
  WITH e, claims, ${EVENT_VIEW} AS view
  RETURN view {
    .*,
    links: ${eventLinksView('e')},
    claims: claims,
    conflicts: coalesce(e.conflicts, []),
    choices: e.choices,
    origin: CASE WHEN e.originFormat IS NULL THEN null ELSE { format: e.originFormat, file: e.originFile, id: e.originId } END
  } AS event`;

/** An event as stored: its claims as each article's JSON, its choices as JSON (the service reads them). */
export interface StoredEventDetail extends Omit<EventDetail, 'cameo' | 'plover' | 'ploverMode' | 'goldstein' | 'claims' | 'choices'> {
  claims: Array<{ article: { id: string; title: string; publishedAt: string }; quotes: string[]; claim: string }>;
  choices: string | null;
}

export function findEvent(db: Db, id: string): Promise<StoredEventDetail | undefined> {
  return readOne(db, EVENT_DETAIL, { id });
}

export async function actorRefs(db: Db, ids: string[]): Promise<ActorRef[]> {
  const rows = await read<{ actor: ActorRef }>(db, 'UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a { .id, .name, .kind } AS actor', { ids });
  return rows.map((row) => row.actor);
}

/** Conflicted events by id. */
export const CONFLICT_ORDER = keyset('conflicts', [{ expr: 'e.id', kind: 'string' }]);

const CONFLICTED = (after: string) => `
  MATCH (e:Event) WHERE e.conflicted = true AND ${after}
  WITH e ORDER BY ${CONFLICT_ORDER.orderBy} LIMIT $limit
  RETURN { event: e { .id, .type, .title, date: ${dateView('e')} }, conflicts: e.conflicts,
           claims: COUNT { MATCH (e)-[r:REPORTED_IN]->(art:Article) WHERE r.claim IS NOT NULL RETURN DISTINCT art } } AS item,
         ${CONFLICT_ORDER.keys} AS keys`;

/** Up to `limit` conflicted events after the cursor's keys (`after`, null for the first page), each with its sort keys. */
export function listConflicted(db: Db, limit: number, after: unknown[] | null): Promise<Array<{ item: ConflictList['items'][number]; keys: unknown[] }>> {
  return read<{ item: ConflictList['items'][number]; keys: unknown[] }>(db, CONFLICTED(CONFLICT_ORDER.after(after)), { limit, after });
}

/** Records an editor's choices on the event, then runs `alongside` in the same transaction. */
export async function writeChoice(db: Db, id: string, choices: string, alongside: (tx: ManagedTransaction) => Promise<void>): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await session.executeWrite(async (tx) => {
      await tx.run('MATCH (e:Event {id: $id}) SET e.choices = $choices', { id, choices });
      await alongside(tx);
    });
  } finally {
    await session.close();
  }
}
