import { read, type Db } from '../db/query';

const COUNTS = `
  RETURN COUNT { (:Event) } AS events, COUNT { (:Actor) } AS actors, COUNT { (:Article) } AS articles`;

/** How many events, actors and articles the database holds: from its count store, one short query. */
export async function readCounts(db: Db): Promise<{ events: number; actors: number; articles: number }> {
  const [counts] = await read<{ events: number; actors: number; articles: number }>(db, COUNTS);
  return counts ?? { events: 0, actors: 0, articles: 0 };
}

/** The actor that takes part in the most events (from the activity summaries), or undefined in an empty database. */
export async function busiestActor(db: Db): Promise<string | undefined> {
  const [row] = await read<{ id: string }>(db, 'MATCH (a:Actor) WHERE a.eventTotal > 0 RETURN a.id AS id ORDER BY a.eventTotal DESC LIMIT 1');
  return row?.id;
}

/**
 * When the database server last started (its JVM's start time, over JMX), as text: it changes when Neo4j restarts,
 * even when no query of the app saw it go down (its pooled connections are replaced on the next query). The
 * databases' own `lastStartTime` would not do: Community Edition reports the store's creation there.
 */
export async function databaseStartedAt(db: Db): Promise<string | undefined> {
  const [row] = await read<{ startedAt: string | null }>(
    db,
    `CALL dbms.queryJmx('java.lang:type=Runtime') YIELD attributes
     RETURN toString(attributes.StartTime.value) AS startedAt`,
  );
  return row?.startedAt ?? undefined;
}
