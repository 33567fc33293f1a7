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

/** The events a pair's cheaper way reads. */
const pairCost = (fewEvents: number, shared: number, allEvents: number, limit: number) => Math.min(fewEvents, (limit * allEvents) / shared);

/**
 * Whether one walk down the date index, keeping the events someone of each side took part in, reads less than
 * all the pairs of members read one by one: two sides of many busy members share many events between them.
 */
export const walkSides = (pairs: Array<{ fewEvents: number; shared: number }>, allEvents: number, limit: number) => {
  const shared = pairs.reduce((sum, p) => sum + p.shared, 0);
  const byPairs = pairs.reduce((sum, p) => sum + pairCost(p.fewEvents, p.shared, allEvents, limit), 0);
  return shared > 0 && (limit * allEvents) / shared < byPairs;
};

const SIDES_BY_DATE = `
  MATCH (e:Event) WHERE e.date >= ${MIN_DATE} AND ${inWindow('e')}
    AND EXISTS { MATCH (x:Actor)-[:PARTICIPATED_IN]->(e)<-[:PARTICIPATED_IN]-(y:Actor) WHERE x.id IN $a AND y.id IN $b AND x <> y }
  WITH e ORDER BY e.date DESC LIMIT $limit
  RETURN collect(e.id) AS ids`;

type Plan = { key: string; few: string; many: string; fewEvents: number; shared: number; walk: boolean };

/** Which pairs share events, how many, and which of their two ways reads less. */
async function planPairs(db: Db, asks: SharedAsk[], limit: number): Promise<{ plans: Plan[]; allEvents: number }> {
  const [facts, allEvents] = await Promise.all([
    read<{ key: string; shared: number; ends: [string, string, number] }>(db, FACTS, { asks: asks.map((ask) => ({ ...ask, pair: pairId(ask.a, ask.b) })) }),
    readOne<number>(db, ALL_EVENTS),
  ]);
  const all = allEvents ?? 0;
  const plans = facts.map(({ key, shared, ends: [few, many, fewEvents] }) => ({ key, few, many, fewEvents, shared, walk: walkByDate(fewEvents, shared, all, limit) }));
  return { plans, allEvents: all };
}

/**
 * Pairs in `lanes` groups of about equal cost, heaviest first into the lightest group: each group is its own
 * query, and the queries run at once, so one request's reading is spread over the database's cores.
 */
export function balance<T>(items: T[], cost: (item: T) => number, lanes: number): T[][] {
  const groups = Array.from({ length: lanes }, () => ({ cost: 0, items: [] as T[] }));
  for (const item of [...items].sort((x, y) => cost(y) - cost(x))) {
    const lightest = groups.reduce((min, g) => (g.cost < min.cost ? g : min));
    lightest.items.push(item);
    lightest.cost += cost(item);
  }
  return groups.map((g) => g.items).filter((g) => g.length > 0);
}

/** Queries at once per way of reading: two cores on the machines this runs on, a few more do no harm. */
const LANES = 2;

async function readPairs(db: Db, plans: Plan[], window: Window, limit: number, allEvents: number): Promise<Map<string, string[]>> {
  const cost = (p: Plan) => (p.walk ? (limit * allEvents) / p.shared : p.fewEvents);
  const queries = [
    ...balance(plans.filter((p) => !p.walk), cost, LANES).map((chosen) => ({ cypher: FROM_FEW, chosen })),
    ...balance(plans.filter((p) => p.walk), cost, LANES).map((chosen) => ({ cypher: BY_DATE, chosen })),
  ];
  const rows = await Promise.all(queries.map(({ cypher, chosen }) => read<{ key: string; ids: string[] }>(db, cypher, { asks: chosen, limit, ...window })));
  return new Map(rows.flat().map((row) => [row.key, row.ids]));
}

/** For each pair that shares events (within the window), the ids of the latest `limit` of them, newest first. */
export async function latestSharedEvents(db: Db, asks: SharedAsk[], window: Window, limit: number): Promise<Map<string, string[]>> {
  if (asks.length === 0) return new Map();
  const { plans, allEvents } = await planPairs(db, asks, limit);
  return readPairs(db, plans, window, limit, allEvents);
}

/**
 * The latest events (at most `limit` of them) in which a member of one side and a member of the other took
 * part: pair by pair, or in one walk down the date index when that reads less. Not in date order when read by
 * pairs (each pair gives its own latest `limit`): the caller sorts and cuts. `way` forces one of the two ways,
 * for comparing them.
 */
export async function latestEventsBetween(db: Db, asks: SharedAsk[], window: Window, limit: number, way: 'cheaper' | 'pairs' | 'walk' = 'cheaper'): Promise<string[]> {
  if (asks.length === 0) return [];
  const { plans, allEvents } = await planPairs(db, asks, limit);
  if (way === 'walk' || (way === 'cheaper' && plans.length > 1 && walkSides(plans, allEvents, limit))) {
    const sides = { a: [...new Set(asks.map((ask) => ask.a))], b: [...new Set(asks.map((ask) => ask.b))] };
    return (await readOne<string[]>(db, SIDES_BY_DATE, { ...sides, limit, ...window })) ?? [];
  }
  return [...new Set([...(await readPairs(db, plans, window, limit, allEvents)).values()].flat())];
}
