import { pairId, partnerInPair, TYPE_AND_WINDOW } from '../db/cypher';
import { read, type Db } from '../db/query';
import { countsByType, EVENT_TYPES, type EventType } from '../domain/taxonomy';
import type { GraphLink, GraphNode } from './graph.schemas';

export interface GraphFilter {
  type: EventType | null;
  from: string | null;
  to: string | null;
}

const EVENT_CONDITIONS = TYPE_AND_WINDOW;

const filterParams = (filter: GraphFilter) => ({ type: filter.type, from: filter.from, to: filter.to });

/**
 * Without a date filter every count comes from the activity summaries the loader keeps
 * (src/ingest/summaries.ts): all events, or the events of one type (its position in the summaries' lists).
 * A date window has no summary: its events are found through the date index, and counted.
 */
const usesSummaries = (filter: GraphFilter) => filter.from === null && filter.to === null;
const summaryParams = (filter: GraphFilter) => ({ typeIndex: filter.type === null ? null : EVENT_TYPES.indexOf(filter.type) });
const ACTOR_EVENTS = 'CASE WHEN $typeIndex IS NULL THEN coalesce(a.eventTotal, 0) ELSE coalesce(a.eventsByType[$typeIndex], 0) END';
const PAIR_EVENTS = 'CASE WHEN $typeIndex IS NULL THEN p.total ELSE coalesce(p.byType[$typeIndex], 0) END';

const MOST_ACTIVE = `
  MATCH (a:Actor)
  WITH a, ${ACTOR_EVENTS} AS eventCount
  WHERE eventCount > 0
  WITH a, eventCount ORDER BY eventCount DESC, a.name LIMIT $limit
  RETURN a { .id, .name, .kind, eventCount: eventCount } AS node`;

/** With filters, the window's (or type's) events are found through the date index first. */
const MOST_ACTIVE_FILTERED = `
  MATCH (e:Event) WHERE ${EVENT_CONDITIONS}
  MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
  WITH a, count(DISTINCT e) AS eventCount ORDER BY eventCount DESC, a.name LIMIT $limit
  RETURN a { .id, .name, .kind, eventCount: eventCount } AS node`;

export async function mostActiveActors(db: Db, filter: GraphFilter, limit: number): Promise<GraphNode[]> {
  const rows = usesSummaries(filter)
    ? await read<{ node: GraphNode }>(db, MOST_ACTIVE, { ...summaryParams(filter), limit })
    : await read<{ node: GraphNode }>(db, MOST_ACTIVE_FILTERED, { ...filterParams(filter), limit });
  return rows.map((row) => row.node);
}

/**
 * One actor and the actors closest to it: by events shared (within the filters) plus affiliations either
 * way, strongest first (ties by id). The centre comes first; eventCount is each actor's own count within
 * the filters (NODES). `shared` and `eventCount` are the two things that differ with and without summaries.
 * Neighbours are ranked by id, and only the chosen few are then looked up: a busy actor has thousands.
 */
const NEIGHBOURHOOD = (shared: string) => `
  MATCH (self:Actor {id: $actor})
  CALL (self) {
    ${shared}
    UNION ALL
    MATCH (self)-[:AFFILIATED_WITH]-(other)
    WHERE other <> self
    RETURN other.id AS otherId, count(*) AS weight
  }
  WITH self, otherId, sum(weight) AS weight WHERE weight > 0
  WITH self, otherId, weight ORDER BY weight DESC, otherId LIMIT $neighbours
  MATCH (other:Actor {id: otherId})
  WITH self, collect(other) AS others
  WITH [self] + others AS actors`;

const NODES = (eventCount: string) => `
  UNWIND actors AS a
  RETURN a { .id, .name, .kind, eventCount: ${eventCount} } AS node`;

/**
 * The other actor of each of the centre's pairs is read from the pair's id ('a|b'), not from the graph.
 * IN_PAIR leads only to ActorPair nodes: the label is not checked again.
 */
const SHARED_FROM_SUMMARIES = `
    MATCH (self)-[:IN_PAIR]->(p)
    RETURN ${partnerInPair('p', '$actor')} AS otherId, ${PAIR_EVENTS} AS weight`;

const SHARED_IN_WINDOW = `
    MATCH (self)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(other:Actor)
    WHERE other <> self AND ${EVENT_CONDITIONS}
    RETURN other.id AS otherId, count(DISTINCT e) AS weight`;

const EVENTS_IN_WINDOW = `COUNT { MATCH (a)-[:PARTICIPATED_IN]->(e:Event) WHERE ${EVENT_CONDITIONS} RETURN DISTINCT e }`;

const SELF_ONLY = (eventCount: string) => `
  MATCH (a:Actor {id: $actor})
  RETURN a { .id, .name, .kind, eventCount: ${eventCount} } AS node`;

export async function neighbourhood(db: Db, actor: string, filter: GraphFilter, limit: number): Promise<GraphNode[]> {
  const [shared, eventCount, params] = usesSummaries(filter)
    ? [SHARED_FROM_SUMMARIES, ACTOR_EVENTS, summaryParams(filter)]
    : [SHARED_IN_WINDOW, EVENTS_IN_WINDOW, filterParams(filter)];
  const rows = await read<{ node: GraphNode }>(db, NEIGHBOURHOOD(shared) + NODES(eventCount), { ...params, actor, neighbours: limit - 1 });
  if (rows.length > 0) return rows.map((row) => row.node);
  return (await read<{ node: GraphNode }>(db, SELF_ONLY(eventCount), { ...params, actor })).map((row) => row.node);
}

/**
 * Pairs among the given actors that share events, with the per-type counts as the summaries keep them (a list
 * in EVENT_TYPES order): from the summaries, or counted within a date window. One row per pair: 'a|b', a.id < b.id.
 */
const PAIRS_FROM_SUMMARIES = `
  MATCH (p:ActorPair) WHERE p.id IN $pairIds
  RETURN p.id AS pair, p.byType AS byType ORDER BY pair`;

const PAIRS_IN_WINDOW = `
  MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
  WHERE a.id IN $ids AND b.id IN $ids AND a.id < b.id AND ${EVENT_CONDITIONS}
  WITH a.id + '|' + b.id AS pair, collect(DISTINCT e) AS events
  RETURN pair, [type IN $types | size([e IN events WHERE e.type = type])] AS byType ORDER BY pair`;

/** One edge per pair: its shared events by type (within the type filter), named by the type shared most. */
function eventLink(source: string, target: string, counts: number[], only: EventType | null): GraphLink | undefined {
  const byType = countsByType(only === null ? counts : counts.map((n, i) => (EVENT_TYPES[i] === only ? n : 0)));
  let type: EventType | undefined;
  let weight = 0;
  for (const [eventType, n] of Object.entries(byType) as Array<[EventType, number]>) {
    if (type === undefined || n > byType[type]!) type = eventType;
    weight += n;
  }
  return type === undefined ? undefined : { source, target, kind: 'event', type, weight, byType };
}

async function eventLinks(db: Db, ids: string[], filter: GraphFilter): Promise<GraphLink[]> {
  const pairs = usesSummaries(filter)
    ? await read<{ pair: string; byType: number[] }>(db, PAIRS_FROM_SUMMARIES, { pairIds: ids.flatMap((a, i) => ids.slice(i + 1).map((b) => pairId(a, b))) })
    : await read<{ pair: string; byType: number[] }>(db, PAIRS_IN_WINDOW, { ...filterParams(filter), ids, types: [...EVENT_TYPES] });
  return pairs.flatMap(({ pair, byType }) => {
    const [source = '', target = ''] = pair.split('|');
    return eventLink(source, target, byType, filter.type) ?? [];
  });
}

/** Affiliations among the given actors: source holds the role toward target. */
const AFFILIATION_LINKS = `
  MATCH (a:Actor)-[r:AFFILIATED_WITH]->(b:Actor)
  WHERE a.id IN $ids AND b.id IN $ids AND a <> b
  WITH a.id AS source, b.id AS target, r.role AS type
  RETURN DISTINCT { source: source, target: target, kind: 'affiliation', type: type, weight: 1 } AS link
  ORDER BY link.source, link.target, link.type`;

/**
 * AFFILIATION_LINKS among the nodes `actors`, looked for between each two of them (Expand(Into): the planner reads
 * the roles of the one of the two with fewer), not by walking every role of each: busy actors hold thousands of
 * roles that lead elsewhere (6,286 rows for 22 links among forty actors of the million-event corpus).
 * AFFILIATED_WITH joins actors only.
 */
const AFFILIATIONS_AMONG = `
  UNWIND actors AS a
  UNWIND actors AS b
  WITH a, b WHERE a <> b
  MATCH (a)-[r:AFFILIATED_WITH]->(b)
  WITH a.id AS source, b.id AS target, r.role AS type
  RETURN DISTINCT { source: source, target: target, kind: 'affiliation', type: type, weight: 1 } AS link
  ORDER BY link.source, link.target, link.type`;

/**
 * Without a date filter, the neighbourhood and the links among its actors in one round trip: the actors as
 * NEIGHBOURHOOD chooses them, their pairs' counts from the summaries and their affiliations, as the queries
 * above read them one after the other. Undefined when the actor has no neighbour (or is unknown).
 */
const NEIGHBOURHOOD_WITH_LINKS = (pairs: string) => `
  ${NEIGHBOURHOOD(SHARED_FROM_SUMMARIES)}
  WITH actors, [a IN actors | a.id] AS ids
  WITH actors, ids, [i IN range(0, size(ids) - 2) | [j IN range(i + 1, size(ids) - 1) |
         CASE WHEN ids[i] < ids[j] THEN ids[i] + '|' + ids[j] ELSE ids[j] + '|' + ids[i] END]] AS pairIds
  WITH actors, ids, reduce(flat = [], some IN pairIds | flat + some) AS pairIds
  RETURN [a IN actors | a { .id, .name, .kind, eventCount: ${ACTOR_EVENTS} }] AS nodes,
         COLLECT { MATCH (p:ActorPair) WHERE p.id IN pairIds ${pairs} } AS pairs,
         COLLECT { ${AFFILIATIONS_AMONG} } AS affiliations`;

/** Each pair with its counts by type (as the summaries keep them). */
const PAIRS_WITH_TYPES = 'RETURN [p.id, p.byType] AS pair ORDER BY pair[0]';

/**
 * Each pair with only what a link without counts by type says, worked out where the counts are: the position of
 * the type shared most (the first of equals, as `eventLink` chooses) and the events shared. Hundreds of lists of
 * counts are not sent to be summed. Of one type (`$typeIndex`), that type and its count; of all, the type shared
 * most and the sum of the counts (as `eventLink` sums them), both from the one list read: reading the pair's stored
 * total as well was a database hit more for each of the hundreds of pairs among forty actors.
 */
const PAIRS_MAIN_TYPE = (typed: boolean) =>
  typed
    ? `
  WITH p, coalesce(p.byType[$typeIndex], 0) AS shared WHERE shared > 0
  RETURN [p.id, $typeIndex, shared] AS pair ORDER BY pair[0]`
    : `
  WITH p, coalesce(p.byType, []) AS counts
  WITH p, counts, reduce(main = 0, i IN range(0, size(counts) - 1) | CASE WHEN counts[i] > counts[main] THEN i ELSE main END) AS main
  WHERE counts[main] > 0
  RETURN [p.id, main, reduce(shared = 0, n IN counts | shared + n)] AS pair ORDER BY pair[0]`;

type PairRow = [string, number[]] | [string, number, number];

/** With `withTypes` false, the event links have no `byType` (PAIRS_MAIN_TYPE). */
export async function neighbourhoodWithLinks(
  db: Db,
  actor: string,
  type: EventType | null,
  limit: number,
  withTypes = true,
): Promise<{ nodes: GraphNode[]; links: GraphLink[] } | undefined> {
  const filter = { type, from: null, to: null };
  const cypher = NEIGHBOURHOOD_WITH_LINKS(withTypes ? PAIRS_WITH_TYPES : PAIRS_MAIN_TYPE(type !== null));
  const [row] = await read<{ nodes: GraphNode[]; pairs: PairRow[]; affiliations: GraphLink[] }>(db, cypher, {
    ...summaryParams(filter),
    actor,
    neighbours: limit - 1,
  });
  if (!row) return undefined;
  const links = row.pairs.flatMap((pair): GraphLink[] => {
    const [source = '', target = ''] = pair[0].split('|');
    if (pair.length === 3) return [{ source, target, kind: 'event', type: EVENT_TYPES[pair[1]]!, weight: pair[2] }];
    const link = eventLink(source, target, pair[1], type);
    return link ? [link] : [];
  });
  return { nodes: row.nodes, links: [...links, ...row.affiliations] };
}

export async function linksAmong(db: Db, ids: string[], filter: GraphFilter): Promise<GraphLink[]> {
  const [events, affiliations] = await Promise.all([eventLinks(db, ids, filter), read<{ link: GraphLink }>(db, AFFILIATION_LINKS, { ids })]);
  return [...events, ...affiliations.map((row) => row.link)];
}
