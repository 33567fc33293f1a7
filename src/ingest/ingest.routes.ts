import type { Db } from '../db/query';
import { Reply, route } from '../domain/route';
import { ArticleIngested, ArticlePost } from './ingest.schemas';
import { ingestArticle } from './ingest.service';

export const ingestRoutes = (db: Db) => [
  route({
    method: 'post',
    path: '/articles',
    tag: 'articles',
    summary: 'Add an article: its facts are extracted and loaded; events already known gain it as a source',
    body: ArticlePost,
    response: ArticleIngested,
    write: { created: 'The article was stored (201), or was already stored with this text (200); the body lists its events and actors' },
    handle: async ({ body, note }) => {
      const { created, ...result } = await ingestArticle(db, body, note);
      return created ? new Reply(201, result, { Location: `/api/articles/${result.article.id}` }) : result;
    },
  }),
];
