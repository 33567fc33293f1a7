import express, { type Request, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config/settings';
import { requireAdmin, requireWriter } from './auth';
import { HttpError } from './errors';

/** The largest request body a write accepts; beyond it the answer is 413. */
export const MAX_WRITE_BODY = '1mb';

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** A write without a body (DELETE, a POST that only names its target) needs no media type. */
const requireJson: RequestHandler = (req, _res, next) => {
  const ok = !hasBody(req) || req.is('application/json');
  next(ok ? undefined : new HttpError(415, 'Send the body as JSON (Content-Type: application/json).'));
};

/**
 * What stands before every write, in this order: the write rate limit (one budget per client for all writes),
 * the credentials (read earlier, see auth.ts) and the body size limit, so a client without credentials is
 * refused before its body is read. Attached to each write route, not to the router, so reads passing through
 * are neither limited nor parsed. Admin-only writes also check the role.
 */
export function writeGuards(config: Pick<Config, 'KB_WRITE_RATE_LIMIT'>): (admin: boolean) => RequestHandler[] {
  const limit = rateLimit({
    windowMs: 60_000,
    limit: config.KB_WRITE_RATE_LIMIT,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: { error: 'Too many writes; try again in a minute.' },
  });
  // Not strict: a body that is JSON but not an object (`true`, `42`) reaches the schema, whose 400 says what was expected.
  const json = express.json({ limit: MAX_WRITE_BODY, strict: false });
  return (admin) => [limit, requireWriter, ...(admin ? [requireAdmin] : []), requireJson, json];
}
