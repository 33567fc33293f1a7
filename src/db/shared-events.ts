import { inWindow, MIN_DATE, pairId } from './cypher';
import { read, readOne, type Db } from './query';

/**
 * The latest events in which a member of one side and a member of the other took part (a dyad's two sides).
 *
 * Each pair of actors keeps its latest shared events listed on its `ActorPair` (ingest/summaries.ts: the
 * `LATEST_KEPT` latest, newest first), which answers whenever the lists hold enough: when a pair's list holds
 * all its shared events, or at least `limit` of them within the date window. Otherwise (an old window, a limit
 * over what is kept) the events are searched, in one of the ways below.
 *
 * Searching for one pair, two ways, chosen per pair by what each would read:
 *  - from the quieter actor's own events, keeping those the other took part in (reads all of its events);
 *  - down the date index from the newest, keeping the events both took part in (reads about
 *    limit × all events ÷ shared events entries: few when two busy actors share many events).
 * Each way is its own query: a plan that holds both reads the index even for the pairs it does not walk.
 * Two sides of several members (a dyad) have a third way, their quieter side's events read once.
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
         CASE WHEN coalesce(a.eventTotal, 0) <= coalesce(b.eventTotal, 0)
              THEN [a.id, b.id, coalesce(a.eventTotal, 0), coalesce(b.eventTotal, 0)]
              ELSE [b.id, a.id, coalesce(b.eventTotal, 0), coalesce(a.eventTotal, 0)] END AS ends`;

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

/** What each of the three ways of reading two sides would read, in events or index entries. */
export interface SideCosts {
  pairs: number;
  walk: number;
  quieterSide: number;
}

/**
 * Two sides of several members: pair by pair (each pair's cheaper way), one walk down the date index keeping the
 * events someone of each side took part in (cheap when the sides share many events), or the events of the
 * quieter side's members read once, keeping those someone of the other side took part in.
 */
export function sideCosts(pairs: Array<{ fewEvents: number; shared: number }>, sideEvents: [number, number], allEvents: number, limit: number): SideCosts {
  const shared = pairs.reduce((sum, p) => sum + p.shared, 0);
  return {
    pairs: pairs.reduce((sum, p) => sum + pairCost(p.fewEvents, p.shared, allEvents, limit), 0),
    walk: shared > 0 ? (limit * allEvents) / shared : Number.POSITIVE_INFINITY,
    quieterSide: Math.min(...sideEvents),
  };
}

export type SideWay = 'pairs' | 'walk' | 'quieterSide';

export const cheapestWay = (costs: SideCosts): SideWay =>
  (Object.entries(costs) as Array<[SideWay, number]>).reduce((best, next) => (next[1] < best[1] ? next : best))[0];

const FROM_QUIETER_SIDE = `
  UNWIND $few AS id
  MATCH (:Actor {id: id})-[:PARTICIPATED_IN]->(e:Event)
  WITH DISTINCT e WHERE ${inWindow('e')}
    AND EXISTS { MATCH (x:Actor)-[:PARTICIPATED_IN]->(e)<-[:PARTICIPATED_IN]-(y:Actor) WHERE x.id IN $few AND y.id IN $many AND x <> y }
  WITH e ORDER BY e.date DESC, e.id LIMIT $limit
  RETURN collect(e.id) AS ids`;

const SIDES_BY_DATE = `
  MATCH (e:Event) WHERE e.date >= ${MIN_DATE} AND ${inWindow('e')}
    AND EXISTS { MATCH (x:Actor)-[:PARTICIPATED_IN]->(e)<-[:PARTICIPATED_IN]-(y:Actor) WHERE x.id IN $a AND y.id IN $b AND x <> y }
  WITH e ORDER BY e.date DESC LIMIT $limit
  RETURN collect(e.id) AS ids`;

type Plan = { key: string; few: string; many: string; fewEvents: number; manyEvents: number; shared: number; walk: boolean };

/** Which pairs share events, how many, and which of their two ways reads less. */
async function planPairs(db: Db, asks: SharedAsk[], limit: number): Promise<{ plans: Plan[]; allEvents: number }> {
  const [facts, allEvents] = await Promise.all([
    read<{ key: string; shared: number; ends: [string, string, number, number] }>(db, FACTS, {
      asks: asks.map((ask) => ({ ...ask, pair: pairId(ask.a, ask.b) })),
    }),
    readOne<number>(db, ALL_EVENTS),
  ]);
  const all = allEvents ?? 0;
  const plans = facts.map(({ key, shared, ends: [few, many, fewEvents, manyEvents] }) => ({
    key,
    few,
    many,
    fewEvents,
    manyEvents,
    shared,
    walk: walkByDate(fewEvents, shared, all, limit),
  }));
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
    ...balance(
      plans.filter((p) => !p.walk),
      cost,
      LANES,
    ).map((chosen) => ({ cypher: FROM_FEW, chosen })),
    ...balance(
      plans.filter((p) => p.walk),
      cost,
      LANES,
    ).map((chosen) => ({ cypher: BY_DATE, chosen })),
  ];
  const rows = await Promise.all(queries.map(({ cypher, chosen }) => read<{ key: string; ids: string[] }>(db, cypher, { asks: chosen, limit, ...window })));
  return new Map(rows.flat().map((row) => [row.key, row.ids]));
}

/** Each side's members that share events with the other side, and the events they take part in. */
function sidesOf(asks: SharedAsk[], plans: Plan[]): { a: string[]; b: string[]; events: [number, number] } {
  const sharing = new Set(plans.map((p) => p.key));
  const totals = new Map(
    plans.flatMap(
      (p) =>
        [
          [p.few, p.fewEvents],
          [p.many, p.manyEvents],
        ] as Array<[string, number]>,
    ),
  );
  const kept = asks.filter((ask) => sharing.has(ask.key));
  const a = [...new Set(kept.map((ask) => ask.a))];
  const b = [...new Set(kept.map((ask) => ask.b))];
  const sum = (ids: string[]) => ids.reduce((total, id) => total + (totals.get(id) ?? 0), 0);
  return { a, b, events: [sum(a), sum(b)] };
}

/** A pair's listed events within the window, newest first (at most `limit`), and whether its list holds all its shared events. */
interface Listed {
  key: string;
  shared: number;
  listed: number;
  latest: Array<[string, string]>;
}

const LISTED = `
  UNWIND $asks AS ask
  OPTIONAL MATCH (p:ActorPair {id: ask.pair})
  WITH ask, p, coalesce(p.latestIds, []) AS ids
  RETURN ask.key AS key, coalesce(p.total, 0) AS shared, size(ids) AS listed,
         [i IN range(0, size(ids) - 1) | [ids[i], toString(p.latestDates[i])]][0..$limit] AS latest`;

const LISTED_IN_WINDOW = `
  UNWIND $asks AS ask
  OPTIONAL MATCH (p:ActorPair {id: ask.pair})
  WITH ask, p, coalesce(p.latestIds, []) AS ids
  CALL (ids) {
    UNWIND ids AS id
    MATCH (e:Event {id: id}) WHERE ${inWindow('e')}
    WITH e ORDER BY e.date DESC, e.id LIMIT $limit
    RETURN collect([e.id, toString(e.date)]) AS latest
  }
  RETURN ask.key AS key, coalesce(p.total, 0) AS shared, size(ids) AS listed, latest`;

async function readListed(db: Db, asks: SharedAsk[], window: Window, limit: number): Promise<Listed[]> {
  const cypher = window.from === null && window.to === null ? LISTED : LISTED_IN_WINDOW;
  return read<Listed>(db, cypher, { asks: asks.map((ask) => ({ ...ask, pair: pairId(ask.a, ask.b) })), limit, ...window });
}

/**
 * The same in Cypher, for a query that goes on to read the events: over every pair of a member of side `a` and a
 * member of side `b` (two lists of ids in scope), `answered` (every list answers, as `listAnswers` says) and
 * `latest`, the newest `$limit` of the events the lists hold (as `newestOfLists` orders them), without a window.
 */
export const LATEST_FROM_LISTS = (a: string, b: string) => `
  CALL (${a}, ${b}) {
    UNWIND ${a} AS x
    UNWIND ${b} AS y
    WITH x, y WHERE x <> y
    OPTIONAL MATCH (p:ActorPair {id: CASE WHEN x < y THEN x + '|' + y ELSE y + '|' + x END})
    WITH p, coalesce(p.latestIds, []) AS ids
    WITH collect({ answers: size(ids) >= coalesce(p.total, 0) OR size(ids) >= $limit,
                   latest: [i IN range(0, size(ids) - 1) | [ids[i], toString(p.latestDates[i])]][0..$limit] }) AS lists
    RETURN all(list IN lists WHERE list.answers) AS answered,
           COLLECT { UNWIND lists AS list UNWIND list.latest AS entry
                     WITH DISTINCT entry[0] AS id, entry[1] AS day ORDER BY day DESC, id LIMIT $limit
                     RETURN id } AS latest
  }`;

/** The list answers for its pair when it holds all the pair's shared events or `limit` of them in the window. */
export const listAnswers = (row: Pick<Listed, 'shared' | 'listed' | 'latest'>, limit: number) => row.listed >= row.shared || row.latest.length >= limit;

/** The latest `limit` of the events several lists hold (an event may be on several), newest first, then by id. */
export function newestOfLists(lists: Array<Array<[string, string]>>, limit: number): string[] {
  const days = new Map(lists.flat());
  const order = ([idA, dayA]: [string, string], [idB, dayB]: [string, string]) => (dayA !== dayB ? (dayA < dayB ? 1 : -1) : idA < idB ? -1 : idA > idB ? 1 : 0);
  return [...days]
    .sort(order)
    .slice(0, limit)
    .map(([id]) => id);
}

const NEWEST_FIRST = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  WITH e ORDER BY e.date DESC, e.id LIMIT $limit
  RETURN collect(e.id) AS ids`;

export type BetweenWay = 'lists' | SideWay;

/**
 * The latest events (at most `limit` of them, newest first) in which a member of one side and a member of the
 * other took part: from the pairs' lists when they answer, else searched the cheapest of three ways
 * (`sideCosts`). `way` forces one of them, for comparing them.
 */
export async function latestEventsBetween(db: Db, asks: SharedAsk[], window: Window, limit: number, way?: BetweenWay): Promise<string[]> {
  if (asks.length === 0) return [];
  if (way === undefined || way === 'lists') {
    const listed = await readListed(db, asks, window, limit);
    if (way === 'lists' || listed.every((row) => listAnswers(row, limit)))
      return newestOfLists(
        listed.map((row) => row.latest),
        limit,
      );
  }
  const found = await searchBetween(db, asks, window, limit, way);
  return found.length === 0 ? [] : ((await readOne<string[]>(db, NEWEST_FIRST, { ids: found, limit })) ?? []);
}

/** The events searched for (`latestEventsBetween` when the lists do not answer), in no particular order. */
async function searchBetween(db: Db, asks: SharedAsk[], window: Window, limit: number, way?: SideWay): Promise<string[]> {
  const { plans, allEvents } = await planPairs(db, asks, limit);
  if (plans.length === 0) return [];
  const sides = sidesOf(asks, plans);
  const chosen = way ?? (plans.length === 1 ? 'pairs' : cheapestWay(sideCosts(plans, sides.events, allEvents, limit)));
  if (chosen === 'walk') return (await readOne<string[]>(db, SIDES_BY_DATE, { a: sides.a, b: sides.b, limit, ...window })) ?? [];
  if (chosen === 'quieterSide') {
    const [few, many] = sides.events[0] <= sides.events[1] ? [sides.a, sides.b] : [sides.b, sides.a];
    return (await readOne<string[]>(db, FROM_QUIETER_SIDE, { few, many, limit, ...window })) ?? [];
  }
  return [...new Set([...(await readPairs(db, plans, window, limit, allEvents)).values()].flat())];
}
