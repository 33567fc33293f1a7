import { MAX_DATE, MIN_DATE, partnerInPair } from '../db/cypher';
import { DENSE_ACTOR_EVENTS } from '../db/dense';
import { read, readOne, type Db } from '../db/query';
import { countsByType } from '../domain/taxonomy';
import { ROLES_SHOWN, type ActorDetail, type ActorSummary, type KnownActor, type Relationship } from './actors.schemas';

/** Event counts come from the activity summaries the loader keeps (src/ingest/summaries.ts). */
const ACTOR_SUMMARY = `
  a { .id, .name, .kind, aliases: coalesce(a.aliases, []), .description, eventCount: coalesce(a.eventTotal, 0),
      status: coalesce(a.review, 'auto') }`;

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

/**
 * The first and the latest start date of the actor's events. A sparse actor's events are expanded; a dense
 * one's are found by walking the date index from either end (see src/db/dense.ts). Only one branch runs.
 */
const EVENT_SPAN = `
  CALL (a) {
    WITH a WHERE coalesce(a.eventTotal, 0) < $dense
    MATCH (a)-[:PARTICIPATED_IN]->(e:Event)
    RETURN min(e.date) AS first, max(e.date) AS last
    UNION
    WITH a WHERE a.eventTotal >= $dense
    CALL (a) {
      MATCH (e:Event) WHERE e.date >= ${MIN_DATE} AND EXISTS { (a)-[:PARTICIPATED_IN]->(e) }
      RETURN e.date AS first ORDER BY e.date LIMIT 1
    }
    CALL (a) {
      MATCH (e:Event) WHERE e.date <= ${MAX_DATE} AND EXISTS { (a)-[:PARTICIPATED_IN]->(e) }
      RETURN e.date AS last ORDER BY e.date DESC LIMIT 1
    }
    RETURN first, last
  }
  WITH a, min(first) AS first, max(last) AS last`;

/**
 * Roles are expanded from the actor itself (matching any actor and then comparing it was a scan of every
 * actor). A profile lists the latest ROLES_SHOWN either way, and says how many there are.
 */
const ACTOR_DETAIL = `
  MATCH (a:Actor {id: $id})
  ${EVENT_SPAN}
  WITH a, first, last, ${ACTOR_SUMMARY} AS summary
  RETURN summary {
    .*,
    roles: COLLECT {
      MATCH (a)-[r:AFFILIATED_WITH]->(c:Actor)
      WITH a AS h, r, c ORDER BY coalesce(r.from, '0000') DESC, r.role LIMIT $roleLimit
      RETURN ${ROLE_VIEW} AS role ORDER BY r.former DESC, coalesce(r.from, '0000'), r.role
    },
    roleCount: COUNT { (a)-[:AFFILIATED_WITH]->(:Actor) },
    heldBy: COLLECT {
      MATCH (h:Actor)-[r:AFFILIATED_WITH]->(a)
      WITH h, r, a AS c ORDER BY coalesce(r.from, '0000') DESC, h.name LIMIT $roleLimit
      RETURN ${ROLE_VIEW} AS role ORDER BY coalesce(r.from, '0000'), h.name
    },
    heldByCount: COUNT { (:Actor)-[:AFFILIATED_WITH]->(a) },
    eventCounts: coalesce(a.eventsByType, []),
    firstEvent: toString(first),
    lastEvent: toString(last)
  } AS actor`;

type ActorDetailRow = Omit<ActorDetail, 'eventCounts'> & { eventCounts: number[] };

export async function findActor(db: Db, id: string): Promise<ActorDetail | undefined> {
  const row = await readOne<ActorDetailRow>(db, ACTOR_DETAIL, { id, dense: DENSE_ACTOR_EVENTS, roleLimit: ROLES_SHOWN });
  return row && { ...row, eventCounts: countsByType(row.eventCounts) };
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

/** The degree is read from the node's relationship count, without expanding its events. */
const KNOWN_ACTOR = `
  MATCH (a:Actor {id: $id})
  RETURN a { .id, .name, .kind, degree: COUNT { (a)-[:PARTICIPATED_IN]->() } } AS actor`;

export function findKnownActor(db: Db, id: string): Promise<KnownActor | undefined> {
  return readOne<KnownActor>(db, KNOWN_ACTOR, { id });
}

/**
 * Actors linked to one actor by shared events (the loader's ActorPair summaries) and by affiliations
 * (either direction), strongest first: at most $limit partners, listed by name within equal weights.
 * A busy actor has thousands of pairs: the partners are ranked by the id the pair's own id names ('a|b'),
 * and only the chosen are looked up, with their pair's counts by type.
 */
const RELATIONSHIPS = `
  MATCH (self:Actor {id: $id})
  CALL (self) {
    MATCH (self)-[:IN_PAIR]->(p)
    RETURN ${partnerInPair('p', '$id')} AS otherId, p.total AS shared, p AS pair, [] AS affiliations
    UNION ALL
    MATCH (self)-[r:AFFILIATED_WITH]-(other:Actor)
    WHERE other <> self
    RETURN other.id AS otherId, 0 AS shared, null AS pair,
           collect({ role: r.role, title: r.title,
                     direction: CASE WHEN startNode(r) = self THEN 'outgoing' ELSE 'incoming' END }) AS affiliations
  }
  WITH otherId, sum(shared) AS shared, head(collect(pair)) AS pair, collect(affiliations) AS affiliationLists
  WITH otherId, shared, pair, reduce(all = [], list IN affiliationLists | all + list) AS affiliations
  WITH otherId, shared, pair, affiliations, shared + size(affiliations) AS weight
  ORDER BY weight DESC, otherId LIMIT $limit
  MATCH (other:Actor {id: otherId})
  RETURN {
    actor: other { .id, .name, .kind }, weight: weight, sharedEventCount: shared,
    sharedEventsByType: coalesce(pair.byType, []), affiliations: affiliations
  } AS relationship
  ORDER BY weight DESC, other.name`;

type RelationshipRow = Omit<Relationship, 'sharedEventsByType'> & { sharedEventsByType: number[] };

export async function listRelationships(db: Db, id: string, limit: number): Promise<Relationship[]> {
  const rows = await read<{ relationship: RelationshipRow }>(db, RELATIONSHIPS, { id, limit });
  return rows.map(({ relationship }) => ({ ...relationship, sharedEventsByType: countsByType(relationship.sharedEventsByType) }));
}
