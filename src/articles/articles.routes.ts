import { Router } from 'express';
import type { Db } from '../db/query';
import { IdParams } from '../api/common.schemas';
import { STANCES } from '../domain/taxonomy';
import { NotFoundError } from '../http/errors';
import * as repository from './articles.repository';
import { sendAs } from '../http/respond';
import { ArticleDetail, ArticleList, ArticlesQuery } from './articles.schemas';

export async function getArticle(db: Db, id: string): Promise<ArticleDetail> {
  const article = await repository.findArticle(db, id);
  if (!article) throw new NotFoundError('article', id);
  const stances = Object.fromEntries(STANCES.map((s) => [s, article.reactions.filter((r) => r.stance === s).length]));
  return { ...article, stances: stances as ArticleDetail['stances'] };
}

export function articlesApi(db: Db): Router {
  return Router()
    .get('/articles', async (req, res) => {
      const { limit } = ArticlesQuery.parse(req.query);
      sendAs(res, ArticleList, { items: await repository.listArticles(db, limit) });
    })
    .get('/articles/:id', async (req, res) => {
      sendAs(res, ArticleDetail, await getArticle(db, IdParams.parse(req.params).id));
    });
}
