import type { ServerResponse } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import type pino from 'pino';
import { accountsRoutes } from './accounts/accounts.routes';
import { actorsRoutes } from './actors/actors.routes';
import { articlesRoutes } from './articles/articles.routes';
import { PROJECT_ROOT } from './config/paths';
import { connectionsRoutes } from './connections/connections.routes';
import type { Config } from './config/settings';
import type { Db } from './db/query';
import { NotFoundError } from './domain/errors';
import type { RouteSpec } from './domain/route';
import { draftsRoutes } from './drafts/drafts.routes';
import { dyadsRoutes } from './dyads/dyads.routes';
import { eventsRoutes } from './events/events.routes';
import { exportsRoutes } from './exports/exports.routes';
import { graphRoutes } from './graph/graph.routes';
import { healthRoutes } from './health/health.routes';
import { historyRoutes } from './history/history.routes';
import { identify, requireWriter } from './http/auth';
import { cacheControl, HASHED_ASSET, UNHASHED_ASSET_MAX_AGE } from './http/caching';
import { openReads, sameOriginWrites } from './http/cross-origin';
import { errorHandler } from './http/errors';
import { requestBudget } from './http/request-budget';
import { requestLogger } from './http/logger';
import { createMetrics } from './http/metrics';
import { buildOpenApi } from './http/openapi';
import { routerFor } from './http/routes';
import { securityHeaders } from './http/security-headers';
import { writeGuards } from './http/writes';
import { apiDocsPage, apiIndex } from './pages/api-docs.page';
import { readBundles, type Bundles } from './pages/bundles';
import { pages } from './pages/pages.routes';
import { sanctionsRoutes } from './sanctions/sanctions.routes';
import { statsRoutes } from './stats/stats.routes';
import { placesRoutes } from './places/places.routes';
import { watchRoutes } from './watch/watch.routes';
import { timelineRoutes } from './timeline/timeline.routes';
import { whoDidWhatRoutes } from './who-did-what/who-did-what.routes';

export interface AppDeps {
  db: Db;
  config: Config;
  logger: pino.Logger;
}

/** Every API route, as the features declare them, in the order the OpenAPI document lists them. */
export function apiRoutes(db: Db, config: Config): RouteSpec[] {
  return [
    ...eventsRoutes(db),
    ...historyRoutes(db),
    ...actorsRoutes(db),
    ...whoDidWhatRoutes(db),
    ...connectionsRoutes(db),
    ...dyadsRoutes(db),
    ...sanctionsRoutes(db),
    ...articlesRoutes(db),
    ...draftsRoutes(db, config),
    ...timelineRoutes(db),
    ...graphRoutes(db),
    ...statsRoutes(db),
    ...placesRoutes(db),
    ...watchRoutes(db),
    ...healthRoutes(db),
    ...exportsRoutes(db),
    ...accountsRoutes(db),
  ];
}

/** The whole app, ready to listen: tests call this on an ephemeral port, only server.ts listens. */
export function createApp({ db, config, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', path.join(PROJECT_ROOT, 'views'));
  app.set('query parser', 'simple');
  app.set('trust proxy', config.TRUST_PROXY);
  const bundles = readBundles();
  if (!bundles.built) logger.warn('public/js holds no build of the browser scripts (npm run build:client): pages will miss them');
  app.locals.scriptAddress = bundles.address;
  const metrics = createMetrics(db, config);
  app.use(metrics.timeRequests);
  app.use(requestLogger(logger));
  app.use(securityHeaders());
  app.use(sameOriginWrites);
  // gzip (level 1: a third of the default's time for a fifth more bytes) or brotli (when the client takes both), for
  // answers of 1 KB and more: pages, files, exports. The API's JSON answers come already compressed (http/json-body.ts).
  app.use(compression({ level: 1 }));
  // Only the loopback is answered (unless METRICS_PUBLIC): elsewhere /metrics is a page not found.
  app.get('/metrics', metrics.serve);
  // Credentials are read for the API and the pages, not for static files (no database call per asset).
  const who = identify(db, config);
  app.use(requestBudget(config.DB_BUDGET_S));
  app.use('/api', openReads, who, cacheControl, api(db, config));
  app.use(express.static(path.join(PROJECT_ROOT, 'public'), { maxAge: UNHASHED_ASSET_MAX_AGE, setHeaders: keepForever(bundles) }));
  app.use('/vendor', vendorAssets());
  app.use(who, cacheControl, pages(db, config));
  app.use((req, _res, next) => next(new NotFoundError('page', req.path)));
  app.use(errorHandler);
  return app;
}

/** Hashed bundles are cached for good; every other file of public/ keeps the short max-age of express.static. */
function keepForever(bundles: Bundles) {
  return (res: ServerResponse, file: string) => {
    if (bundles.isHashed(path.basename(file))) res.setHeader('Cache-Control', HASHED_ASSET);
  };
}

/**
 * Browser libraries served by the app itself from node_modules, never from another host. vis-timeline's
 * "peer" build is used because its standalone build injects <style> elements, which the CSP refuses.
 */
function vendorAssets() {
  const from = (dir: string) => express.static(path.join(PROJECT_ROOT, 'node_modules', dir), { maxAge: UNHASHED_ASSET_MAX_AGE, fallthrough: false });
  return (
    express
      .Router()
      .use('/moment', from('moment/min'))
      .use('/vis-data', from('vis-data/peer/umd'))
      .use('/vis-timeline/js', from('vis-timeline/peer/umd'))
      .use('/vis-timeline/css', from('vis-timeline/styles'))
      .use('/swagger-ui', from('swagger-ui-dist'))
      // The map's country shapes: Natural Earth at 1:110m as TopoJSON.
      .use('/world-atlas', from('world-atlas'))
  );
}

function api(db: Db, config: Config) {
  const routes = apiRoutes(db, config);
  const openApi = buildOpenApi(routes);
  return express
    .Router()
    .use(routerFor(routes, { write: writeGuards(config), signedIn: [requireWriter] }))
    .get('/openapi.json', (_req, res) => void res.json(openApi))
    .get('/docs', apiDocsPage())
    .get('/', apiIndex())
    .use((req, _res, next) => next(new NotFoundError('route', req.path)));
}
