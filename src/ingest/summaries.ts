import type { ManagedTransaction } from 'neo4j-driver';
import { LATEST_KEPT, LATEST_ORDER, latestFirst, pairId } from '../db/cypher';
import { toParams } from '../db/plain';
import { PlaceTally, writePlaceRows } from '../places/place-counts';
import { tallyMonths, writeMonthChanges, writeMonthRows } from './month-counts';
import type { SummaryRows } from './tally';
import { Tally } from '../domain/type-tally';
import type { Contribution } from './tally';

/**
 * Activity summaries: what the actor profile, the relationships list and the graph read instead of
 * expanding an actor's events (the busiest actor of a million-event corpus takes part in ~300,000):
 *  - on each Actor, `eventTotal` (distinct events it takes part in) and `eventsByType` (counts in
 *    EVENT_TYPES order: a list, since maps cannot be stored; new types must be appended to the taxonomy);
 *  - for two actors that took part in the same events, one `(:ActorPair {id: 'a|b', total, byType})` with
 *    a.id < b.id, joined to both by IN_PAIR. A node rather than a relationship between the actors, so that
 *    the loader finds it by a unique-index seek: checking two busy actors for a relationship between them
 *    reads thousands of relationships.
 *
 *    Each pair also keeps its latest shared events, newest first (`latestIds`, with their `latestDates`): the
 *    `LATEST_KEPT` latest, or all when it has fewer. A connection's steps and a dyad read them instead of
 *    searching two actors' events for the ones they share (two busy actors share thousands among 300,000).
 *
 *  - per month, and per actor and month: month-counts.ts; per place, place and year, place and month:
 *    places/place-counts.ts (from the places each contribution is drawn at).
 *
 *  - for two actors one of whom holds a role toward the other (AFFILIATED_WITH, either way), one
 *    `(:RoleLink {id: 'a|b'})` joined to both by IN_ROLE: with the pairs, it makes every step from one actor to
 *    the next two relationships long, whatever joins them, so path searches (connections/) count hops alike.
 *
 * They are derived data, kept exact by the loader in the transaction that writes the events: the
 * contribution of every event of the batch (its type and distinct participants) is read before the writes
 * if the event already existed and after them (for a new event, it is what the batch wrote), and only the
 * difference is written. A bulk load of new events only adds; reloading an unchanged article writes nothing.
 */

const CONTRIBUTIONS = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  RETURN id, e.type AS type, toString(e.date) AS date, toString(e.lastDate) AS lastDate,
         COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) RETURN DISTINCT a.id } AS actors,
         COLLECT { MATCH (e)-[:LOCATED_AT]->(p:Place) RETURN DISTINCT p.id } AS places`;

/** The contributions of those of these events that exist (the others are not returned). */
export async function readContributions(tx: ManagedTransaction, ids: string[]): Promise<Contribution[]> {
  if (ids.length === 0) return [];
  const { records } = await tx.run(CONTRIBUTIONS, { ids });
  return records.map((r) => ({
    id: r.get('id') as string,
    type: r.get('type') as string,
    date: r.get('date') as string,
    lastDate: r.get('lastDate') as string | null,
    actors: r.get('actors') as string[],
    places: r.get('places') as string[],
  }));
}

/** The contributions added to (or withdrawn from) the actors' and the pairs' counts. */
export function tallyInto(actors: Tally, pairs: Tally, contributions: readonly Contribution[], sign: 1 | -1): void {
  for (const { type, actors: ids } of contributions) {
    const sorted = [...ids].sort();
    sorted.forEach((a, i) => {
      actors.add(a, type, sign);
      for (const b of sorted.slice(i + 1)) pairs.add(pairId(a, b), type, sign);
    });
  }
}

/** The events one pair shares, as one side of a write sees them: event id → first day. */
function sharedByPair(contributions: Contribution[]): Map<string, Map<string, string>> {
  const pairs = new Map<string, Map<string, string>>();
  for (const { id, date, actors } of contributions) {
    const sorted = [...actors].sort();
    sorted.forEach((a, i) => {
      for (const b of sorted.slice(i + 1)) pairs.set(pairId(a, b), (pairs.get(pairId(a, b)) ?? new Map<string, string>()).set(id, date));
    });
  }
  return pairs;
}

/** What a write changes in a pair's latest shared events: the events it no longer shares (or shares on another day), the new ones. */
export interface LatestChange {
  key: string;
  drop: string[];
  add: Array<{ id: string; date: string }>;
}

/** The changes to the pairs' latest shared events between the contributions before a write and after it, in key order. */
export function latestChanges(before: Contribution[], after: Contribution[]): LatestChange[] {
  const was = sharedByPair(before);
  const is = sharedByPair(after);
  return [...new Set([...was.keys(), ...is.keys()])]
    .sort()
    .map((key) => {
      const old = was.get(key) ?? new Map<string, string>();
      const now = is.get(key) ?? new Map<string, string>();
      return {
        key,
        drop: [...old].filter(([id, date]) => now.get(id) !== date).map(([id]) => id),
        add: [...now].filter(([id, date]) => old.get(id) !== date).map(([id, date]) => ({ id, date })),
      };
    })
    .filter((change) => change.drop.length + change.add.length > 0);
}

const addLists = (current: string) => `[i IN range(0, size(row.byType) - 1) | coalesce(${current}[i], 0) + row.byType[i]]`;

const APPLY_TO_ACTORS = `
  UNWIND $rows AS row
  MATCH (a:Actor {id: row.key})
  SET a.eventTotal = coalesce(a.eventTotal, 0) + row.total, a.eventsByType = ${addLists('a.eventsByType')}`;

/**
 * A pair that does not exist yet is created whole, with its latest shared events (what the write adds), joined to
 * its actors; one that exists is added to, and its list of latest events is merged by APPLY_LATEST. Answers the
 * pairs that existed. A pair another write creates meanwhile makes this one's CREATE fail on the uniqueness
 * constraint: the loader writes the batch again (load.repository.ts), which then finds it.
 */
const APPLY_TO_PAIRS = `
  UNWIND $rows AS row
  OPTIONAL MATCH (p:ActorPair {id: row.key})
  CALL (row, p) {
    WITH row, p WHERE p IS NULL AND row.total > 0
    MATCH (a:Actor {id: split(row.key, '|')[0]})
    MATCH (b:Actor {id: split(row.key, '|')[1]})
    CREATE (a)-[:IN_PAIR]->(:ActorPair {
      id: row.key, total: row.total, byType: row.byType, latestIds: row.latestIds, latestDates: [d IN row.latestDates | date(d)]
    })<-[:IN_PAIR]-(b)
  }
  CALL (row, p) {
    WITH row, p WHERE p IS NOT NULL
    SET p.total = coalesce(p.total, 0) + row.total, p.byType = ${addLists('p.byType')}
  }
  WITH row WHERE p IS NOT NULL
  RETURN collect(row.key) AS existing`;

/** A new pair's latest shared events: the write's, newest first, the LATEST_KEPT latest. */
function newLatest(change: LatestChange | undefined): { latestIds: string[]; latestDates: string[] } {
  const latest = [...(change?.add ?? [])].sort(latestFirst).slice(0, LATEST_KEPT);
  return { latestIds: latest.map((e) => e.id), latestDates: latest.map((e) => e.date) };
}

/**
 * Merges each pair's changes into its kept list. A list that lost an event it held while full may now lack
 * one it should hold (the next older shared event): those pairs are returned, to be read again from the events.
 */
const APPLY_LATEST = `
  UNWIND $rows AS row
  MATCH (p:ActorPair {id: row.key})
  CALL (p, row) {
    WITH coalesce(p.latestIds, []) AS ids, coalesce(p.latestDates, []) AS dates
    UNWIND [i IN range(0, size(ids) - 1) WHERE NOT ids[i] IN row.drop | {id: ids[i], date: dates[i]}]
         + [x IN row.add | {id: x.id, date: date(x.date)}] AS entry
    WITH entry ${LATEST_ORDER} LIMIT $kept
    RETURN collect(entry.id) AS ids, collect(entry.date) AS dates
  }
  SET p.latestIds = ids, p.latestDates = dates
  WITH p, ids WHERE p.total > 0 AND size(ids) < CASE WHEN p.total < $kept THEN p.total ELSE $kept END
  RETURN p.id AS key`;

/** A pair's latest shared events read from the events of its quieter actor. */
const REFILL_LATEST = `
  UNWIND $keys AS key
  MATCH (p:ActorPair {id: key})
  MATCH (a:Actor {id: split(key, '|')[0]}), (b:Actor {id: split(key, '|')[1]})
  WITH p, CASE WHEN coalesce(a.eventTotal, 0) <= coalesce(b.eventTotal, 0) THEN [a, b] ELSE [b, a] END AS ends
  CALL (ends) {
    WITH ends[0] AS few, ends[1] AS many
    MATCH (few)-[:PARTICIPATED_IN]->(entry:Event) WHERE EXISTS { (many)-[:PARTICIPATED_IN]->(entry) }
    WITH DISTINCT entry ${LATEST_ORDER} LIMIT $kept
    RETURN collect(entry.id) AS ids, collect(entry.date) AS dates
  }
  SET p.latestIds = ids, p.latestDates = dates`;

async function writeLatestChanges(tx: ManagedTransaction, changes: LatestChange[]): Promise<void> {
  if (changes.length === 0) return;
  const { records } = await tx.run(APPLY_LATEST, toParams({ rows: changes, kept: LATEST_KEPT }) as Record<string, unknown>);
  const short = records.map((r) => r.get('key') as string);
  if (short.length > 0) await tx.run(REFILL_LATEST, toParams({ keys: short, kept: LATEST_KEPT }) as Record<string, unknown>);
}

const DROP_EMPTY_PAIRS = `
  UNWIND $ids AS id
  MATCH (p:ActorPair {id: id}) WHERE p.total <= 0
  DETACH DELETE p`;

/**
 * Writes the difference between the events' contributions before a write (read before it) and after it:
 * an update is the old contribution withdrawn and the new one added.
 */
export async function writeSummaryChanges(tx: ManagedTransaction, before: Contribution[], after: Contribution[]): Promise<void> {
  const actors = new Tally();
  const pairs = new Tally();
  const months = new Tally();
  const actorMonths = new Tally();
  tallyInto(actors, pairs, before, -1);
  tallyInto(actors, pairs, after, 1);
  tallyMonths(months, actorMonths, before, -1);
  tallyMonths(months, actorMonths, after, 1);
  const places = new PlaceTally();
  places.add(before, -1);
  places.add(after, 1);
  const actorRows = actors.changes();
  const pairRows = pairs.changes();
  if (actorRows.length > 0) await tx.run(APPLY_TO_ACTORS, toParams({ rows: actorRows }) as Record<string, unknown>);
  const latest = latestChanges(before, after);
  const latestByPair = new Map(latest.map((change) => [change.key, change]));
  let existing = new Set<string>();
  if (pairRows.length > 0) {
    const rows = pairRows.map((row) => ({ ...row, ...newLatest(latestByPair.get(row.key)) }));
    const { records } = await tx.run(APPLY_TO_PAIRS, toParams({ rows }) as Record<string, unknown>);
    existing = new Set((records[0]?.get('existing') as string[] | undefined) ?? []);
  }
  // Pairs created above have their lists; a pair whose counts did not change may still have a changed list.
  const created = new Set(pairRows.map((row) => row.key).filter((key) => !existing.has(key)));
  await writeLatestChanges(
    tx,
    latest.filter((change) => !created.has(change.key)),
  );
  await writeMonthChanges(tx, months, actorMonths);
  await writePlaceRows(tx, places.rows());
  const shrunk = pairRows.filter((row) => row.total < 0).map((row) => row.key);
  if (shrunk.length > 0) await tx.run(DROP_EMPTY_PAIRS, { ids: shrunk });
}

/**
 * Adds the summaries of new events (summary-totals.ts) to the database's: the actors' counts, the pairs' (a new pair
 * created whole with its latest shared events, an existing one's merged with them), the months'. What a file load
 * writes once at its end instead of once per batch (deferred-summaries.ts); the rows may be any slice of a load's.
 */
export async function writeSummaryRows(tx: ManagedTransaction, rows: SummaryRows): Promise<void> {
  if (rows.actors.length > 0) await tx.run(APPLY_TO_ACTORS, toParams({ rows: rows.actors }) as Record<string, unknown>);
  if (rows.pairs.length > 0) {
    const { records } = await tx.run(APPLY_TO_PAIRS, toParams({ rows: rows.pairs }) as Record<string, unknown>);
    const existing = new Set((records[0]?.get('existing') as string[] | undefined) ?? []);
    const merged = rows.pairs
      .filter((row) => existing.has(row.key))
      .map((row) => ({ key: row.key, drop: [], add: row.latestIds.map((id, i) => ({ id, date: row.latestDates[i]! })) }));
    await writeLatestChanges(tx, merged);
  }
  await writeMonthRows(tx, rows.months, rows.actorMonths);
  if (rows.places) await writePlaceRows(tx, rows.places);
}

const APPLY_ROLE_LINKS = `
  UNWIND $ids AS id
  MATCH (a:Actor {id: split(id, '|')[0]})
  MATCH (b:Actor {id: split(id, '|')[1]})
  MERGE (link:RoleLink {id: id})
  MERGE (a)-[:IN_ROLE]->(link)
  MERGE (b)-[:IN_ROLE]->(link)`;

/** The RoleLink ids of these affiliations, each once, in order (the order concurrent writers lock them in). */
export const roleLinkIds = (affiliations: ReadonlyArray<{ actor: string; counterpart: string }>): string[] =>
  [...new Set(affiliations.filter((a) => a.actor !== a.counterpart).map((a) => pairId(a.actor, a.counterpart)))].sort();

/** Joins the two ends of each affiliation by their RoleLink (affiliations are only ever added). */
export async function writeRoleLinks(tx: ManagedTransaction, affiliations: ReadonlyArray<{ actor: string; counterpart: string }>): Promise<void> {
  await writeRoleLinkIds(tx, roleLinkIds(affiliations));
}

/** Joins the two actors of each RoleLink id (`a|b`) by it. */
export async function writeRoleLinkIds(tx: ManagedTransaction, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.run(APPLY_ROLE_LINKS, { ids: [...ids] });
}

// A database whose events were written before the summaries (or in an older form) gets them computed by a
// migration: src/migrations/steps/002-activity-summaries.ts.
