import { read, readOne, type Db } from '../db/query';
import type { ActorRef } from '../api/common.schemas';
import type { ActorDetail, ActorSummary, Relationship } from './actors.schemas';

/** Every PARTICIPATED_IN ends at an event: counting them without naming the label is a degree read, not an expansion. */
const ACTOR_SUMMARY = `
  a { .id, .name, .kind, aliases: coalesce(a.aliases, []), .description,
      eventCount: COUNT { (a)-[:PARTICIPATED_IN]->() } }`;

const LIST_ACTORS = `
  MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind
  WITH a ORDER BY a.name LIMIT $limit
  RETURN ${ACTOR_SUMMARY} AS actor`;

const SEARCH_ACTORS = `
  CALL db.index.fulltext.queryNodes('actor_search', $lucene) YIELD node AS a, score
  WHERE $kind IS NULL OR a.kind = $kind
  WITH a, score ORDER BY score DESC, a.name LIMIT $limit
  RETURN ${ACTOR_SUMMARY} AS actor`;

export async function listActors(db: Db, lucene: string | null, kind: string | null, limit: number): Promise<ActorSummary[]> {
  const rows = await read<{ actor: ActorSummary }>(db, lucene ? SEARCH_ACTORS : LIST_ACTORS, { lucene, kind, limit });
  return rows.map((row) => row.actor);
}

/** A role relationship as the API shows it: `h` holds role `r` toward `c`. */
const ROLE_VIEW = `{
  role: r.role, title: r.title, from: r.from, to: r.to, former: coalesce(r.former, false),
  actor: h { .id, .name, .kind }, counterpart: c { .id, .name, .kind },
  source: CASE WHEN r.quote IS NULL THEN null ELSE { article: r.article, quote: r.quote } END
}`;

/** Roles are expanded from the actor itself (matching any actor and then comparing it was a scan of every actor). */
const ACTOR_DETAIL = `
  MATCH (a:Actor {id: $id})
  CALL (a) {
    MATCH (a)-[:PARTICIPATED_IN]->(e:Event)
    WITH DISTINCT e
    WITH e.type AS type, count(*) AS n, min(e.date) AS first, max(e.lastDate) AS last
    RETURN collect([type, n]) AS eventCounts, toString(min(first)) AS firstEvent, toString(max(last)) AS lastEvent
  }
  WITH a, eventCounts, firstEvent, lastEvent, ${ACTOR_SUMMARY} AS summary
  RETURN summary {
    .*,
    roles: COLLECT {
      MATCH (a)-[r:AFFILIATED_WITH]->(c:Actor)
      WITH a AS h, r, c
      RETURN ${ROLE_VIEW} AS role ORDER BY r.former DESC, coalesce(r.from, '0000'), r.role
    },
    heldBy: COLLECT {
      MATCH (h:Actor)-[r:AFFILIATED_WITH]->(a)
      WITH h, r, a AS c
      RETURN ${ROLE_VIEW} AS role ORDER BY coalesce(r.from, '0000'), h.name
    },
    eventCounts: eventCounts,
    firstEvent: firstEvent,
    lastEvent: lastEvent
  } AS actor`;

type ActorDetailRow = Omit<ActorDetail, 'eventCounts'> & { eventCounts: Array<[string, number]> };

export async function findActor(db: Db, id: string): Promise<ActorDetail | undefined> {
  const row = await readOne<ActorDetailRow>(db, ACTOR_DETAIL, { id });
  return row && { ...row, eventCounts: Object.fromEntries(row.eventCounts) };
}

/** Every actor's id and name, by name: the choices of a filter. Reads no relationships, so it stays fast. */
export async function listActorNames(db: Db, limit: number): Promise<Array<{ id: string; name: string }>> {
  const rows = await read<{ actor: { id: string; name: string } }>(
    db,
    'MATCH (a:Actor) WITH a ORDER BY a.name LIMIT $limit RETURN a { .id, .name } AS actor',
    { limit },
  );
  return rows.map((row) => row.actor);
}

export async function findActorRef(db: Db, id: string): Promise<ActorRef | undefined> {
  return readOne<ActorRef>(db, 'MATCH (a:Actor {id: $id}) RETURN a { .id, .name, .kind } AS actor', { id });
}

/**
 * Actors linked to one actor by shared events and by affiliations (either direction), strongest first.
 * Returns at most $limit partners, each with up to 20 of the shared events, latest first.
 */
const RELATIONSHIPS = `
  MATCH (self:Actor {id: $id})
  CALL (self) {
    MATCH (self)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(other:Actor)
    WHERE other <> self
    WITH other, e ORDER BY e.date DESC
    WITH other, collect(DISTINCT e) AS events
    RETURN other, events, [] AS affiliations
    UNION
    MATCH (self)-[r:AFFILIATED_WITH]-(other:Actor)
    RETURN other, [] AS events,
           collect({ role: r.role, title: r.title,
                     direction: CASE WHEN startNode(r) = self THEN 'outgoing' ELSE 'incoming' END }) AS affiliations
  }
  WITH other, collect(events) AS eventLists, collect(affiliations) AS affiliationLists
  WITH other, reduce(all = [], list IN eventLists | all + list) AS events,
       reduce(all = [], list IN affiliationLists | all + list) AS affiliations
  WITH other, events, affiliations, size(events) + size(affiliations) AS weight
  ORDER BY weight DESC, other.name LIMIT $limit
  RETURN {
    actor: other { .id, .name, .kind }, weight: weight, affiliations: affiliations,
    sharedEvents: [e IN events[0..20] | e { .id, .type, .title,
      date: { start: toString(e.date), end: toString(e.endDate), precision: e.precision } }]
  } AS relationship`;

export async function listRelationships(db: Db, id: string, limit: number): Promise<Relationship[]> {
  const rows = await read<{ relationship: Relationship }>(db, RELATIONSHIPS, { id, limit });
  return rows.map((row) => row.relationship);
}
