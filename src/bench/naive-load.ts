import type { Db } from '../db/query';
import { toParams } from '../db/plain';
import type { Facts } from '../domain/model';
import { LINK_KINDS, LINK_RELATIONSHIP } from '../domain/taxonomy';
import { toGraphRows } from '../ingest/graph-rows';
import { addRows, corpusFacts, emptyCounts, type RowCounts } from './corpus-rows';
import { elapsedMs } from './common';

/**
 * The baseline of the load benchmark: what a first attempt at a loader does, one transaction (one
 * `executeWrite`) per fact: per article, per actor, per event, per participant, per source, per
 * affiliation, per link. Same MERGE keys and properties as the other paths; run on a sample.
 */

const STATED_BY_ARTICLE = `r.articles = CASE WHEN $article IN coalesce(r.articles, []) THEN r.articles
                                         ELSE coalesce(r.articles, []) + $article END`;

const ARTICLE = `
  MERGE (a:Article {id: $row.id})
  SET a.title = $row.title, a.publisher = $row.publisher, a.url = $row.url,
      a.publishedAt = date($row.publishedAt), a.text = $row.text`;
const ACTOR = `
  MERGE (a:Actor {id: $row.id})
  SET a.name = $row.name, a.kind = $row.kind, a.aliases = $row.aliases, a.aliasText = $row.aliasText,
      a.description = $row.description`;
const EVENT = `
  MERGE (e:Event {id: $row.id})
  SET e.definedIn = $article, e.type = $row.type, e.title = $row.title, e.summary = $row.summary,
      e.date = date($row.date), e.endDate = date($row.endDate), e.lastDate = date($row.lastDate),
      e.precision = $row.precision, e.place = $row.place, e.status = $row.status,
      e.figureCount = $row.figureCount, e.figureUnit = $row.figureUnit, e.figureApproximate = $row.figureApproximate`;
const PARTICIPANT = `
  MATCH (e:Event {id: $row.event})
  MATCH (a:Actor {id: $row.actor})
  MERGE (a)-[r:PARTICIPATED_IN {role: $row.role}]->(e)
  SET ${STATED_BY_ARTICLE}`;
const SOURCE = `
  MATCH (e:Event {id: $row.event})
  MATCH (art:Article {id: $article})
  MERGE (e)-[r:REPORTED_IN {quote: $row.quote}]->(art)
  SET r.start = $row.start, r.end = $row.end, r.rank = $row.rank`;
const AFFILIATION = `
  MATCH (a:Actor {id: $row.actor})
  MATCH (c:Actor {id: $row.counterpart})
  MERGE (a)-[r:AFFILIATED_WITH {key: $row.key}]->(c)
  SET r.role = $row.role, r.title = $row.title, r.from = $row.from, r.to = $row.to, r.former = $row.former,
      r.article = $article, r.quote = $row.quote`;
const LINK = Object.fromEntries(
  LINK_KINDS.map((kind) => [
    kind,
    `MATCH (a:Event {id: $row.from}) MATCH (b:Event {id: $row.to})
     MERGE (a)-[r:${LINK_RELATIONSHIP[kind]}]->(b) SET ${STATED_BY_ARTICLE}`,
  ]),
);

async function writeOne(db: Db, cypher: string, params: Record<string, unknown>): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await session.executeWrite((tx) => tx.run(cypher, toParams(params) as Record<string, unknown>));
  } finally {
    await session.close();
  }
}

async function writeFacts(db: Db, facts: Facts): Promise<void> {
  const rows = toGraphRows(facts);
  const article = rows.article.id;
  await writeOne(db, ARTICLE, { row: { publisher: null, url: null, ...rows.article } });
  for (const row of rows.actors) await writeOne(db, ACTOR, { row });
  for (const row of rows.events) await writeOne(db, EVENT, { row, article });
  for (const row of rows.participants) await writeOne(db, PARTICIPANT, { row, article });
  for (const row of rows.sources) await writeOne(db, SOURCE, { row, article });
  for (const row of rows.affiliations) await writeOne(db, AFFILIATION, { row, article });
  for (const kind of LINK_KINDS) for (const row of rows.links[kind]) await writeOne(db, LINK[kind] as string, { row, article });
}

/** Loads the corpus's first articles, up to `maxEvents` events, fact by fact; returns rows and time. */
export async function naiveLoad(db: Db, corpusDir: string, maxEvents: number): Promise<{ counts: RowCounts; ms: number }> {
  const counts = emptyCounts();
  const start = process.hrtime.bigint();
  for await (const facts of corpusFacts(corpusDir)) {
    if (counts.events >= maxEvents) break;
    await writeFacts(db, facts);
    addRows(counts, toGraphRows(facts));
  }
  return { counts, ms: elapsedMs(start) };
}
