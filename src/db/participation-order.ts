import type { ManagedTransaction } from 'neo4j-driver';

/**
 * An actor's events in date order, read from an index instead of sorted. Each PARTICIPATED_IN carries its
 * actor's id, its event's type, shown date and id (`p.actor`, `p.type`, `p.date`, `p.event`); the indexes
 * `participation_order` and `participation_type_order` (schema.ts) hold the participations by (actor, date, event)
 * and by (actor, type, date, event), so a page of an actor's events, of any type or of one, seeks to the cursor
 * and stops at the page's end, whatever the number of its events (who-did-what).
 *
 * Whatever creates a participation writes the keys (PARTICIPATION_KEYS, or the bulk import's columns); whatever
 * may change an event's type or shown date (a reload of its defining article, the settling of its sources' claims, an
 * editor's choice) writes them again (`rekeyParticipations`).
 */

/** The keys as map entries, for `CREATE (a)-[:PARTICIPATED_IN {role: …, ${PARTICIPATION_KEYS('a', 'e')}}]->(e)`. */
export const PARTICIPATION_KEYS = (a: string, e: string) => `actor: ${a}.id, type: ${e}.type, date: ${e}.date, event: ${e}.id`;

/** Participations whose keys are missing or no longer those of their actor and event. */
const STALE = (a: string, p: string, e: string) =>
  `${p}.date IS NULL OR ${p}.date <> ${e}.date OR ${p}.type IS NULL OR ${p}.type <> ${e}.type
   OR ${p}.actor IS NULL OR ${p}.actor <> ${a}.id OR ${p}.event IS NULL OR ${p}.event <> ${e}.id`;

const SET_KEYS = (a: string, p: string, e: string) => `SET ${p}.actor = ${a}.id, ${p}.type = ${e}.type, ${p}.date = ${e}.date, ${p}.event = ${e}.id`;

const REKEY = `
  UNWIND $ids AS id
  MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e:Event {id: id})
  WHERE ${STALE('a', 'p', 'e')}
  ${SET_KEYS('a', 'p', 'e')}`;

/** Writes the keys of these events' participations again where they are missing or stale (their type or date changed). */
export async function rekeyParticipations(tx: ManagedTransaction, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.run(REKEY, { ids: [...ids] });
}

/** Every participation's keys, where missing or stale, in batches: for a database written before they existed. */
export const BACKFILL_PARTICIPATION_KEYS = `
  MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e:Event)
  WHERE ${STALE('a', 'p', 'e')}
  CALL (a, p, e) { ${SET_KEYS('a', 'p', 'e')} } IN TRANSACTIONS OF 10000 ROWS`;
