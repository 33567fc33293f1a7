import type { ErrorRequestHandler, Request } from 'express';
import { Neo4jError } from 'neo4j-driver';
import type {} from 'pino-http';
import { z } from 'zod';
import { DatabaseTimeoutError } from '../db/query';
import { formatPath } from '../ingest/facts-file';

/** An id that names nothing: 404. */
export class NotFoundError extends Error {
  constructor(readonly what: string, readonly id: string) {
    super(`No ${what} with id "${id}"`);
    this.name = 'NotFoundError';
  }
}

/** A request the server understood but refuses, with the field that caused it: 400. */
export class BadRequestError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
    this.name = 'BadRequestError';
  }
}

export interface ErrorBody {
  error: string;
  details?: Array<{ path: string; message: string }>;
}

/** Errors that mean "the database cannot answer now", as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseTimeoutError) return true;
  if (!(error instanceof Neo4jError)) return false;
  return (
    error.code === 'ServiceUnavailable' ||
    error.code === 'SessionExpired' ||
    error.code.startsWith('Neo.TransientError') ||
    error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    error.message.startsWith('Connection acquisition timed out')
  );
}

/** Maps any error to a status and a JSON body that never carries a stack trace or a secret. */
export function describeError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    return { status: 400, body: { error: 'Invalid request', details } };
  }
  if (error instanceof BadRequestError) {
    return { status: 400, body: { error: 'Invalid request', details: [{ path: error.path, message: error.message }] } };
  }
  if (error instanceof NotFoundError) return { status: 404, body: { error: error.message } };
  if (error instanceof URIError && (error as { status?: unknown }).status === 400) {
    // The router could not percent-decode a path segment (`/api/events/%E0%A4%A`): the path is the field.
    return { status: 400, body: { error: 'Invalid request', details: [{ path: 'path', message: error.message }] } };
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 503, body: { error: 'The database is not reachable right now; try again shortly.' } };
  }
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, body: { error: (error as Error).message || 'Bad request' } };
  }
  return { status: 500, body: { error: 'Internal server error' } };
}

const wantsHtml = (req: Request) => !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';

/** The one error handler: JSON for the API, a page in words for browsers. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const { status, body } = describeError(error);
  if (status >= 500) req.log?.error({ err: error, status }, 'request failed');
  if (res.headersSent) return void res.end();
  res.status(status);
  if (wantsHtml(req)) return res.render('errors/error', { title: titleFor(status), status, body });
  res.json(body);
};

function titleFor(status: number): string {
  if (status === 404) return 'Not found';
  if (status === 503) return 'Database unavailable';
  if (status === 400) return 'Bad request';
  return 'Something went wrong';
}
