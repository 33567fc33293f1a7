import type { NextFunction, Request, RequestHandler, Response } from 'express';
import client from 'prom-client';
import type { Config } from '../config/settings';
import { withBudget } from '../db/budget';
import { observeQueries, type Db } from '../db/query';
import { checkHealth } from '../health/health.service';

/** A scrape asks whether the database is up; it must not wait longer than /api/health would. */
const HEALTH_BUDGET_MS = 3000;

/**
 * The app's metrics in Prometheus's text format (prom-client), at /metrics: request durations by declared route
 * (the pattern, `/api/actors/:id`, never the address asked, so that ids do not make a series each) and status,
 * database query durations by query name (db/query.ts names a query after its repository function), the queue in
 * front of the database (db/gate.ts: queries running and waiting), drafts and ingests counted, the database up,
 * and Node's own (heap, event loop lag, garbage collection).
 */
export interface Metrics {
  registry: client.Registry;
  /** Times each request; mounted before every route. */
  timeRequests: RequestHandler;
  /** Answers GET /metrics (to the loopback only, unless METRICS_PUBLIC). */
  serve: RequestHandler;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Remembers the declared pattern of the last route express matched for this request, with the base of the router
 * it is in, when express sets `req.route`: by the time the answer is finished, an error passed on has left the
 * router, which restores `req.baseUrl`.
 */
function watchRoute(req: Request): () => string {
  let route: unknown;
  let pattern: string | undefined;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set: (value: { path?: unknown } | undefined) => {
      route = value;
      if (typeof value?.path === 'string') pattern = `${req.baseUrl}${value.path}`;
    },
  });
  return () => pattern ?? (req.method === 'GET' || req.method === 'HEAD' ? '(static or not found)' : '(no route)');
}

/** Writes the knowledge base takes in: what each counted request is, by its declared route. */
const COUNTED: Record<string, { counter: 'drafts' | 'ingests'; via: string }> = {
  'POST /api/drafts': { counter: 'drafts', via: 'api' },
  'POST /api/articles': { counter: 'ingests', via: 'api' },
  'POST /api/drafts/:id/commit': { counter: 'ingests', via: 'review' },
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function createMetrics(db: Db, config: Pick<Config, 'METRICS_PUBLIC'>): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'kb_' });
  const requests = new client.Histogram({
    name: 'kb_http_request_duration_seconds',
    help: 'Time to answer a request, by method, declared route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: SECONDS,
    registers: [registry],
  });
  const queries = new client.Histogram({
    name: 'kb_db_query_duration_seconds',
    help: 'Time of a database query from the moment it is asked (waiting in the queue included), by query and outcome',
    labelNames: ['query', 'outcome'],
    buckets: SECONDS,
    registers: [registry],
  });
  observeQueries((name, seconds, ok) => queries.observe({ query: name, outcome: ok ? 'ok' : 'error' }, seconds));
  new client.Gauge({
    name: 'kb_db_pool_in_use',
    help: 'Database queries running now (at most the driver pool size)',
    registers: [registry],
    collect() {
      this.set(db.gate?.state.inUse ?? 0);
    },
  });
  new client.Gauge({
    name: 'kb_db_pool_waiting',
    help: 'Database queries waiting for a free connection',
    registers: [registry],
    collect() {
      this.set(db.gate?.state.waiting ?? 0);
    },
  });
  new client.Gauge({
    name: 'kb_db_up',
    help: '1 when the database answers and has warmed up (as /api/health says), 0 otherwise',
    registers: [registry],
    async collect() {
      const health = await withBudget(HEALTH_BUDGET_MS, () => checkHealth(db)).catch(() => ({ database: 'down' }));
      this.set(health.database === 'up' ? 1 : 0);
    },
  });
  const counters = {
    drafts: new client.Counter({ name: 'kb_drafts_created_total', help: 'Drafts made from articles', labelNames: ['via'], registers: [registry] }),
    ingests: new client.Counter({
      name: 'kb_ingests_total',
      help: 'Articles whose events were written into the graph',
      labelNames: ['via'],
      registers: [registry],
    }),
  };

  const timeRequests: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const routeOf = watchRoute(req);
    res.once('finish', () => {
      const route = routeOf();
      requests.observe({ method: req.method, route, status: String(res.statusCode) }, (performance.now() - started) / 1000);
      const counted = COUNTED[`${req.method} ${route}`];
      if (counted && res.statusCode < 300) counters[counted.counter].inc({ via: counted.via });
    });
    next();
  };

  const serve: RequestHandler = (req, res, next) => {
    // The socket's own address, never X-Forwarded-For: a proxy on this machine must not forward /metrics.
    if (!config.METRICS_PUBLIC && !LOOPBACK.test(req.socket.remoteAddress ?? '')) return next();
    registry.metrics().then((text) => {
      res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(text);
    }, next);
  };

  return { registry, timeRequests, serve };
}
