import type { ErrorRequestHandler, Request } from 'express';
import type {} from 'pino-http';
import { z } from 'zod';
import { isDatabaseSlow, isDatabaseUnavailable } from '../db/errors';
import { DatabaseBusyError } from '../db/gate';
import { ConflictError, FactsValidationError, ForbiddenError, formatPath, InvalidError, NotFoundError } from '../domain/errors';

/** A request refused at the edge, before any feature saw it (no credentials, not JSON, …), with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  error: string;
  details?: Array<{ path: string; message: string }>;
}

const invalid = (details: ErrorBody['details']) => ({ status: 400, body: { error: 'Invalid request', details } });

/** A database that answered too slowly is asked again after this (seconds): long enough to let a burst pass. */
const SLOW_RETRY_AFTER_S = 2;

/** Maps any error to a status and a JSON body that never carries a stack trace or a secret. */
export function describeError(error: unknown): { status: number; body: ErrorBody; retryAfterS?: number } {
  if (error instanceof z.ZodError) return invalid(error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
  if (error instanceof InvalidError) return invalid([{ path: error.path, message: error.message }]);
  if (error instanceof FactsValidationError) return invalid(error.problems.map((p) => ({ path: p.path, message: p.reason })));
  if (error instanceof NotFoundError) return { status: 404, body: { error: error.message } };
  if (error instanceof ConflictError) return { status: 409, body: { error: error.message } };
  if (error instanceof ForbiddenError) return { status: 403, body: { error: error.message } };
  if (error instanceof URIError && (error as { status?: unknown }).status === 400) {
    // The router could not percent-decode a path segment (`/api/events/%E0%A4%A`): the path is the field.
    return invalid([{ path: 'path', message: error.message }]);
  }
  if (error instanceof DatabaseBusyError) {
    return { status: 503, body: { error: 'The database is busy; try again in a moment.' }, retryAfterS: error.retryAfterS };
  }
  if (isDatabaseSlow(error)) {
    return { status: 503, body: { error: 'The database did not answer in time; try again in a moment.' }, retryAfterS: SLOW_RETRY_AFTER_S };
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 503, body: { error: 'The database is not reachable right now; try again shortly.' } };
  }
  // HttpError, and the errors of express's own body parser (413 too large, 400 malformed JSON).
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, body: { error: (error as Error).message || 'Bad request' } };
  }
  return { status: 500, body: { error: 'Internal server error' } };
}

const wantsHtml = (req: Request) => !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';

/** The one error handler: JSON for the API, a page in words for browsers. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const { status, body, retryAfterS } = describeError(error);
  if (status >= 500) req.log?.error({ err: error, status }, 'request failed');
  if (res.headersSent) return void res.end();
  // An error is about this moment (a database down, a write refused): never kept and served again.
  res.status(status).set('Cache-Control', 'no-store');
  if (retryAfterS !== undefined) res.set('Retry-After', String(retryAfterS));
  if (wantsHtml(req)) return res.render('errors/error', { title: titleFor(status), status, body });
  res.json(body);
};

function titleFor(status: number): string {
  if (status === 404) return 'Not found';
  if (status === 503) return 'Database unavailable';
  if (status === 400) return 'Bad request';
  if (status === 401 || status === 403) return 'Not allowed';
  return 'Something went wrong';
}
