import type { Db } from '../db/query';
import { NotFoundError } from '../domain/errors';
import { STANCES } from '../domain/taxonomy';
import * as repository from './articles.repository';
import type { ArticleDetail, ArticleSummary } from './articles.schemas';

/** The newest articles first, at most `limit`. */
export function listArticles(db: Db, limit: number): Promise<ArticleSummary[]> {
  return repository.listArticles(db, limit);
}

/** One article with its text, the events it reports (where in the text), and its reactions by stance. */
export async function getArticle(db: Db, id: string): Promise<ArticleDetail> {
  const article = await repository.findArticle(db, id);
  if (!article) throw new NotFoundError('article', id);
  const stances = Object.fromEntries(STANCES.map((s) => [s, article.reactions.filter((r) => r.stance === s).length]));
  return { ...article, stances: stances as ArticleDetail['stances'] };
}
