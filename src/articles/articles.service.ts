import { cursorKeys } from '../db/keyset';
import type { Db } from '../db/query';
import { pageFrom } from '../domain/cursor';
import { NotFoundError } from '../domain/errors';
import { STANCES } from '../domain/taxonomy';
import * as repository from './articles.repository';
import type { ArticleDetail, ArticleList, ArticlesQuery } from './articles.schemas';

/** A page of articles, newest first. */
export async function listArticles(db: Db, query: Pick<ArticlesQuery, 'limit' | 'cursor'>): Promise<ArticleList> {
  const after = cursorKeys(repository.ARTICLE_ORDER, query.cursor);
  const rows = await repository.listArticles(db, query.limit + 1, after);
  return pageFrom(rows, query.limit, repository.ARTICLE_ORDER.codec);
}

/** One article with its text, the events it reports (where in the text), and its reactions by stance. */
export async function getArticle(db: Db, id: string): Promise<ArticleDetail> {
  const article = await repository.findArticle(db, id);
  if (!article) throw new NotFoundError('article', id);
  const stances = Object.fromEntries(STANCES.map((s) => [s, article.reactions.filter((r) => r.stance === s).length]));
  return { ...article, stances: stances as ArticleDetail['stances'] };
}
