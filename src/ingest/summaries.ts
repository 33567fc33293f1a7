import type { ManagedTransaction } from 'neo4j-driver';
import type { Db } from '../db/query';
import { EVENT_TYPES } from '../domain/taxonomy';

/**
 * Activity summaries: what the actor profile, the relationships list and the graph read instead of
 * expanding an actor's events (the busiest actor of a million-event corpus takes part in ~300,000):
 *  - on each Actor, `eventTotal` (distinct events it takes part in) and `eventsByType` (counts in
 *    EVENT_TYPES order: a list, since maps cannot be stored; new types must be appended to the taxonomy);
 *  - between two actors that took part in the same events, one `(a)-[:SHARES_EVENTS {total, byType}]->(b)`
 *    with a.id < b.id.
 *
 * They are derived data, kept exact by the loader in the transaction that writes the events: an event's
 * contribution (its distinct participants, its type) is subtracted before the write if the event already
 * existed, and added after it. A bulk load of new events only ever adds.
 */

const TYPES = [...EVENT_TYPES];

/** A list of per-type counts plus `sign` times the types in `types`, element by element. */
const addByType = (current: string, sign = '$sign') =>
  `[i IN range(0, size($types) - 1) | coalesce(${current}[i], 0) + ${sign} * size([t IN types WHERE t = $types[i]])]`;

const ACTOR_CONTRIBUTIONS = `
  UNWIND $eventIds AS id
  MATCH (e:Event {id: id})
  MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
  WITH DISTINCT a, e
  WITH a, collect(e.type) AS types
  SET a.eventTotal = coalesce(a.eventTotal, 0) + $sign * size(types),
      a.eventsByType = ${addByType('a.eventsByType')}`;

/** Pairs are ordered by id, so each pair has one relationship whichever side is asked about. */
const PAIR_CONTRIBUTIONS = `
  UNWIND $eventIds AS id
  MATCH (e:Event {id: id})
  WITH e, COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) WITH DISTINCT a RETURN a ORDER BY a.id } AS actors
  UNWIND range(0, size(actors) - 2) AS i
  UNWIND range(i + 1, size(actors) - 1) AS j
  WITH actors[i] AS a, actors[j] AS b, collect(e.type) AS types
  MERGE (a)-[s:SHARES_EVENTS]->(b)
  SET s.total = coalesce(s.total, 0) + $sign * size(types),
      s.byType = ${addByType('s.byType')}
  RETURN collect(elementId(s)) AS pairs`;

/** Removed only after the additions, so that reloading an unchanged article deletes and recreates nothing. */
const DROP_EMPTY_PAIRS = `
  MATCH ()-[s:SHARES_EVENTS]->() WHERE elementId(s) IN $pairs AND s.total <= 0
  DELETE s`;

/** Adds (or withdraws) the events' contributions; returns the pair relationships it touched. */
async function contribute(tx: ManagedTransaction, eventIds: string[], sign: 1 | -1): Promise<string[]> {
  if (eventIds.length === 0) return [];
  await tx.run(ACTOR_CONTRIBUTIONS, { eventIds, sign, types: TYPES });
  const { records } = await tx.run(PAIR_CONTRIBUTIONS, { eventIds, sign, types: TYPES });
  return (records[0]?.get('pairs') as string[] | undefined) ?? [];
}

const EXISTING_EVENTS = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  RETURN collect(id) AS ids`;

/**
 * Call before writing events: withdraws the contributions of those that already exist and returns what
 * to call after the writes, which adds the contributions of all of them as written.
 */
export async function beginSummaryUpdate(tx: ManagedTransaction, eventIds: string[]): Promise<() => Promise<void>> {
  const { records } = await tx.run(EXISTING_EVENTS, { ids: eventIds });
  const existing = (records[0]?.get('ids') as string[] | undefined) ?? [];
  const withdrawn = await contribute(tx, existing, -1);
  return async () => {
    await contribute(tx, eventIds, 1);
    if (withdrawn.length > 0) await tx.run(DROP_EMPTY_PAIRS, { pairs: withdrawn });
  };
}

const MISSING_SUMMARIES = `
  MATCH (a:Actor) WHERE a.eventTotal IS NULL AND EXISTS { (a)-[:PARTICIPATED_IN]->() }
  RETURN count(a) > 0 AS missing`;

const CLEAR_SUMMARIES = [
  'MATCH ()-[s:SHARES_EVENTS]->() CALL (s) { DELETE s } IN TRANSACTIONS OF 10000 ROWS',
  'MATCH (a:Actor) CALL (a) { REMOVE a.eventTotal, a.eventsByType } IN TRANSACTIONS OF 10000 ROWS',
];

const REBUILD_ACTORS = `
  MATCH (a:Actor) WHERE EXISTS { (a)-[:PARTICIPATED_IN]->() }
  CALL (a) {
    MATCH (a)-[:PARTICIPATED_IN]->(e:Event)
    WITH DISTINCT e
    WITH collect(e.type) AS types
    SET a.eventTotal = size(types), a.eventsByType = ${addByType('[]', '1')}
  } IN TRANSACTIONS OF 100 ROWS`;

const REBUILD_PAIRS = `
  MATCH (a:Actor)
  CALL (a) {
    MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE a.id < b.id
    WITH DISTINCT b, e
    WITH b, collect(e.type) AS types
    CREATE (a)-[:SHARES_EVENTS { total: size(types), byType: ${addByType('[]', '1')} }]->(b)
  } IN TRANSACTIONS OF 20 ROWS`;

/**
 * Databases written before the summaries existed get them computed once, from all their events (about a
 * minute per million events). Runs with the schema, before any load or serving.
 */
export async function ensureSummaries(db: Db, log: (message: string) => void = () => {}): Promise<void> {
  const run = (cypher: string, params: Record<string, unknown> = {}) => db.driver.executeQuery(cypher, params, { database: db.database });
  const { records } = await run(MISSING_SUMMARIES);
  if (records[0]?.get('missing') !== true) return;
  log('Computing activity summaries for events loaded before they existed (once) …');
  // IN TRANSACTIONS needs an auto-commit transaction: a session's run, not executeQuery's managed one.
  const session = db.driver.session({ database: db.database });
  try {
    for (const cypher of CLEAR_SUMMARIES) await session.run(cypher);
    await session.run(REBUILD_ACTORS, { types: TYPES });
    await session.run(REBUILD_PAIRS, { types: TYPES });
  } finally {
    await session.close();
  }
}
