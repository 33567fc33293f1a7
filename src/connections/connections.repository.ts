import { dateView, MIN_DATE, pairId } from '../db/cypher';
import { DENSE_ACTOR_EVENTS } from '../db/dense';
import { read, type Db } from '../db/query';
import type { ActorRef, EventRef } from '../domain/views';
import { HOP_EVENTS_SHOWN, MAX_HOPS, type ConnectionVia, type HopRole } from './connections.schemas';

/**
 * Paths between two actors, found by Neo4j's shortest-path search over the activity summaries: two actors who
 * share events meet in their `ActorPair`, an actor and the one it holds a role toward in their `RoleLink`
 * (src/ingest/summaries.ts). Either way a step is two relationships long, so paths are ranked by steps.
 * Relationship types and the quantifier cannot be parameters: each (via, hops) pair has its fixed query text.
 */
const STEP: Record<ConnectionVia, string> = {
  events: '()-[:IN_PAIR]->(:ActorPair)<-[:IN_PAIR]-()',
  roles: '()-[:IN_ROLE]->(:RoleLink)<-[:IN_ROLE]-()',
  both: '()-[:IN_PAIR|IN_ROLE]->(:ActorPair|RoleLink)<-[:IN_PAIR|IN_ROLE]-()',
};

/** Twice as many as shown: the same actors may be joined both by events and by a role, and count once. */
const CANDIDATES = 20;

const pathsQuery = (via: ConnectionVia, hops: number) => `
  MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
  MATCH p = SHORTEST ${CANDIDATES} (a) (${STEP[via]}){1,${hops}} (b)
  RETURN [n IN nodes(p) WHERE n:Actor | n.id] AS actors
  ORDER BY length(p)`;

const PATHS = Object.fromEntries(
  Object.keys(STEP).map((via) => [via, Array.from({ length: MAX_HOPS + 1 }, (_, hops) => (hops === 0 ? '' : pathsQuery(via as ConnectionVia, hops)))]),
) as Record<ConnectionVia, string[]>;

/** The actor ids along each of the shortest paths, shortest first (some may repeat an actor, or each other). */
export async function findPaths(db: Db, from: string, to: string, via: ConnectionVia, maxHops: number): Promise<string[][]> {
  const rows = await read<{ actors: string[] }>(db, PATHS[via][maxHops]!, { from, to });
  return rows.map((row) => row.actors);
}

/**
 * What joins the two actors of each step: their pair's counts, its latest events, and the roles between them.
 * The latest shared events are read from the side with fewer events; when both are busy (see db/dense.ts),
 * by walking the date index from the newest and keeping the events both take part in. Of the two branches only
 * the one whose condition holds reads anything; each answers one row (a list, maybe empty), so no step is lost.
 */
const HOPS = `
  UNWIND $hops AS hop
  MATCH (x:Actor {id: hop.from}), (y:Actor {id: hop.to})
  OPTIONAL MATCH (pair:ActorPair {id: hop.pair})
  WITH hop, pair, CASE WHEN coalesce(x.eventTotal, 0) <= coalesce(y.eventTotal, 0) THEN [x, y] ELSE [y, x] END AS ends
  WITH hop, pair, ends[0] AS few, ends[1] AS many
  CALL (pair, few, many) {
    WITH pair, few, many WHERE pair IS NOT NULL AND coalesce(few.eventTotal, 0) < $dense
    MATCH (few)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(many)
    WITH DISTINCT e ORDER BY e.date DESC, e.id LIMIT $shown
    RETURN collect(e) AS found
    UNION ALL
    WITH pair, few, many WHERE pair IS NOT NULL AND coalesce(few.eventTotal, 0) >= $dense
    MATCH (e:Event) WHERE e.date >= ${MIN_DATE}
      AND EXISTS { (few)-[:PARTICIPATED_IN]->(e) } AND EXISTS { (many)-[:PARTICIPATED_IN]->(e) }
    WITH e ORDER BY e.date DESC LIMIT $shown
    RETURN collect(e) AS found
  }
  WITH hop, pair, few, many, reduce(all = [], list IN collect(found) | all + list) AS found
  RETURN hop.pair AS pair, coalesce(pair.total, 0) AS sharedEvents, coalesce(pair.byType, []) AS byType,
         [e IN found | e { .id, .type, .title, date: ${dateView('e')} }] AS events,
         COLLECT { MATCH (few)-[r:AFFILIATED_WITH]-(many)
                   RETURN { holder: startNode(r).id, role: r.role, title: r.title, from: r.from, to: r.to } AS role
                   ORDER BY role.holder, role.role } AS roles`;

export interface HopRow {
  pair: string;
  sharedEvents: number;
  byType: number[];
  events: EventRef[];
  roles: HopRole[];
}

/** The details of each distinct step, by its pair id ('a|b', a < b). */
export async function readHops(db: Db, steps: Array<[string, string]>): Promise<Map<string, HopRow>> {
  const hops = [...new Map(steps.map(([from, to]) => [pairId(from, to), { from, to, pair: pairId(from, to) }])).values()];
  const rows = await read<HopRow>(db, HOPS, { hops, dense: DENSE_ACTOR_EVENTS, shown: HOP_EVENTS_SHOWN });
  return new Map(rows.map((row) => [row.pair, row]));
}

const ACTORS = `
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})
  RETURN a { .id, .name, .kind } AS actor`;

export async function readActors(db: Db, ids: string[]): Promise<Map<string, ActorRef>> {
  const rows = await read<{ actor: ActorRef }>(db, ACTORS, { ids });
  return new Map(rows.map(({ actor }) => [actor.id, actor]));
}
