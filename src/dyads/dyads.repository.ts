import { dateView, EVENT_LINK_TYPES, inWindow, MIN_DATE } from '../db/cypher';
import { DENSE_ACTOR_EVENTS } from '../db/dense';
import { read, readOne, type Db } from '../db/query';
import { ACTS_FOR_ROLES, AGENT_ROLES } from '../domain/taxonomy';
import type { ActorRef } from '../domain/views';
import type { DyadEvent, DyadLink } from './dyads.schemas';

export interface Window {
  from: string | null;
  to: string | null;
}

/** The two actors, each with those who act for it (never the other actor itself). */
const SIDES = `
  MATCH (a:Actor {id: $a}), (b:Actor {id: $b})
  RETURN {
    a: a { .id, .name, .kind }, b: b { .id, .name, .kind },
    forA: COLLECT { MATCH (h:Actor)-[r:AFFILIATED_WITH]->(a) WHERE r.role IN $actsFor AND h <> b
                    RETURN DISTINCT h { .id, .name, .kind } AS h ORDER BY h.name },
    forB: COLLECT { MATCH (h:Actor)-[r:AFFILIATED_WITH]->(b) WHERE r.role IN $actsFor AND h <> a
                    RETURN DISTINCT h { .id, .name, .kind } AS h ORDER BY h.name }
  } AS sides`;

export interface SidesRow {
  a: ActorRef;
  b: ActorRef;
  forA: ActorRef[];
  forB: ActorRef[];
}

export async function readSides(db: Db, a: string, b: string): Promise<SidesRow | undefined> {
  return readOne<SidesRow>(db, SIDES, { a, b, actsFor: ACTS_FOR_ROLES });
}

/**
 * The events in which someone of each side took part, newest first (at most $limit), then the moves of either
 * side linked to them. Each pair of members is read like a step of a connection: from the one with fewer
 * events, or, when both are busy, by walking the date index from the newest.
 */
const EVENT_IDS = `
  UNWIND $pairs AS pair
  MATCH (x:Actor {id: pair[0]}), (y:Actor {id: pair[1]})
  WITH CASE WHEN coalesce(x.eventTotal, 0) <= coalesce(y.eventTotal, 0) THEN [x, y] ELSE [y, x] END AS ends
  WITH ends[0] AS few, ends[1] AS many
  CALL (few, many) {
    WITH few, many WHERE coalesce(few.eventTotal, 0) < $dense
    MATCH (few)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(many)
    WHERE ${inWindow('e')}
    WITH DISTINCT e ORDER BY e.date DESC, e.id LIMIT $limit
    RETURN collect(e) AS found
    UNION ALL
    WITH few, many WHERE coalesce(few.eventTotal, 0) >= $dense
    MATCH (e:Event) WHERE e.date >= ${MIN_DATE} AND ${inWindow('e')}
      AND EXISTS { (few)-[:PARTICIPATED_IN]->(e) } AND EXISTS { (many)-[:PARTICIPATED_IN]->(e) }
    WITH e ORDER BY e.date DESC LIMIT $limit
    RETURN collect(e) AS found
  }
  UNWIND found AS e
  WITH DISTINCT e ORDER BY e.date DESC, e.id LIMIT $limit
  WITH collect(e) AS direct
  CALL (direct) {
    UNWIND direct AS d
    MATCH (d)-[:${EVENT_LINK_TYPES}]-(l:Event)
    WHERE NOT l IN direct AND ${inWindow('l')}
      AND EXISTS { MATCH (s:Actor)-[p:PARTICIPATED_IN]->(l) WHERE s.id IN $members AND p.role IN $acting }
    RETURN collect(DISTINCT l.id) AS linked
  }
  RETURN [e IN direct | e.id] AS direct, linked`;

export async function readEventIds(
  db: Db,
  members: { a: string[]; b: string[] },
  window: Window,
  limit: number,
): Promise<{ direct: string[]; linked: string[] }> {
  const pairs = members.a.flatMap((x) => members.b.filter((y) => y !== x).map((y) => [x, y]));
  const rows = await read<{ direct: string[]; linked: string[] }>(db, EVENT_IDS, {
    pairs,
    members: [...members.a, ...members.b],
    acting: [...AGENT_ROLES, 'source'],
    dense: DENSE_ACTOR_EVENTS,
    limit,
    ...window,
  });
  return rows[0] ?? { direct: [], linked: [] };
}

/** The events with their participants and first quote, and the links among them. */
const EVENTS = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  RETURN e {
    .id, .type, .title, date: ${dateView('e')},
    participants: COLLECT { MATCH (x:Actor)-[p:PARTICIPATED_IN]->(e)
                            RETURN { actor: x { .id, .name, .kind }, role: p.role } AS p ORDER BY p.actor.name, p.role },
    source: head(COLLECT { MATCH (e)-[r:REPORTED_IN]->(art:Article) WITH r, art ORDER BY art.publishedAt, r.rank
                           RETURN { quote: r.quote, article: art { .id, .title } } AS s }),
    links: COLLECT { MATCH (e)-[l:${EVENT_LINK_TYPES}]->(other:Event) WHERE other.id IN $ids
                     RETURN { from: e.id, to: other.id, kind: toLower(type(l)) } AS l ORDER BY l.kind, l.to }
  } AS event`;

export type EventRow = Omit<DyadEvent, 'label' | 'side' | 'quote' | 'article' | 'linkedOnly'> & {
  source: { quote: string; article: { id: string; title: string } } | null;
  links: DyadLink[];
};

export async function readEvents(db: Db, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const rows = await read<{ event: EventRow }>(db, EVENTS, { ids });
  return rows.map((row) => row.event);
}
