import { toParams } from '../../db/plain';
import { runInBatches, type Db } from '../../db/query';
import { LATEST_KEPT, LATEST_ORDER } from '../../db/cypher';
import type { Migration } from '../migration';

/**
 * Each actor pair's latest shared events (ingest/summaries.ts: `latestIds`, `latestDates`, newest first), computed
 * from the events for every pair; the loader keeps them exact from then on. About as long as the pairs' own
 * rebuild: each actor's events are read once.
 */
const REBUILD_LATEST = `
  MATCH (a:Actor)
  CALL (a) {
    MATCH (a)-[:PARTICIPATED_IN]->(entry:Event)<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE a.id < b.id
    WITH DISTINCT b, entry ${LATEST_ORDER}
    WITH b, collect(entry)[0..$kept] AS latest
    MATCH (p:ActorPair {id: a.id + '|' + b.id})
    SET p.latestIds = [e IN latest | e.id], p.latestDates = [e IN latest | e.date]
  } IN TRANSACTIONS OF 20 ROWS`;

const ANY_PAIRS = 'RETURN EXISTS { (:ActorPair) } AS any';

/** Every pair's latest shared events computed again from the events. */
export const rebuildPairsLatestEvents = (db: Db): Promise<void> =>
  runInBatches(db, [REBUILD_LATEST], toParams({ kept: LATEST_KEPT }) as Record<string, unknown>);

export const pairsLatestEvents: Migration = {
  id: 3,
  name: "each actor pair's latest shared events",
  async run(db, log) {
    const { records } = await db.driver.executeQuery(ANY_PAIRS, {}, { database: db.database });
    if (records[0]?.get('any') !== true) return;
    log('Listing the latest shared events of each pair of actors (once) …');
    await rebuildPairsLatestEvents(db);
  },
};
