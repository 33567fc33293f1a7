import { toParams } from '../../db/plain';
import { runInBatches, type Db } from '../../db/query';
import { EVENT_TYPES } from '../../domain/taxonomy';
import type { Migration } from '../migration';

/**
 * The activity summaries (ingest/summaries.ts: per actor, per pair of actors, role links) computed from the
 * events. The loader keeps them exact from then on; this step is for a database whose events were written
 * before the summaries existed or in an older form. Before migrations were recorded, the form was kept in a
 * `(:SummaryVersion {id: 'activity'})` node: 1 had pairs as SHARES_EVENTS relationships, 2 ActorPair nodes,
 * 3 RoleLink nodes too. The step reads it to do only what is missing, then removes it (this step's record
 * says the same from now on).
 */
const LEGACY_STATE = `
  OPTIONAL MATCH (v:SummaryVersion {id: 'activity'})
  RETURN v.version AS version, EXISTS { ()-[:PARTICIPATED_IN]->() } AS anyEvents`;

const CLEAR_SUMMARIES = [
  'MATCH (p:ActorPair) CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 10000 ROWS',
  'MATCH ()-[s:SHARES_EVENTS]->() CALL (s) { DELETE s } IN TRANSACTIONS OF 10000 ROWS',
  'MATCH (a:Actor) CALL (a) { REMOVE a.eventTotal, a.eventsByType } IN TRANSACTIONS OF 10000 ROWS',
  'MATCH (l:RoleLink) CALL (l) { DETACH DELETE l } IN TRANSACTIONS OF 10000 ROWS',
];

/** Per-type counts of the `types` list, in EVENT_TYPES order. */
const COUNT_TYPES = '[type IN $types | size([t IN types WHERE t = type])]';

const REBUILD_ACTORS = `
  MATCH (a:Actor) WHERE EXISTS { (a)-[:PARTICIPATED_IN]->() }
  CALL (a) {
    MATCH (a)-[:PARTICIPATED_IN]->(e:Event)
    WITH DISTINCT e
    WITH collect(e.type) AS types
    SET a.eventTotal = size(types), a.eventsByType = ${COUNT_TYPES}
  } IN TRANSACTIONS OF 100 ROWS`;

const REBUILD_PAIRS = `
  MATCH (a:Actor)
  CALL (a) {
    MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE a.id < b.id
    WITH DISTINCT b, e
    WITH b, collect(e.type) AS types
    CREATE (a)-[:IN_PAIR]->(:ActorPair { id: a.id + '|' + b.id, total: size(types), byType: ${COUNT_TYPES} })<-[:IN_PAIR]-(b)
  } IN TRANSACTIONS OF 20 ROWS`;

const REBUILD_ROLE_LINKS = `
  MATCH (a:Actor)-[:AFFILIATED_WITH]-(b:Actor) WHERE a.id < b.id
  WITH DISTINCT a, b
  CALL (a, b) {
    MERGE (link:RoleLink {id: a.id + '|' + b.id})
    MERGE (a)-[:IN_ROLE]->(link)
    MERGE (b)-[:IN_ROLE]->(link)
  } IN TRANSACTIONS OF 1000 ROWS`;

const FULL_REBUILD = [...CLEAR_SUMMARIES, REBUILD_ACTORS, REBUILD_PAIRS, REBUILD_ROLE_LINKS];

const runAutoCommit = (db: Db, statements: readonly string[]) => runInBatches(db, statements, toParams({ types: [...EVENT_TYPES] }) as Record<string, unknown>);

/** Every actor's and pair's counts and every role link computed again from the events (without the pairs' latest events: step 3). */
export const rebuildActivitySummaries = (db: Db): Promise<void> => runAutoCommit(db, FULL_REBUILD);

export const activitySummaries: Migration = {
  id: 2,
  name: 'activity summaries computed from the events',
  async run(db, log) {
    const { records } = await db.driver.executeQuery(LEGACY_STATE, {}, { database: db.database });
    const version = (records[0]?.get('version') as { toNumber(): number } | null | undefined)?.toNumber();
    if (records[0]?.get('anyEvents') === true && version !== 3) {
      log('Computing the activity summaries of the events loaded so far (once) …');
      // Version 2 lacks only the role links; anything older (or none) is computed again from the events.
      await runAutoCommit(db, version === 2 ? [REBUILD_ROLE_LINKS] : FULL_REBUILD);
    }
    await db.driver.executeQuery("MATCH (v:SummaryVersion {id: 'activity'}) DELETE v", {}, { database: db.database });
  },
};
