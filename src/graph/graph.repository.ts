import { read, type Db } from '../db/query';
import type { GraphLink, GraphNode } from './graph.schemas';

export interface GraphFilter {
  type: string | null;
  from: string | null;
  to: string | null;
}

const EVENT_CONDITIONS = `
  ($type IS NULL OR e.type = $type)
  AND ($from IS NULL OR e.lastDate >= date($from))
  AND ($to IS NULL OR e.date <= date($to))`;

const filterParams = (filter: GraphFilter) => ({ type: filter.type, from: filter.from, to: filter.to });

/** Without event filters, activity is an actor's degree, which Neo4j reads without touching the events. */
const MOST_ACTIVE = `
  MATCH (a:Actor)
  WITH a, COUNT { (a)-[:PARTICIPATED_IN]->() } AS eventCount
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
  const filtered = filter.type !== null || filter.from !== null || filter.to !== null;
  const rows = await read<{ node: GraphNode }>(db, filtered ? MOST_ACTIVE_FILTERED : MOST_ACTIVE, { ...filterParams(filter), limit });
  return rows.map((row) => row.node);
}

/**
 * One actor and the actors closest to it: by events shared within the filters plus affiliations either
 * way, strongest first. The centre comes first; eventCount is each actor's own count within the filters.
 */
const NEIGHBOURHOOD = `
  MATCH (self:Actor {id: $actor})
  CALL (self) {
    MATCH (self)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(other:Actor)
    WHERE other <> self AND ${EVENT_CONDITIONS}
    RETURN other, count(DISTINCT e) AS weight
    UNION ALL
    MATCH (self)-[:AFFILIATED_WITH]-(other:Actor)
    WHERE other <> self
    RETURN other, count(*) AS weight
  }
  WITH self, other, sum(weight) AS weight ORDER BY weight DESC, other.name LIMIT $neighbours
  WITH self, collect(other) AS others
  UNWIND [self] + others AS a
  RETURN a { .id, .name, .kind,
             eventCount: COUNT { MATCH (a)-[:PARTICIPATED_IN]->(e:Event) WHERE ${EVENT_CONDITIONS} RETURN DISTINCT e } } AS node`;

const SELF_ONLY = `
  MATCH (a:Actor {id: $actor})
  RETURN a { .id, .name, .kind,
             eventCount: COUNT { MATCH (a)-[:PARTICIPATED_IN]->(e:Event) WHERE ${EVENT_CONDITIONS} RETURN DISTINCT e } } AS node`;

export async function neighbourhood(db: Db, actor: string, filter: GraphFilter, limit: number): Promise<GraphNode[]> {
  const rows = await read<{ node: GraphNode }>(db, NEIGHBOURHOOD, { ...filterParams(filter), actor, neighbours: limit - 1 });
  if (rows.length > 0) return rows.map((row) => row.node);
  return (await read<{ node: GraphNode }>(db, SELF_ONLY, { ...filterParams(filter), actor })).map((row) => row.node);
}

/** Edges among the given actors: shared events counted per type (a.id < b.id, one edge per pair and type). */
const EVENT_LINKS = `
  MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
  WHERE a.id IN $ids AND b.id IN $ids AND a.id < b.id AND ${EVENT_CONDITIONS}
  WITH a.id AS source, b.id AS target, e.type AS type, count(DISTINCT e) AS weight
  RETURN { source: source, target: target, kind: 'event', type: type, weight: weight } AS link
  ORDER BY source, target, type`;

/** Affiliations among the given actors: source holds the role toward target. */
const AFFILIATION_LINKS = `
  MATCH (a:Actor)-[r:AFFILIATED_WITH]->(b:Actor)
  WHERE a.id IN $ids AND b.id IN $ids AND a <> b
  WITH a.id AS source, b.id AS target, r.role AS type
  RETURN DISTINCT { source: source, target: target, kind: 'affiliation', type: type, weight: 1 } AS link
  ORDER BY link.source, link.target, link.type`;

export async function linksAmong(db: Db, ids: string[], filter: GraphFilter): Promise<GraphLink[]> {
  const [events, affiliations] = await Promise.all([
    read<{ link: GraphLink }>(db, EVENT_LINKS, { ...filterParams(filter), ids }),
    read<{ link: GraphLink }>(db, AFFILIATION_LINKS, { ids }),
  ]);
  return [...events, ...affiliations].map((row) => row.link);
}
