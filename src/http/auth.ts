import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './errors';

/**
 * Writes need the bearer token of the KB_API_TOKEN setting; reads stay open.
 *   - no token configured: every write is refused with 403 (the server is read-only; no credential would help),
 *   - no or malformed Authorization header: 401 with `WWW-Authenticate: Bearer`,
 *   - a wrong token: 401 with `error="invalid_token"`.
 * Tokens are compared as SHA-256 digests with timingSafeEqual: equal lengths, constant time, so the time an
 * answer takes tells nothing about the token. Neither the expected nor the offered token is ever put in an
 * error body or a log line (the request logger redacts the Authorization header).
 */

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

export function requireBearerToken(token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : digest(token);
  return (req, res, next) => {
    if (expected === undefined) return next(new HttpError(403, 'Writes are disabled: set KB_API_TOKEN to enable them.'));
    const offered = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (offered === undefined) {
      res.set('WWW-Authenticate', 'Bearer realm="kb"');
      return next(new HttpError(401, 'A bearer token is required: send Authorization: Bearer <token>.'));
    }
    if (!timingSafeEqual(digest(offered), expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="kb", error="invalid_token"');
      return next(new HttpError(401, 'The bearer token is not valid.'));
    }
    next();
  };
}
