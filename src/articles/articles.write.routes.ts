import express, { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config';
import type { Db } from '../db/query';
import { requireBearerToken } from '../http/auth';
import { sendAs } from '../http/respond';
import { ingestArticle } from '../ingest/ingest.service';
import { ArticleIngested, ArticlePost } from './articles.write.schemas';

/** The largest request body a write accepts; beyond it the answer is 413. */
export const MAX_WRITE_BODY = '1mb';

class UnsupportedMediaTypeError extends Error {
  readonly status = 415;
}

const requireJson: RequestHandler = (req, _res, next) => {
  next(req.is('application/json') ? undefined : new UnsupportedMediaTypeError('Send the article as JSON (Content-Type: application/json).'));
};

/**
 * Writes, each behind (in this order) the write rate limit, the bearer token and the body size limit, so a
 * client without the token is refused before its body is read. The middleware is attached to each write
 * route, not to the router, so reads passing through are neither limited nor parsed.
 */
export function articlesWriteApi(db: Db, config: Pick<Config, 'KB_API_TOKEN' | 'KB_WRITE_RATE_LIMIT'>): Router {
  const guard = [
    rateLimit({
      windowMs: 60_000,
      limit: config.KB_WRITE_RATE_LIMIT,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      message: { error: 'Too many writes; try again in a minute.' },
    }),
    requireBearerToken(config.KB_API_TOKEN),
    requireJson,
    // Not strict: a body that is JSON but not an object (`true`, `42`) reaches the schema, whose 400 says what was expected.
    express.json({ limit: MAX_WRITE_BODY, strict: false }),
  ];
  return Router().post('/articles', ...guard, async (req, res) => {
    const article = ArticlePost.parse(req.body);
    const { created, ...result } = await ingestArticle(db, article, (note) => req.log?.warn(note));
    if (created) res.status(201).location(`/api/articles/${result.article.id}`);
    sendAs(res, ArticleIngested, result);
  });
}
