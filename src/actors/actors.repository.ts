import { MAX_DATE, MIN_DATE, partnerInPair } from '../db/cypher';
import { DENSE_ACTOR_EVENTS } from '../db/dense';
import { keyset } from '../db/keyset';
import type { ManagedTransaction } from 'neo4j-driver';
import { read, readOne, type Db } from '../db/query';
import type { ActorCodes } from '../domain/actor-codes';
import { countsByType } from '../domain/taxonomy';
import { ROLES_SHOWN, type ActorDetail, type ActorSummary, type KnownActor, type Relationship } from './actors.schemas';

/** Event counts come from the activity summaries the loader keeps (src/ingest/summaries.ts). */
const ACTOR_SUMMARY = `
  a { .id, .name, .kind, aliases: coalesce(a.aliases, []), .description, eventCount: coalesce(a.eventTotal, 0),
      status: coalesce(a.review, 'auto'), .country, .countryAlpha2, .sector, .code, .wikidata }`;

/** The identifier filters of the list: a CAMEO code or its leading parts (BLR finds BLRGOV), a Wikidata id. */
const IDENTIFIERS = '($code IS NULL OR a.code STARTS WITH $code) AND ($wikidata IS NULL OR a.wikidata = $wikidata)';

/** Actors by name, ties broken by id (names need not be unique). */
export const ACTORS_BY_NAME = keyset('actors', [
  { expr: 'a.name', kind: 'string' },
  { expr: 'a.id', kind: 'string' },
]);

/** Matches of a search, best first; equal scores by name, then id. Scores change as actors are added. */
export const ACTORS_BY_SCORE = keyset('actor-search', [
  { expr: 'score', kind: 'float', desc: true },
  { expr: 'a.name', kind: 'string' },
  { expr: 'a.id', kind: 'string' },
]);

const LIST_ACTORS = (after: string) => `
  MATCH (a:Actor) WHERE ($kind IS NULL OR a.kind = $kind) AND ${IDENTIFIERS} AND ${after}
  WITH a ORDER BY ${ACTORS_BY_NAME.orderBy} LIMIT $limit
  RETURN ${ACTOR_SUMMARY} AS item, ${ACTORS_BY_NAME.keys} AS keys`;

const SEARCH_ACTORS = (after: string) => `
  CALL db.index.fulltext.queryNodes('actor_search', $lucene) YIELD node AS a, score
  WITH a, score WHERE ($kind IS NULL OR a.kind = $kind) AND ${IDENTIFIERS} AND ${after}
  WITH a, score ORDER BY ${ACTORS_BY_SCORE.orderBy} LIMIT $limit
  RETURN ${ACTOR_SUMMARY} AS item, ${ACTORS_BY_SCORE.keys} AS keys`;

/** Up to `limit` actors after the cursor's keys (`after`: of ACTORS_BY_SCORE with a search, else of ACTORS_BY_NAME). */
export async function listActors(
  db: Db,
  lucene: string | null,
  filters: { kind: string | null; code: string | null; wikidata: string | null },
  limit: number,
  after: unknown[] | null,
): Promise<Array<{ item: ActorSummary; keys: unknown[] }>> {
  const cypher = lucene ? SEARCH_ACTORS(ACTORS_BY_SCORE.after(after)) : LIST_ACTORS(ACTORS_BY_NAME.after(after));
  return read<{ item: ActorSummary; keys: unknown[] }>(db, cypher, { lucene, ...filters, limit, after });
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
  const rows = await read<{ actor: { id: string; name: string } }>(db, 'MATCH (a:Actor) WITH a ORDER BY a.name LIMIT $limit RETURN a { .id, .name } AS actor', {
    limit,
  });
  return rows.map((row) => row.actor);
}

/** The degree is read from the node's relationship count, without expanding its events. */
const KNOWN_ACTOR = `
  MATCH (a:Actor {id: $id})
  RETURN a { .id, .name, .kind, degree: COUNT { (a)-[:PARTICIPATED_IN]->() } } AS actor`;

export function findKnownActor(db: Db, id: string): Promise<KnownActor | undefined> {
  return readOne<KnownActor>(db, KNOWN_ACTOR, { id });
}

/** Partners strongest first, equal weights by id (the pair summaries name partners by id: no lookup to rank them). */
export const RELATIONSHIP_ORDER = keyset('relationships', [
  { expr: 'weight', kind: 'int', desc: true },
  { expr: 'otherId', kind: 'string' },
]);

/**
 * Actors linked to one actor by shared events (the loader's ActorPair summaries) and by affiliations
 * (either direction), strongest first, $limit partners after the cursor's.
 * A busy actor has thousands of pairs: the partners are ranked by the id the pair's own id names ('a|b'),
 * and only the chosen are looked up, with their pair's counts by type.
 */
const RELATIONSHIPS = (after: string) => `
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
  WITH otherId, shared, pair, affiliations, weight WHERE ${after}
  WITH otherId, shared, pair, affiliations, weight ORDER BY ${RELATIONSHIP_ORDER.orderBy} LIMIT $limit
  MATCH (other:Actor {id: otherId})
  RETURN {
    actor: other { .id, .name, .kind }, weight: weight, sharedEventCount: shared,
    sharedEventsByType: coalesce(pair.byType, []), affiliations: affiliations
  } AS item, ${RELATIONSHIP_ORDER.keys} AS keys
  ORDER BY ${RELATIONSHIP_ORDER.orderBy}`;

type RelationshipRow = Omit<Relationship, 'sharedEventsByType'> & { sharedEventsByType: number[] };

/** Up to `limit` partners after the cursor's keys (`after`, null for the first page), each with its sort keys. */
export async function listRelationships(db: Db, id: string, limit: number, after: unknown[] | null): Promise<Array<{ item: Relationship; keys: unknown[] }>> {
  const rows = await read<{ item: RelationshipRow; keys: unknown[] }>(db, RELATIONSHIPS(RELATIONSHIP_ORDER.after(after)), { id, limit, after });
  return rows.map(({ item, keys }) => ({ item: { ...item, sharedEventsByType: countsByType(item.sharedEventsByType) }, keys }));
}

/** What an actor's codes are settled from, and the codes themselves. */
export interface StoredCodes extends ActorCodes {
  kind: string;
  name: string;
  aliases: string[];
}

export function readCodes(db: Db, id: string): Promise<StoredCodes | undefined> {
  return readOne<StoredCodes>(
    db,
    `MATCH (a:Actor {id: $id})
     RETURN a { .kind, .name, aliases: coalesce(a.aliases, []), country: a.country, countryAlpha2: a.countryAlpha2,
                sector: a.sector, code: a.code, wikidata: a.wikidata } AS codes`,
    { id },
  );
}

/** Sets the actor's codes; `alongside` runs in the same transaction (the history's record), so both commit or neither. */
export async function writeCodes(db: Db, id: string, codes: ActorCodes, alongside: (tx: ManagedTransaction) => Promise<void>): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(
        `MATCH (a:Actor {id: $id})
         SET a.country = $codes.country, a.countryAlpha2 = $codes.countryAlpha2, a.sector = $codes.sector,
             a.code = $codes.code, a.wikidata = $codes.wikidata`,
        { id, codes },
      );
      await alongside(tx);
    });
  } finally {
    await session.close();
  }
}
