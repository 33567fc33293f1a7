import type { ManagedTransaction } from 'neo4j-driver';
import { toParams } from '../db/plain';
import type { Db } from '../db/query';
import { LINK_KINDS, LINK_RELATIONSHIP, type LinkKind } from '../domain/taxonomy';
import type { GraphRows } from './graph-rows';

/**
 * The Cypher that writes one article's facts. Every statement is MERGE-on-id then SET, so loading the same
 * file twice changes nothing; relationships that the file no longer states are removed, so an edited file
 * replaces what the article said before. All statements of one article run in one transaction.
 *
 * One event may be reported by several articles (src/ingest/merge-reports.ts), so what belongs to whom is
 * recorded: `e.definedIn` is the article whose facts set the event's title, date and other properties (the
 * first to state it; later reports only add sources and participants), and `r.articles` on PARTICIPATED_IN
 * and event links lists the articles that state the relationship. An article removes only its own statements.
 */

const MERGE_ARTICLE = `
  MERGE (a:Article {id: $article.id})
  SET a.title = $article.title, a.publisher = $article.publisher, a.url = $article.url,
      a.publishedAt = date($article.publishedAt), a.text = $article.text`;

const MERGE_ACTORS = `
  UNWIND $actors AS row
  MERGE (a:Actor {id: row.id})
  SET a.name = row.name, a.kind = row.kind, a.aliases = row.aliases, a.aliasText = row.aliasText,
      a.description = row.description`;

/**
 * Events written before `definedIn` existed are claimed by the first article to reload them, unless another
 * article already reports them.
 */
const MERGE_EVENTS = `
  UNWIND $events AS row
  MERGE (e:Event {id: row.id})
  ON CREATE SET e.definedIn = $articleId
  WITH e, row
  WHERE e.definedIn = $articleId
     OR (e.definedIn IS NULL AND NOT EXISTS { (e)-[:REPORTED_IN]->(other:Article) WHERE other.id <> $articleId })
  SET e.definedIn = $articleId, e.type = row.type, e.title = row.title, e.summary = row.summary,
      e.date = date(row.date), e.endDate = date(row.endDate), e.lastDate = date(row.lastDate),
      e.precision = row.precision, e.place = row.place, e.status = row.status,
      e.figureCount = row.figureCount, e.figureUnit = row.figureUnit, e.figureApproximate = row.figureApproximate`;

/** Adds this article to the list of those that state the relationship (once: reloading changes nothing). */
const STATED_BY_ARTICLE = `
  r.articles = CASE WHEN $articleId IN coalesce(r.articles, []) THEN r.articles
                    ELSE coalesce(r.articles, []) + $articleId END`;

/**
 * Withdraws this article's statement; the relationship goes when no article states it any more. A relationship
 * without `articles` (written before they were recorded) belongs to the article that defines the event.
 */
const WITHDRAW_STATEMENT = `
  SET r.articles = [id IN coalesce(r.articles, []) WHERE id <> $articleId]
  WITH r WHERE size(r.articles) = 0
  DELETE r`;

const MERGE_PARTICIPANTS = `
  UNWIND $participants AS row
  MATCH (e:Event {id: row.event})
  MATCH (a:Actor {id: row.actor})
  MERGE (a)-[r:PARTICIPATED_IN {role: row.role}]->(e)
  SET ${STATED_BY_ARTICLE}`;

const DROP_STALE_PARTICIPANTS = `
  UNWIND $events AS row
  MATCH (a:Actor)-[r:PARTICIPATED_IN]->(e:Event {id: row.id})
  WHERE NOT a.id + '|' + r.role IN row.participantKeys
    AND ($articleId IN r.articles OR (r.articles IS NULL AND e.definedIn = $articleId))
  ${WITHDRAW_STATEMENT}`;

const MERGE_SOURCES = `
  MATCH (art:Article {id: $articleId})
  UNWIND $sources AS row
  MATCH (e:Event {id: row.event})
  MERGE (e)-[r:REPORTED_IN {quote: row.quote}]->(art)
  SET r.start = row.start, r.end = row.end, r.rank = row.rank`;

const DROP_STALE_SOURCES = `
  MATCH (e:Event)-[r:REPORTED_IN]->(:Article {id: $articleId})
  WHERE NOT e.id + '|' + r.quote IN $sourceKeys
  DELETE r`;

const MERGE_AFFILIATIONS = `
  UNWIND $affiliations AS row
  MATCH (a:Actor {id: row.actor})
  MATCH (c:Actor {id: row.counterpart})
  MERGE (a)-[r:AFFILIATED_WITH {role: row.role}]->(c)
  SET r.title = row.title, r.from = row.from, r.to = row.to, r.former = row.former,
      r.article = $articleId, r.quote = row.quote`;

/** One query text per link kind: relationship types cannot be parameters, so they come from a fixed map. */
const MERGE_LINKS = Object.fromEntries(
  LINK_KINDS.map((kind) => [
    kind,
    `UNWIND $rows AS row
     MATCH (a:Event {id: row.from})
     MATCH (b:Event {id: row.to})
     MERGE (a)-[r:${LINK_RELATIONSHIP[kind]}]->(b)
     SET ${STATED_BY_ARTICLE}`,
  ]),
) as Record<LinkKind, string>;

const DROP_STALE_LINKS = `
  MATCH (a:Event)-[r:RECIPROCATES|FOLLOWS|PART_OF|CAUSES]->(b:Event)
  WHERE a.id IN $eventIds AND b.id IN $eventIds AND NOT a.id + '|' + type(r) + '|' + b.id IN $linkKeys
    AND ($articleId IN r.articles OR (r.articles IS NULL AND a.definedIn = $articleId AND b.definedIn = $articleId))
  ${WITHDRAW_STATEMENT}`;

const MERGE_REACTIONS = `
  MATCH (art:Article {id: $articleId})
  UNWIND $reactions AS row
  MERGE (r:Reaction {id: row.id})
  SET r.author = row.author, r.text = row.text, r.stance = row.stance
  MERGE (r)-[:ON]->(art)
  WITH r, row
  OPTIONAL MATCH (r)-[old:ABOUT]->(e:Event) WHERE NOT e.id IN row.about
  DELETE old
  WITH DISTINCT r, row
  UNWIND row.about AS eventId
  MATCH (e:Event {id: eventId})
  MERGE (r)-[:ABOUT]->(e)`;

const DROP_STALE_REACTIONS = `
  MATCH (r:Reaction)-[:ON]->(:Article {id: $articleId})
  WHERE NOT r.id IN $reactionIds
  DETACH DELETE r`;

export interface WriteCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  nodesDeleted: number;
}

async function run(tx: ManagedTransaction, cypher: string, params: Record<string, unknown>, counts: WriteCounts) {
  const result = await tx.run(cypher, toParams(params) as Record<string, unknown>);
  const updates = result.summary.counters.updates();
  counts.nodesCreated += updates.nodesCreated;
  counts.relationshipsCreated += updates.relationshipsCreated;
  counts.relationshipsDeleted += updates.relationshipsDeleted;
  counts.nodesDeleted += updates.nodesDeleted;
}

/** Writes one article's facts in one transaction: all of it, or (on any error) none of it. */
export async function writeArticleFacts(db: Db, rows: GraphRows): Promise<WriteCounts> {
  const session = db.driver.session({ database: db.database });
  try {
    return await session.executeWrite((tx) => writeAll(tx, rows));
  } finally {
    await session.close();
  }
}

async function writeAll(tx: ManagedTransaction, rows: GraphRows): Promise<WriteCounts> {
  const counts: WriteCounts = { nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0, nodesDeleted: 0 };
  const articleId = rows.article.id;
  const article = { publisher: null, url: null, ...rows.article };
  await run(tx, MERGE_ARTICLE, { article }, counts);
  await run(tx, MERGE_ACTORS, { actors: rows.actors }, counts);
  await run(tx, MERGE_EVENTS, { articleId, events: rows.events }, counts);
  await run(tx, MERGE_PARTICIPANTS, { articleId, participants: rows.participants }, counts);
  await run(tx, DROP_STALE_PARTICIPANTS, { articleId, events: rows.events }, counts);
  await run(tx, MERGE_SOURCES, { articleId, sources: rows.sources }, counts);
  await run(tx, DROP_STALE_SOURCES, { articleId, sourceKeys: rows.sourceKeys }, counts);
  await run(tx, MERGE_AFFILIATIONS, { articleId, affiliations: rows.affiliations }, counts);
  for (const kind of LINK_KINDS) {
    if (rows.links[kind].length > 0) await run(tx, MERGE_LINKS[kind], { articleId, rows: rows.links[kind] }, counts);
  }
  await run(tx, DROP_STALE_LINKS, { articleId, eventIds: rows.events.map((e) => e.id), linkKeys: rows.linkKeys }, counts);
  await run(tx, MERGE_REACTIONS, { articleId, reactions: rows.reactions }, counts);
  await run(tx, DROP_STALE_REACTIONS, { articleId, reactionIds: rows.reactions.map((r) => r.id) }, counts);
  return counts;
}

const EXISTING_ACTOR_IDS = `
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})
  RETURN collect(a.id) AS ids`;

/** Which of these actor ids the database already holds (facts files may refer to them without redefining). */
export async function existingActorIds(db: Db, ids: string[]): Promise<Set<string>> {
  const { records } = await db.driver.executeQuery(EXISTING_ACTOR_IDS, { ids }, { database: db.database });
  return new Set((records[0]?.get('ids') as string[] | undefined) ?? []);
}
