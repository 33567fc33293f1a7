import fc from 'fast-check';
import type { z } from 'zod';
import { ActorDetail, ActorList, RelationshipList } from '../../src/actors/actors.schemas';
import { ArticleDetail, ArticleList } from '../../src/articles/articles.schemas';
import { ConnectionsAnswer } from '../../src/connections/connections.schemas';
import type { Db } from '../../src/db/query';
import { ErrorResponse } from '../../src/domain/views';
import { DyadAnswer } from '../../src/dyads/dyads.schemas';
import { EventDetail, EventPage } from '../../src/events/events.schemas';
import { Graph } from '../../src/graph/graph.schemas';
import { Health } from '../../src/health/health.schemas';
import { History } from '../../src/history/history.schemas';
import { ChangesAnswer, InForceAnswer, MeasuresAnswer } from '../../src/sanctions/sanctions.schemas';
import { Stats } from '../../src/stats/stats.schemas';
import { TimelineWindow } from '../../src/timeline/timeline.schemas';
import { WhoDidWhatAnswer } from '../../src/who-did-what/who-did-what.schemas';
import { OpenApiDocument, parseExact, startTestApp, type RunningApp } from '../helpers/test-app';
import { contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';
import { encode, junkValue, requestFor, type RouteSpec } from './junk';
import { API_ROUTES, PAGE_ROUTES } from './routes';

/**
 * Property-based fuzzing of every read route, API and pages: generated junk in every parameter (wrong
 * types, huge and empty values, odd Unicode, invalid UTF-8, injection strings, unknown and repeated keys)
 * never yields a 5xx. The API always answers JSON: 200, or 404, or 400 naming the offending field.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const PAGE_RUNS = Math.ceil(RUNS / 2);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const tried: Record<string, number> = {};
const statuses: Record<number, number> = {};

let db: Db;
let app: RunningApp;
let before: string;

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  before = await contentFingerprint(db);
  app = await startTestApp(db);
});

afterAll(async () => {
  await app.close();
  await db.driver.close();
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  process.stderr.write(`fuzz: ${Object.keys(tried).length} routes, ${total} generated requests; API statuses ${JSON.stringify(statuses)}\n`);
});

/** The schema of each route's 200 answer (an export's is a file, not JSON). */
const RESPONSES: Record<string, z.ZodType | 'file'> = {
  'GET /api/events': EventPage,
  'GET /api/events/:id': EventDetail,
  'GET /api/actors': ActorList,
  'GET /api/actors/:id': ActorDetail,
  'GET /api/actors/:id/relationships': RelationshipList,
  'GET /api/articles': ArticleList,
  'GET /api/articles/:id': ArticleDetail,
  'GET /api/who-did-what': WhoDidWhatAnswer,
  'GET /api/connections': ConnectionsAnswer,
  'GET /api/dyads/:a/:b': DyadAnswer,
  'GET /api/timeline': TimelineWindow,
  'GET /api/graph': Graph,
  'GET /api/stats': Stats,
  'GET /api/export': 'file',
  'GET /api/sanctions': InForceAnswer,
  'GET /api/sanctions/changes': ChangesAnswer,
  'GET /api/sanctions/measures': MeasuresAnswer,
  'GET /api/health': Health,
  'GET /api/events/:id/history': History,
  'GET /api/openapi.json': OpenApiDocument,
};

/** The first segment of a detail path: `limit`, `id`, `events[0].date` → `events`. */
const head = (path: string) => path.split(/[.[]/)[0] ?? '';

/**
 * A 400 names the field: a parameter the route declares or the request sent, `id` or `path` (an id that
 * is not even percent-decodable), or, for a key nobody declared, a message naming that key.
 */
function namesTheField(detail: { path: string; message: string }, spec: RouteSpec, sent: readonly string[]): boolean {
  if (detail.path === '') return sent.some((key) => !Object.hasOwn(spec.query, key) && detail.message.includes(key));
  const field = head(detail.path);
  if (spec.ids && (field === (spec.idName ?? 'id') || field === 'path')) return true;
  return Object.hasOwn(spec.query, field) || sent.includes(field);
}

async function checkApi(route: string, spec: RouteSpec, url: string, keys: string[]): Promise<void> {
  tried[route] = (tried[route] ?? 0) + 1;
  const response = await fetch(app.baseUrl + url, { headers: { accept: 'application/json' } });
  const text = await response.text();
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  const context = `${route}: GET ${url.slice(0, 300)} → ${response.status} ${text.slice(0, 300)}`;
  if (![200, 400, 404].includes(response.status)) throw new Error(`unexpected status: ${context}`);
  const schema = RESPONSES[route];
  if (schema === undefined) throw new Error(`no response schema for ${route}`);
  const isFile = schema === 'file' && response.status === 200;
  if (isFile) return;
  if (!/^application\/json/.test(response.headers.get('content-type') ?? '')) throw new Error(`not JSON: ${context}`);
  const json: unknown = JSON.parse(text);
  if (response.status === 200) {
    if (schema !== 'file') parseExact(schema, json, context);
    return;
  }
  // a 400 or a 404: an ErrorResponse, whose `error` is a message
  const body = parseExact(ErrorResponse, json, context);
  if (response.status === 400) {
    if (body.error !== 'Invalid request' || !Array.isArray(body.details) || body.details.length === 0) {
      throw new Error(`400 without details: ${context}`);
    }
    if (!body.details.some((d) => namesTheField(d, spec, keys))) throw new Error(`400 naming no field that was sent: ${context}`);
  }
}

async function checkPage(route: string, url: string): Promise<void> {
  tried[route] = (tried[route] ?? 0) + 1;
  const response = await fetch(app.baseUrl + url, { headers: { accept: 'text/html' } });
  const text = await response.text();
  const context = `${route}: GET ${url.slice(0, 300)} → ${response.status}`;
  if (![200, 400, 404].includes(response.status)) throw new Error(`unexpected status: ${context} ${text.slice(0, 500)}`);
  if (!/^text\/html/.test(response.headers.get('content-type') ?? '')) throw new Error(`not HTML: ${context}`);
  if (/\n\s+at .+:\d+:\d+/.test(text)) throw new Error(`stack trace in page: ${context}`);
}

const options = (runs: number) => ({ numRuns: runs, seed, endOnFailure: true });

describe('the JSON API under generated junk', () => {
  test.each(Object.entries(API_ROUTES))('%s never answers 5xx, and a 400 names the field', async (route, spec: RouteSpec) => {
    await fc.assert(
      fc.asyncProperty(requestFor(spec), ({ url, keys }) => checkApi(route, spec, url, keys)),
      options(RUNS),
    );
  });

  test('an id that is junk answers 400 naming `id` or 404, on every route with an id', async () => {
    const withIds = Object.entries(API_ROUTES).filter(([, spec]) => spec.ids);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withIds), junkValue, async ([route, spec], id) => {
        // A segment of only dots is a dot-segment that every client resolves away ("/api/events/." is
        // "/api/events"): written %2E, it reaches the route as the id it is.
        const segment = /^\.+$/.test(id) ? id.replace(/\./g, '%2E') : encode(id) || '%20';
        await checkApi(route, spec, spec.path.replace(':id', segment), []);
      }),
      options(RUNS),
    );
  });

  test('other methods on read routes answer a JSON 404, never 5xx', async () => {
    const methods = fc.constantFrom('PUT', 'DELETE', 'PATCH');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.values(API_ROUTES)), methods, junkValue, async (spec, method, body) => {
        const url = app.baseUrl + spec.path.replace(':id', 'belarus');
        const response = await fetch(url, { method, body, headers: { 'content-type': 'application/json', accept: 'application/json' } });
        tried[`${method} (read routes)`] = (tried[`${method} (read routes)`] ?? 0) + 1;
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        parseExact(ErrorResponse, await response.json(), `${method} ${url}`);
      }),
      options(RUNS / 2),
    );
  });

  test('a request line beyond the server limit is refused with a 4xx, not a 5xx', async () => {
    const response = await fetch(`${app.baseUrl}/api/events?q=${'a'.repeat(70_000)}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  test('the junk reached the database as well as the validators: some requests were answered 200, 400 and 404', () => {
    expect(statuses[200]).toBeGreaterThan(RUNS);
    expect(statuses[400]).toBeGreaterThan(RUNS);
    expect(statuses[404]).toBeGreaterThan(RUNS / 10);
  });

  test('after all of it, the database holds exactly what it held before', async () => {
    expect(await contentFingerprint(db)).toBe(before);
  });
});

describe('the pages under generated junk', () => {
  test.each(Object.entries(PAGE_ROUTES))('%s never answers 5xx, and answers HTML', async (route, spec: RouteSpec) => {
    await fc.assert(
      fc.asyncProperty(requestFor(spec), ({ url }) => checkPage(route, url)),
      options(PAGE_RUNS),
    );
  });
});
