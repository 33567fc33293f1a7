import { dateView } from '../db/cypher';
import { keyset } from '../db/keyset';
import { read, readOne, type Db } from '../db/query';
import type { ArticleDetail, ArticleSummary } from './articles.schemas';

const ARTICLE_SUMMARY = `
  a { .id, .title, .publisher, .url, publishedAt: toString(a.publishedAt),
      eventCount: COUNT { MATCH (e:Event)-[:REPORTED_IN]->(a) RETURN DISTINCT e },
      reactionCount: COUNT { (:Reaction)-[:ON]->(a) } }`;

/** Newest first, articles of the same day by id. */
export const ARTICLE_ORDER = keyset('articles', [
  { expr: 'a.publishedAt', kind: 'date', desc: true },
  { expr: 'a.id', kind: 'string' },
]);

const LIST_ARTICLES = (after: string) => `
  MATCH (a:Article) WHERE ${after}
  WITH a ORDER BY ${ARTICLE_ORDER.orderBy} LIMIT $limit
  RETURN ${ARTICLE_SUMMARY} AS item, ${ARTICLE_ORDER.keys} AS keys`;

/** Up to `limit` articles after the cursor's keys (`after`, null for the first page), each with its sort keys. */
export function listArticles(db: Db, limit: number, after: unknown[] | null): Promise<Array<{ item: ArticleSummary; keys: unknown[] }>> {
  return read<{ item: ArticleSummary; keys: unknown[] }>(db, LIST_ARTICLES(ARTICLE_ORDER.after(after)), { limit, after });
}

const ARTICLE_DETAIL = `
  MATCH (a:Article {id: $id})
  CALL (a) {
    MATCH (e:Event)-[r:REPORTED_IN]->(a)
    WITH e, r ORDER BY r.start
    WITH e, collect(r { .quote, .start, .end }) AS quotes
    ORDER BY quotes[0].start
    RETURN collect(e { .id, .type, .title, quotes: quotes, date: ${dateView('e')} }) AS events
  }
  WITH a, events, ${ARTICLE_SUMMARY} AS summary
  RETURN summary {
    .*,
    text: a.text,
    events: events,
    reactions: COLLECT {
      MATCH (r:Reaction)-[:ON]->(a)
      RETURN r { .id, .author, .text, .stance,
                 about: COLLECT { MATCH (r)-[:ABOUT]->(e:Event) RETURN e { .id, .title } AS e ORDER BY e.date } } AS reaction
      ORDER BY r.id
    }
  } AS article`;

export function findArticle(db: Db, id: string): Promise<Omit<ArticleDetail, 'stances'> | undefined> {
  return readOne(db, ARTICLE_DETAIL, { id });
}
