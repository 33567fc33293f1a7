import type { Db } from '../db/query';
import { route } from '../domain/route';
import { IdParams } from '../domain/views';
import { ArticleDetail, ArticleList, ArticlesQuery } from './articles.schemas';
import * as service from './articles.service';

export const articlesRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/articles',
    operationId: 'listArticles',
    tag: 'articles',
    summary: 'Articles, newest first; paginated by cursor',
    query: ArticlesQuery,
    response: ArticleList,
    handle: ({ query }) => service.listArticles(db, query),
  }),
  route({
    method: 'get',
    path: '/articles/:id',
    operationId: 'getArticle',
    tag: 'articles',
    summary: 'One article: text, the events it reports, its reader reactions',
    params: IdParams,
    response: ArticleDetail,
    handle: ({ params }) => service.getArticle(db, params.id),
  }),
];
