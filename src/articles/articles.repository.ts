import { dateView } from '../db/cypher';
import { read, readOne, type Db } from '../db/query';
import type { ArticleDetail, ArticleSummary } from './articles.schemas';

const ARTICLE_SUMMARY = `
  a { .id, .title, .publisher, .url, publishedAt: toString(a.publishedAt),
      eventCount: COUNT { MATCH (e:Event)-[:REPORTED_IN]->(a) RETURN DISTINCT e },
      reactionCount: COUNT { (:Reaction)-[:ON]->(a) } }`;

const LIST_ARTICLES = `
  MATCH (a:Article)
  WITH a ORDER BY a.publishedAt DESC, a.id LIMIT $limit
  RETURN ${ARTICLE_SUMMARY} AS article`;

export async function listArticles(db: Db, limit: number): Promise<ArticleSummary[]> {
  const rows = await read<{ article: ArticleSummary }>(db, LIST_ARTICLES, { limit });
  return rows.map((row) => row.article);
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
