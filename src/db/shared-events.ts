import { inWindow, MIN_DATE, pairId } from './cypher';
import { read, readOne, type Db } from './query';

/**
 * The latest events two actors both took part in, for many pairs at once (the steps of a connection, the
 * members of a dyad's two sides). Two ways to find them, chosen per pair by what each would read:
 *  - from the quieter actor's own events, keeping those the other took part in (reads all of its events);
 *  - down the date index from the newest, keeping the events both took part in (reads about
 *    limit × all events ÷ shared events entries: few when two busy actors share many events).
 * Each way is its own query: a plan that holds both reads the index even for the pairs it does not walk.
 */

export interface SharedAsk {
  key: string;
  a: string;
  b: string;
}

export interface Window {
  from: string | null;
  to: string | null;
}

const FACTS = `
  UNWIND $asks AS ask
  MATCH (a:Actor {id: ask.a}), (b:Actor {id: ask.b})
  OPTIONAL MATCH (pair:ActorPair {id: ask.pair})
  WITH ask, a, b, coalesce(pair.total, 0) AS shared
  WHERE shared > 0
  RETURN ask.key AS key, shared,
         CASE WHEN coalesce(a.eventTotal, 0) <= coalesce(b.eventTotal, 0) THEN [a.id, b.id, coalesce(a.eventTotal, 0)]
              ELSE [b.id, a.id, coalesce(b.eventTotal, 0)] END AS ends`;

const ALL_EVENTS = 'MATCH (e:Event) RETURN count(e) AS n';

const FROM_FEW = `
  UNWIND $asks AS ask
  MATCH (few:Actor {id: ask.few}), (many:Actor {id: ask.many})
  CALL (few, many) {
    MATCH (few)-[:PARTICIPATED_IN]->(e:Event)
    WITH DISTINCT e, many WHERE EXISTS { (many)-[:PARTICIPATED_IN]->(e) } AND ${inWindow('e')}
    WITH e ORDER BY e.date DESC, e.id LIMIT $limit
    RETURN collect(e.id) AS ids
  }
  RETURN ask.key AS key, ids`;

const BY_DATE = `
  UNWIND $asks AS ask
  MATCH (few:Actor {id: ask.few}), (many:Actor {id: ask.many})
  CALL (few, many) {
    MATCH (e:Event) WHERE e.date >= ${MIN_DATE} AND ${inWindow('e')}
      AND EXISTS { (few)-[:PARTICIPATED_IN]->(e) } AND EXISTS { (many)-[:PARTICIPATED_IN]->(e) }
    WITH e ORDER BY e.date DESC LIMIT $limit
    RETURN collect(e.id) AS ids
  }
  RETURN ask.key AS key, ids`;

/** Whether walking the date index reads less than the quieter actor's own events. */
export const walkByDate = (fewEvents: number, shared: number, allEvents: number, limit: number) => (limit * allEvents) / shared < fewEvents;

/** For each pair that shares events (within the window), the ids of the latest `limit` of them, newest first. */
export async function latestSharedEvents(db: Db, asks: SharedAsk[], window: Window, limit: number): Promise<Map<string, string[]>> {
  if (asks.length === 0) return new Map();
  const [facts, allEvents] = await Promise.all([
    read<{ key: string; shared: number; ends: [string, string, number] }>(db, FACTS, { asks: asks.map((ask) => ({ ...ask, pair: pairId(ask.a, ask.b) })) }),
    readOne<number>(db, ALL_EVENTS),
  ]);
  const plans = facts.map(({ key, shared, ends: [few, many, fewEvents] }) => ({ key, few, many, walk: walkByDate(fewEvents, shared, allEvents ?? 0, limit) }));
  const run = (cypher: string, chosen: typeof plans) =>
    chosen.length === 0 ? Promise.resolve([]) : read<{ key: string; ids: string[] }>(db, cypher, { asks: chosen, limit, ...window });
  const rows = (await Promise.all([run(FROM_FEW, plans.filter((p) => !p.walk)), run(BY_DATE, plans.filter((p) => p.walk))])).flat();
  return new Map(rows.map((row) => [row.key, row.ids]));
}
