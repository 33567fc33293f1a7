import type { ManagedTransaction } from 'neo4j-driver';
import { eventLinksView, MEASURE_SORT_KEYS } from '../db/cypher';
import { toParams, toPlain } from '../db/plain';
import { keyset } from '../db/keyset';
import { read, type Db } from '../db/query';
import { retryOnLockConflict } from '../db/retry';
import type { Precision } from '../domain/calendar';
import { SANCTIONS_TYPES, type Measure, type SanctionsEvent, type SanctionsParticipant } from '../domain/sanctions';
import type { ChangeRow, ExemptionView, MeasureView } from './sanctions.schemas';

/**
 * The Cypher of sanctions measures: keeping the derived `(:Measure)` nodes in step with the events, and reading
 * them. A measure is stored as
 *   (:Measure {id, key, authority, target, scope, exemptionOf, start, startPrecision, end, endPrecision,
 *              instrument, reimposes})-[:CHANGED_BY {change, order}]->(:Event)
 * with actor ids as properties (looked up by id when read). Events whose measures may be out of date carry the
 * label :MeasuresStale until a refresh has recomputed their lines.
 */

// ——— Keeping measures in step ———

/** Marks the batch's events that are sanctions events now, or that some measure was derived from. */
const MARK_STALE = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  WHERE e.type IN $types OR EXISTS { (:Measure)-[:CHANGED_BY]->(e) }
  SET e:MeasuresStale`;

/** Called inside the load transaction: one statement per batch, nothing recomputed there. */
export async function markStale(tx: ManagedTransaction, eventIds: string[]): Promise<void> {
  if (eventIds.length > 0) await tx.run(MARK_STALE, { ids: eventIds, types: [...SANCTIONS_TYPES] });
}

/** An actor whose kind changes (a company found to be a state) moves its sanctions events to other lines. */
const MARK_KIND_CHANGES = `
  UNWIND $actors AS row
  MATCH (a:Actor {id: row.id}) WHERE a.kind <> row.kind
  MATCH (a)-[:PARTICIPATED_IN]->(e:Event) WHERE e.type IN $types
  SET e:MeasuresStale`;

/** Called inside the load transaction before the actors are written. */
export async function markKindChanges(tx: ManagedTransaction, actors: Array<{ id: string; kind: string }>): Promise<void> {
  if (actors.length > 0) await tx.run(MARK_KIND_CHANGES, { actors: actors.map(({ id, kind }) => ({ id, kind })), types: [...SANCTIONS_TYPES] });
}

const PARTICIPANTS = `COLLECT { MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e) RETURN { actor: a.id, role: p.role, kind: a.kind } AS p ORDER BY p.actor, p.role }`;

const STALE_EVENTS = `
  MATCH (e:MeasuresStale)
  RETURN e.id AS id,
         CASE WHEN e.type IN $types THEN ${PARTICIPANTS} ELSE [] END AS participants,
         COLLECT { MATCH (m:Measure)-[:CHANGED_BY]->(e) RETURN DISTINCT m.key } AS lines`;

export interface StaleEvent {
  id: string;
  /** Its participants if it is a sanctions event now (the lines it belongs to now), else none. */
  participants: SanctionsParticipant[];
  /** The lines of the measures derived from it so far. */
  lines: string[];
}

/** Every marked event. Not through `read`: after a bulk load there are many, and no request is waiting. */
export async function readStaleEvents(db: Db): Promise<StaleEvent[]> {
  const { records } = await db.driver.executeQuery(STALE_EVENTS, { types: [...SANCTIONS_TYPES] }, { database: db.database });
  return records.map((r) => toPlain(r.toObject()) as StaleEvent);
}

/**
 * Refreshes are serialised on the version node: two loads finishing together would otherwise rewrite the same
 * lines at once. The property is set and removed in the same transaction, so nothing is left behind.
 */
const LOCK = `MERGE (v:MeasuresVersion {id: 'sanctions'}) SET v.refreshing = true`;
const UNLOCK = `MATCH (v:MeasuresVersion {id: 'sanctions'}) REMOVE v.refreshing`;

const UNMARK = `UNWIND $ids AS id MATCH (e:Event {id: id}) REMOVE e:MeasuresStale`;
const REMARK = `UNWIND $ids AS id MATCH (e:Event {id: id}) SET e:MeasuresStale`;

const LINKED_EVENTS = `
  UNWIND $lines AS line
  MATCH (m:Measure {key: line})-[:CHANGED_BY]->(e:Event)
  RETURN collect(DISTINCT e.id) AS ids`;

const LINE_EVENTS = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id}) WHERE e.type IN $types
  RETURN e.id AS id, e.type AS type, { date: toString(e.date), precision: e.precision } AS date,
         ${PARTICIPANTS} AS participants,
         coalesce(e.summary, '') AS summary,
         COLLECT { MATCH (e)-[r:REPORTED_IN]->(art:Article) RETURN r.quote ORDER BY art.publishedAt, r.rank, r.quote } AS quotes`;

const DELETE_MEASURES = `
  UNWIND $lines AS line
  MATCH (m:Measure {key: line})
  DETACH DELETE m`;

const CREATE_MEASURES = `
  UNWIND $rows AS row
  CREATE (m:Measure {
    id: row.id, key: row.key, authority: row.authority, target: row.target, scope: row.scope,
    exemptionOf: row.exemptionOf, start: date(row.start), startPrecision: row.startPrecision,
    end: date(row.end), endPrecision: row.endPrecision, instrument: row.instrument, reimposes: row.reimposes,
    ${MEASURE_SORT_KEYS('row')}
  })
  WITH m, row
  UNWIND row.changes AS change
  MATCH (e:Event {id: change.event})
  CREATE (m)-[:CHANGED_BY {change: change.kind, order: change.order}]->(e)`;

/** What one refresh transaction works on: lines, the marked events read with them, those it unmarks. */
export interface LineChunk {
  lines: string[];
  /** Marked events with a line in this chunk: read with the lines' measure-linked events. */
  marked: string[];
  /** Marked events whose last line is in this chunk: unmarked here. */
  owned: string[];
}

/** Turns the lines' events, read afresh, into their measures, and says which owned events must stay marked. */
export type Derive = (events: SanctionsEvent[]) => { measures: Measure[]; remark: string[] };

const toRow = (m: Measure) => ({
  ...m,
  start: m.start?.date ?? null,
  startPrecision: m.start?.precision ?? null,
  end: m.end?.date ?? null,
  endPrecision: m.end?.precision ?? null,
  changes: m.changes.map((c, order) => ({ kind: c.kind, event: c.event, order })),
});

interface EventRecord {
  id: string;
  type: SanctionsEvent['type'];
  date: { date: string; precision: Precision };
  participants: SanctionsParticipant[];
  summary: string;
  quotes: string[];
}

async function rewrite(tx: ManagedTransaction, chunk: LineChunk, derive: Derive): Promise<void> {
  await tx.run(LOCK);
  // Unmarking first takes the events' locks: a load writing one of them now waits, and marks it again after.
  if (chunk.owned.length > 0) await tx.run(UNMARK, { ids: chunk.owned });
  const linked = await tx.run(LINKED_EVENTS, { lines: chunk.lines });
  const ids = [...new Set([...((linked.records[0]?.get('ids') as string[] | undefined) ?? []), ...chunk.marked])];
  const { records } = await tx.run(LINE_EVENTS, { ids, types: [...SANCTIONS_TYPES] });
  const events = records.map((r) => {
    const e = toPlain(r.toObject()) as EventRecord;
    return { id: e.id, type: e.type, date: e.date, participants: e.participants, text: [e.summary, ...e.quotes].join('\n') };
  });
  const { measures, remark } = derive(events);
  await tx.run(DELETE_MEASURES, { lines: chunk.lines });
  if (measures.length > 0) await tx.run(CREATE_MEASURES, toParams({ rows: measures.map(toRow) }) as Record<string, unknown>);
  if (remark.length > 0) await tx.run(REMARK, { ids: remark });
  await tx.run(UNLOCK);
}

/** Rewrites the measures of a chunk of lines in one transaction, retried on lock conflicts. */
export async function rewriteLines(db: Db, chunk: LineChunk, derive: Derive): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await retryOnLockConflict(() => session.executeWrite((tx) => rewrite(tx, chunk, derive)));
  } finally {
    await session.close();
  }
}

/** Events marked without a line (no longer sanctions events, never part of a measure): nothing to recompute. */
export async function unmark(db: Db, ids: string[]): Promise<void> {
  await db.driver.executeQuery(UNMARK, { ids }, { database: db.database });
}

/** The form of the measures a database holds: bump it when the rule changes, and they are rebuilt at start. */
export const MEASURES_VERSION = 1;

const VERSION = `OPTIONAL MATCH (v:MeasuresVersion {id: 'sanctions'}) RETURN v.version AS version`;
const SET_VERSION = `MERGE (v:MeasuresVersion {id: 'sanctions'}) SET v.version = $version`;
const DROP_ALL = 'MATCH (m:Measure) CALL (m) { DETACH DELETE m } IN TRANSACTIONS OF 10000 ROWS';
const MARK_ALL = 'MATCH (e:Event) WHERE e.type IN $types CALL (e) { SET e:MeasuresStale } IN TRANSACTIONS OF 10000 ROWS';

export async function measuresVersion(db: Db): Promise<number | null> {
  const { records } = await db.driver.executeQuery(VERSION, {}, { database: db.database });
  const version = toPlain(records[0]?.get('version')) as number | null;
  return version ?? null;
}

export async function setMeasuresVersion(db: Db): Promise<void> {
  await db.driver.executeQuery(SET_VERSION, toParams({ version: MEASURES_VERSION }) as Record<string, unknown>, { database: db.database });
}

/** Drops every measure and marks every sanctions event, for a rebuild from scratch. */
export async function markAllForRebuild(db: Db): Promise<void> {
  // IN TRANSACTIONS needs an auto-commit transaction: a session's run, not executeQuery's managed one.
  const session = db.driver.session({ database: db.database });
  try {
    await session.run(DROP_ALL);
    await session.run(MARK_ALL, { types: [...SANCTIONS_TYPES] });
  } finally {
    await session.close();
  }
}

// ——— Reading measures ———

const actorRef = (id: string) => `head(COLLECT { MATCH (a:Actor {id: ${id}}) RETURN a { .id, .name, .kind } AS a })`;
const dateOf = (m: string, field: 'start' | 'end') =>
  `CASE WHEN ${m}.${field} IS NULL THEN null ELSE { date: toString(${m}.${field}), precision: ${m}.${field}Precision } END`;

/** The first quote of event `e`, as the other answers give it. */
const FIRST_QUOTE = `head(COLLECT { MATCH (e)-[r:REPORTED_IN]->(art:Article) RETURN r.quote ORDER BY art.publishedAt, r.rank })`;

const changeView = (e: string, c: string) => `{
  kind: ${c}.change,
  date: { date: toString(${e}.date), precision: ${e}.precision },
  event: { id: ${e}.id, title: ${e}.title, quote: ${FIRST_QUOTE} }
}`;

const changesOf = (m: string) => `COLLECT {
  MATCH (${m})-[c:CHANGED_BY]->(e:Event)
  RETURN ${changeView('e', 'c')} AS change ORDER BY c.order
}`;

const periodOf = (m: string) => `start: ${dateOf(m, 'start')}, end: ${dateOf(m, 'end')}`;

const EXEMPTIONS = `COLLECT {
  MATCH (x:Measure {exemptionOf: m.id})
  RETURN { id: x.id, scope: ${actorRef('x.scope')}, ${periodOf('x')}, changes: ${changesOf('x')} } AS exemption
  ORDER BY x.start, x.id
}`;

const MEASURE_VIEW = `{
  id: m.id,
  authority: ${actorRef('m.authority')},
  target: ${actorRef('m.target')},
  scope: CASE WHEN m.scope IS NULL THEN null ELSE ${actorRef('m.scope')} END,
  ${periodOf('m')},
  instrument: m.instrument,
  reimposes: m.reimposes,
  changes: ${changesOf('m')},
  exemptions: ${EXEMPTIONS}
}`;

/** Measures as stored: `startKnown` (and, for a day, `certain`) are the service's to say. */
export type StoredExemption = Omit<ExemptionView, 'startKnown'>;
export type StoredMeasure = Omit<MeasureView, 'startKnown' | 'exemptions'> & { exemptions: StoredExemption[] };

export interface MeasureFilter {
  target: string | null;
  authority: string | null;
}

/**
 * Where the measures whose changes are listed come from, exemptions included: a target's (as target or as scope)
 * or an authority's through their indexes. (Without either, the changes are found from the events.)
 */
function measuresOf(filter: MeasureFilter): string {
  if (filter.target !== null) {
    return `
      CALL () {
        MATCH (m:Measure {target: $target}) RETURN m
        UNION
        MATCH (m:Measure {scope: $target}) RETURN m
      }
      WITH m WHERE $authority IS NULL OR m.authority = $authority`;
  }
  return 'MATCH (m:Measure {authority: $authority})';
}

/**
 * Measures by line (target, scope, authority), then by start (unknown starts first: they began before any known
 * one), then id. Keys are never null, so that a page can seek after the cursor's measure.
 */
export const MEASURE_ORDER = keyset('measures', [
  { expr: 'm.target', kind: 'string' },
  { expr: 'm.scopeKey', kind: 'string' },
  { expr: 'm.authority', kind: 'string' },
  { expr: 'm.startKey', kind: 'string' },
  { expr: 'm.id', kind: 'string' },
]);

/**
 * Measures in MEASURE_ORDER from its index: a read that stops at the page's last measure in force instead of
 * sorting every measure of the target (a busy state has ten thousand). The planner prefers the target's own
 * index unless told; every key is named so that the index is usable (none is ever null).
 */
const IN_LINE_ORDER = `
  MATCH (m:Measure) USING INDEX m:Measure(target, scopeKey, authority, startKey, id)
  WHERE m.target IS NOT NULL AND m.scopeKey IS NOT NULL AND m.authority IS NOT NULL AND m.startKey IS NOT NULL AND m.id IS NOT NULL`;

/** In force on $on, by the rule of domain/sanctions.ts (inForceOn): started by then, not yet ended. */
const IN_FORCE = `(m.start IS NULL OR m.start <= date($on)) AND (m.end IS NULL OR date($on) < m.end)`;

/** Up to `limit` measures after the cursor's keys (`after`, null for the first page), each with its sort keys. */
export async function listMeasures(
  db: Db,
  filter: MeasureFilter,
  on: string | null,
  limit: number,
  after: unknown[] | null,
): Promise<Array<{ item: StoredMeasure; keys: unknown[] }>> {
  const kept = `m.exemptionOf IS NULL AND ($on IS NULL OR (${IN_FORCE})) AND ${MEASURE_ORDER.after(after)}`;
  const page = `ORDER BY ${MEASURE_ORDER.orderBy} LIMIT $limit`;
  // A target's measures: those on it, read in order from the index, and those on a part of it (few), merged.
  const source =
    filter.target !== null
      ? `CALL () {
           ${IN_LINE_ORDER} AND m.target = $target AND ${kept} AND ($authority IS NULL OR m.authority = $authority)
           RETURN m ${page}
           UNION
           MATCH (m:Measure {scope: $target}) WHERE ${kept} AND ($authority IS NULL OR m.authority = $authority)
           RETURN m ${page}
         }`
      : filter.authority !== null
        ? `MATCH (m:Measure {authority: $authority}) WHERE ${kept}`
        : `${IN_LINE_ORDER} AND ${kept}`;
  const cypher = `
    ${source}
    WITH m ${page}
    RETURN ${MEASURE_VIEW} AS item, ${MEASURE_ORDER.keys} AS keys`;
  return read<{ item: StoredMeasure; keys: unknown[] }>(db, cypher, { ...filter, on, limit, after });
}

/**
 * Sanctions events touching the window [$from, $to]: those starting in it or up to a year before (a date
 * known to the year or month covers less than a year), and those with an explicit end in or after it.
 */
const EVENTS_IN_WINDOW = `
  CALL () {
    MATCH (e:Event) WHERE e.type IN $types AND e.date >= date($from) - duration('P1Y') AND e.date <= date($to) RETURN e
    UNION
    MATCH (e:Event) WHERE e.endDate >= date($from) AND e.type IN $types AND e.date <= date($to) RETURN e
  }
  WITH e WHERE e.lastDate >= date($from)
  MATCH (m:Measure)-[c:CHANGED_BY]->(e)
  WHERE ($authority IS NULL OR m.authority = $authority)`;

const CHANGES_OF_MEASURES = (filter: MeasureFilter) => `
  ${measuresOf(filter)}
  MATCH (m)-[c:CHANGED_BY]->(e:Event)
  WHERE e.date <= date($to) AND e.lastDate >= date($from)`;

export type StoredChangeRow = Omit<ChangeRow, 'measure'> & { measure: Omit<ChangeRow['measure'], 'startKnown'> };

export interface ChangesFilter extends MeasureFilter {
  from: string;
  to: string;
}

/** Changes in date order, those of one day by measure, those of one measure and event in the order of its line. */
export const CHANGE_ORDER = keyset('sanctions-changes', [
  { expr: 'e.date', kind: 'date' },
  { expr: 'm.id', kind: 'string' },
  { expr: 'c.order', kind: 'int' },
]);

/** Up to `limit` changes in the window after the cursor's keys (`after`), each with its measure, its event's links and its sort keys. */
export async function listChanges(
  db: Db,
  filter: ChangesFilter,
  limit: number,
  after: unknown[] | null,
): Promise<Array<{ item: StoredChangeRow; keys: unknown[] }>> {
  const source = filter.target === null && filter.authority === null ? EVENTS_IN_WINDOW : CHANGES_OF_MEASURES(filter);
  const cypher = `
    ${source}
    WITH m, c, e WHERE ${CHANGE_ORDER.after(after)}
    WITH m, c, e ORDER BY ${CHANGE_ORDER.orderBy} LIMIT $limit
    RETURN {
      measure: {
        id: m.id, authority: ${actorRef('m.authority')}, target: ${actorRef('m.target')},
        scope: CASE WHEN m.scope IS NULL THEN null ELSE ${actorRef('m.scope')} END,
        exemptionOf: m.exemptionOf, ${periodOf('m')}
      },
      change: ${changeView('e', 'c')},
      links: ${eventLinksView('e')}
    } AS item, ${CHANGE_ORDER.keys} AS keys`;
  return read<{ item: StoredChangeRow; keys: unknown[] }>(db, cypher, { ...filter, types: [...SANCTIONS_TYPES], limit, after });
}
