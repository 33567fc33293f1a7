import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type pino from 'pino';
import { actorsApi } from './actors/actors.routes';
import { buildOpenApi } from './api/openapi';
import { articlesApi } from './articles/articles.routes';
import type { Config } from './config';
import { PROJECT_ROOT } from './db/local-neo4j';
import type { Db } from './db/query';
import { eventsApi } from './events/events.routes';
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
export function createApp({ db, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', path.join(PROJECT_ROOT, 'views'));
  app.set('query parser', 'simple');
  app.use(requestLogger(logger));
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'"] } } }));
  app.use('/api', api(db));
  app.use(express.static(path.join(PROJECT_ROOT, 'public'), { maxAge: '1h' }));
  app.use('/vendor/vis-timeline/js', express.static(path.join(PROJECT_ROOT, 'node_modules/vis-timeline/standalone/umd'), { maxAge: '1d', fallthrough: false }));
  app.use('/vendor/vis-timeline/css', express.static(path.join(PROJECT_ROOT, 'node_modules/vis-timeline/styles'), { maxAge: '1d', fallthrough: false }));
  app.use('/vendor/d3', express.static(path.join(PROJECT_ROOT, 'node_modules/d3/dist'), { maxAge: '1d', fallthrough: false }));
  app.use(pages(db));
  app.use((req, _res, next) => next(new NotFoundError('page', req.path)));
  app.use(errorHandler);
  return app;
}

function api(db: Db) {
  const openApi = buildOpenApi();
  return express
    .Router()
    .use(eventsApi(db), actorsApi(db), whoDidWhatApi(db), articlesApi(db), healthApi(db), timelineApi(db), graphApi(db), statsApi(db))
    .get('/openapi.json', (_req, res) => void res.json(openApi))
    .use((req, _res, next) => next(new NotFoundError('route', req.path)));
}
