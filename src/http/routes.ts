import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { outsideBudget, withBudget } from '../db/budget';
import { Download, Reply, type RouteSpec } from '../domain/route';
import { sendJson } from './json-body';

/**
 * The web edge of the API: turns the routes features declare into an express router. Each request's path
 * parameters, query and body are parsed with the route's schemas (a bad one is a 400 naming the field, from
 * the error handler), and each answer is put through the route's response schema, so the body is exactly what
 * the OpenAPI document promises (keys in schema order, nothing extra) and drift fails loudly.
 */
export interface Guards {
  /** Before a write; `admin`: only admins may make it. */
  write: (admin: boolean) => RequestHandler[];
  /** Before a read for signed-in users only. */
  signedIn: RequestHandler[];
}

export function routerFor(routes: readonly RouteSpec[], guards: Guards): Router {
  const router = Router();
  for (const spec of routes) {
    const guard = spec.write ? guards.write(spec.write.admin === true) : spec.signedIn ? guards.signedIn : [];
    router[spec.method](spec.path, ...guard, (req: Request, res: Response) => withinBudget(spec, () => answer(spec, req, res)));
  }
  return router;
}

async function answer(spec: RouteSpec, req: Request, res: Response): Promise<void> {
  const params = spec.params ? spec.params.parse(req.params) : {};
  const query = spec.query ? spec.query.parse(req.query) : {};
  const body = spec.body ? spec.body.parse(req.body ?? {}) : {};
  const reply = await spec.handle({ params, query, body, principal: req.principal, note: (message: string) => req.log?.warn(message) } as never);
  await send(req, res, spec, reply);
}

/**
 * A route's own database budget, if it declares one. A download has none: it reads page after page for as long
 * as the client takes them, each query with its own deadline.
 */
function withinBudget<T>(spec: RouteSpec, work: () => T): T {
  if (spec.download) return outsideBudget(work);
  return spec.budgetS === undefined ? work() : withBudget(spec.budgetS * 1000, work);
}

async function send(req: Request, res: Response, spec: RouteSpec, answer: unknown): Promise<void> {
  if (answer instanceof Download) return sendDownload(res, answer);
  if (answer instanceof Reply) {
    res.status(answer.status).set(answer.headers);
    sendJson(req, res, fitted(spec, answer.body));
    return;
  }
  sendJson(req, res, fitted(spec, answer));
}

/** The answer as its schema has it. One that does not fit is the server's fault: a 500, never a 400 that blames the request. */
function fitted(spec: RouteSpec, answer: unknown): unknown {
  const parsed = spec.response.safeParse(answer);
  if (!parsed.success) throw new Error(`The answer of ${spec.method.toUpperCase()} ${spec.path} does not fit its schema: ${parsed.error.message}`);
  return parsed.data;
}

/** Yields `first` (already pulled), then the rest of the iterator. */
async function* resume<T>(first: IteratorResult<T>, rest: AsyncIterator<T>): AsyncGenerator<T> {
  for (let next = first; !next.done; next = await rest.next()) yield next.value;
}

async function sendDownload(res: Response, download: Download): Promise<void> {
  const chunks = download.chunks[Symbol.asyncIterator]();
  // The first piece holds the first page of data: if the database fails, it fails here, while the error
  // handler can still answer with a status (503) instead of a truncated file.
  const first = await chunks.next();
  res.attachment(download.fileName);
  res.setHeader('Content-Type', download.contentType);
  res.setHeader('Cache-Control', 'no-store');
  // pipeline writes with backpressure and, if the client goes away, stops pulling (and so reading pages).
  try {
    await pipeline(Readable.from(resume(first, chunks)), res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw error;
  }
}
