import type { NextFunction, Request, RequestHandler, Response } from 'express';
import * as accounts from '../accounts/accounts.service';
import { sameSecret } from '../accounts/secrets';
import type { Config } from '../config/settings';
import type { Db } from '../db/query';
import type { Principal } from '../domain/principal';
import { HttpError } from './errors';

/**
 * Who is asking. Reading needs no one; every write needs a signed-in user (the session cookie) or a token:
 * one of a user's API tokens, or the KB_API_TOKEN setting (an admin for automation). Secrets are compared as
 * digests in constant time and never put in an error body or a log line (the request logger redacts the
 * Authorization and Cookie headers). A session's writes also carry its CSRF token (a form field or the
 * X-CSRF-Token header): a page of another site can make the browser send the cookie, but not the token.
 */

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    /** The CSRF token of the session, for the forms of the page being rendered. */
    csrf?: string;
    /** Why the credentials offered were refused, if they were. */
    refusedCredentials?: string;
  }
}

export const SESSION_COOKIE = 'kb_session';
const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;
const AUTOMATION: Principal = { name: 'automation', role: 'admin', via: 'setting' };

export function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Reads the credentials a request carries, if any: it refuses nothing itself (reads stay open). */
export function identify(db: Db, config: Pick<Config, 'KB_API_TOKEN'>): RequestHandler {
  return async (req, _res, next) => {
    try {
      const bearer = req.get('authorization');
      if (bearer !== undefined) await byToken(db, config, req, BEARER.exec(bearer)?.[1]);
      else await bySession(db, req);
      next();
    } catch (error) {
      next(error);
    }
  };
}

async function byToken(db: Db, config: Pick<Config, 'KB_API_TOKEN'>, req: Request, token: string | undefined): Promise<void> {
  if (token === undefined) return void (req.refusedCredentials = 'malformed');
  if (config.KB_API_TOKEN !== undefined && sameSecret(token, config.KB_API_TOKEN)) return void (req.principal = AUTOMATION);
  const owner = await accounts.tokenOwner(db, token);
  if (owner) req.principal = owner;
  else req.refusedCredentials = 'invalid_token';
}

async function bySession(db: Db, req: Request): Promise<void> {
  const secret = cookieOf(req, SESSION_COOKIE);
  if (!secret) return;
  const session = await accounts.sessionOf(db, secret);
  if (!session) return;
  req.principal = session.principal;
  req.csrf = session.csrf;
}

/** A write: 401 without valid credentials, 403 for a session write without its CSRF token. */
export const requireWriter: RequestHandler = (req, res, next) => {
  if (!req.principal) {
    const invalid = req.refusedCredentials === 'invalid_token';
    res.set('WWW-Authenticate', invalid ? 'Bearer realm="kb", error="invalid_token"' : 'Bearer realm="kb"');
    return next(
      new HttpError(
        401,
        invalid ? 'The bearer token is not valid.' : 'A session or a bearer token is required: sign in, or send Authorization: Bearer <token>.',
      ),
    );
  }
  next(checkCsrf(req));
};

function checkCsrf(req: Request): HttpError | undefined {
  if (req.principal?.via !== 'session' || req.method === 'GET' || req.method === 'HEAD') return undefined;
  const offered = req.get('x-csrf-token') ?? (req.body as { _csrf?: unknown } | undefined)?._csrf;
  if (typeof offered === 'string' && req.csrf && sameSecret(offered, req.csrf)) return undefined;
  return new HttpError(403, 'This form has expired or did not come from this site: reload the page and try again.');
}

export const requireAdmin: RequestHandler = (req, _res, next) => {
  next(req.principal?.role === 'admin' ? undefined : new HttpError(403, 'Only an admin may do this.'));
};

/** Pages for editors: a visitor who is not signed in is sent to sign in, then back. */
export function requireSignIn(req: Request, res: Response, next: NextFunction): void {
  if (req.principal) return next(checkCsrf(req));
  if (req.method !== 'GET') return next(new HttpError(401, 'Sign in first.'));
  res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
}

export const endSession = (db: Db, secret: string) => accounts.endSession(db, secret);

export function setSessionCookie(req: Request, res: Response, secret: string | null): void {
  const options = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
  if (secret === null) res.clearCookie(SESSION_COOKIE, options);
  else res.cookie(SESSION_COOKIE, secret, { ...options, maxAge: accounts.SESSION_HOURS * 3_600_000 });
}
