import { dateView, pairId } from '../db/cypher';
import { read, type Db } from '../db/query';
import type { ActorRef, EventRef } from '../domain/views';
import { HOP_EVENTS_SHOWN, MAX_HOPS, type ConnectionVia, type HopRole } from './connections.schemas';

/**
 * Paths between two actors, found by Neo4j's shortest-path search over the activity summaries: two actors who
 * share events meet in their `ActorPair`, an actor and the one it holds a role toward in their `RoleLink`
 * (src/ingest/summaries.ts). Either way a step is two relationships long, so the shortest paths are those of
 * the fewest steps. `allShortestPaths` searches from both ends at once; the quantified `SHORTEST k` form was
 * measured 10–50 times slower at a million events (it expands one end's whole neighbourhood).
 * Relationship types and the length bound cannot be parameters: each (via, hops) pair has its fixed query text.
 */
const STEP: Record<ConnectionVia, string> = {
  events: 'IN_PAIR',
  roles: 'IN_ROLE',
  both: 'IN_PAIR|IN_ROLE',
};

/** Twice as many as shown: the same actors may be joined both by events and by a role, and count once. */
const CANDIDATES = 20;

const pathsQuery = (via: ConnectionVia, hops: number) => `
  MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
  MATCH p = allShortestPaths((a)-[:${STEP[via]}*..${2 * hops}]-(b))
  RETURN [n IN nodes(p) WHERE n:Actor | n.id] AS actors
  LIMIT ${CANDIDATES}`;

const PATHS = Object.fromEntries(
  Object.keys(STEP).map((via) => [via, Array.from({ length: MAX_HOPS + 1 }, (_, hops) => (hops === 0 ? '' : pathsQuery(via as ConnectionVia, hops)))]),
) as Record<ConnectionVia, string[]>;

/** The actor ids along each of the shortest paths (all of one length; the same actors may come twice). */
export async function findPaths(db: Db, from: string, to: string, via: ConnectionVia, maxHops: number): Promise<string[][]> {
  const rows = await read<{ actors: string[] }>(db, PATHS[via][maxHops]!, { from, to });
  return rows.map((row) => row.actors);
}

/**
 * What joins the two actors of each step: their pair's counts and latest shared events (the pair keeps them
 * listed, src/ingest/summaries.ts), and the roles between them.
 */
const HOPS = `
  UNWIND $hops AS hop
  MATCH (x:Actor {id: hop.from}), (y:Actor {id: hop.to})
  OPTIONAL MATCH (pair:ActorPair {id: hop.pair})
  RETURN hop.pair AS pair, coalesce(pair.total, 0) AS sharedEvents, coalesce(pair.byType, []) AS byType,
         COLLECT { UNWIND coalesce(pair.latestIds, [])[0..$shown] AS id
                   MATCH (e:Event {id: id})
                   RETURN e { .id, .type, .title, date: ${dateView('e')} } AS event } AS events,
         COLLECT { MATCH (x)-[r:AFFILIATED_WITH]-(y)
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
  const rows = await read<HopRow>(db, HOPS, { hops, shown: HOP_EVENTS_SHOWN });
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
