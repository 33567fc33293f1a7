import express, { type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config/settings';
import { requireBearerToken } from './auth';
import { HttpError } from './errors';

/** The largest request body a write accepts; beyond it the answer is 413. */
export const MAX_WRITE_BODY = '1mb';

const requireJson: RequestHandler = (req, _res, next) => {
  next(req.is('application/json') ? undefined : new HttpError(415, 'Send the article as JSON (Content-Type: application/json).'));
};

/**
 * What stands before every write, in this order: the write rate limit, the bearer token and the body size
 * limit, so a client without the token is refused before its body is read. It is attached to each write
 * route, not to the router, so reads passing through are neither limited nor parsed.
 */
export function writeGuard(config: Pick<Config, 'KB_API_TOKEN' | 'KB_WRITE_RATE_LIMIT'>): RequestHandler[] {
  return [
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
}
