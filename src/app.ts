import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type pino from 'pino';
import { actorsApi } from './actors/actors.routes';
import { buildOpenApi } from './api/openapi';
import { articlesApi } from './articles/articles.routes';
import { articlesWriteApi } from './articles/articles.write.routes';
import type { Config } from './config';
import { PROJECT_ROOT } from './db/local-neo4j';
import type { Db } from './db/query';
import { eventsApi } from './events/events.routes';
import { exportsApi } from './exports/exports.routes';
import { graphApi } from './graph/graph.routes';
import { healthApi } from './health/health.routes';
import { errorHandler, NotFoundError } from './http/errors';
import { requestLogger } from './http/logger';
import { pages } from './pages/pages.routes';
import { statsApi } from './stats/stats.routes';
import { timelineApi } from './timeline/timeline.routes';
import { whoDidWhatApi } from './who-did-what/who-did-what.routes';

export interface AppDeps {
  db: Db;
  config: Config;
  logger: pino.Logger;
}

/** The whole app, ready to listen: tests call this on an ephemeral port, only server.ts listens. */
export function createApp({ db, config, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', path.join(PROJECT_ROOT, 'views'));
  app.set('query parser', 'simple');
  app.use(requestLogger(logger));
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'"] } } }));
  app.use('/api', api(db, config));
  app.use(express.static(path.join(PROJECT_ROOT, 'public'), { maxAge: '1h' }));
  app.use('/vendor', vendorAssets());
  app.use(pages(db));
  app.use((req, _res, next) => next(new NotFoundError('page', req.path)));
  app.use(errorHandler);
  return app;
}

/**
 * Browser libraries served by the app itself from node_modules, never from another host. vis-timeline's
 * "peer" build is used because its standalone build injects <style> elements, which the CSP refuses.
 */
function vendorAssets() {
  const from = (dir: string) => express.static(path.join(PROJECT_ROOT, 'node_modules', dir), { maxAge: '1d', fallthrough: false });
  return express
    .Router()
    .use('/moment', from('moment/min'))
    .use('/vis-data', from('vis-data/peer/umd'))
    .use('/vis-timeline/js', from('vis-timeline/peer/umd'))
    .use('/vis-timeline/css', from('vis-timeline/styles'))
    .use('/d3', from('d3/dist'));
}

function api(db: Db, config: Config) {
  const openApi = buildOpenApi();
  return express
    .Router()
    .use(eventsApi(db), actorsApi(db), whoDidWhatApi(db), articlesApi(db), articlesWriteApi(db, config), healthApi(db), timelineApi(db), graphApi(db), statsApi(db), exportsApi(db))
    .get('/openapi.json', (_req, res) => void res.json(openApi))
    .use((req, _res, next) => next(new NotFoundError('route', req.path)));
}
