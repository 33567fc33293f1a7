import { read, type Db } from '../db/query';

const COUNTS = `
  RETURN COUNT { (:Event) } AS events, COUNT { (:Actor) } AS actors, COUNT { (:Article) } AS articles`;

/** How many events, actors and articles the database holds: from its count store, one short query. */
export async function readCounts(db: Db): Promise<{ events: number; actors: number; articles: number }> {
  const [counts] = await read<{ events: number; actors: number; articles: number }>(db, COUNTS);
  return counts ?? { events: 0, actors: 0, articles: 0 };
}

/**
 * The busiest actor (the most events, from the activity summaries) of each order of magnitude of id length, busiest
 * first; none in an empty database. Neo4j keeps a plan per query and per order of magnitude of each string
 * parameter's length (1, 2–10, 11–100 characters …): a query warmed for `belarus` is planned again, cold, for
 * `donald-trump`.
 */
export async function busiestActors(db: Db): Promise<string[]> {
  const rows = await read<{ id: string }>(
    db,
    `MATCH (a:Actor) WHERE a.eventTotal > 0
     WITH a ORDER BY a.eventTotal DESC
     WITH toInteger(ceil(log10(size(a.id)))) AS lengthClass, collect(a)[0] AS busiest
     RETURN busiest.id AS id ORDER BY busiest.eventTotal DESC`,
  );
  return rows.map((row) => row.id);
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

/** The latest event's id (by the date index), or undefined in an empty database. */
export async function latestEvent(db: Db): Promise<string | undefined> {
  const [row] = await read<{ id: string }>(db, 'MATCH (e:Event) WHERE e.date IS NOT NULL RETURN e.id AS id ORDER BY e.date DESC LIMIT 1');
  return row?.id;
}
