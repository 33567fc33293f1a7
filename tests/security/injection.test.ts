import { ACTORS_BY_NAME, ACTORS_BY_SCORE, RELATIONSHIP_ORDER } from '../../src/actors/actors.repository';
import { ArticleDetail } from '../../src/articles/articles.schemas';
import { ARTICLE_ORDER } from '../../src/articles/articles.repository';
import type { Keyset } from '../../src/db/keyset';
import { HISTORY_ORDER } from '../../src/history/history.repository';
import { CHANGE_ORDER, MEASURE_ORDER } from '../../src/sanctions/sanctions.repository';
import { WHO_DID_WHAT_ORDER } from '../../src/who-did-what/who-did-what.repository';
import { read, type Db } from '../../src/db/query';
import { IsoDate } from '../../src/domain/dates';
import { Slug } from '../../src/domain/model';
import { ErrorResponse } from '../../src/domain/views';
import { Draft } from '../../src/drafts/drafts.schemas';
import { encode, INJECTION_PAYLOADS, type RouteSpec } from '../fuzz/junk';
import { API_ROUTES, PAGE_ROUTES, SEED_ACTORS } from '../fuzz/routes';
import { eachConcurrently } from '../helpers/concurrently';
import { parseExact } from '../helpers/test-app';
import { contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';
import { bearer, postArticle, recordingDb, startLoggedApp, TOKEN, type LoggedApp, type SentQuery } from './support';

/**
 * Cypher-injection (and Lucene, HTML, path) payloads in every parameter of every route, and in every field
 * of a posted article. Each payload carries a marker; every query the app sends is recorded on its way to
 * the driver. The marker may reach the database only as a parameter value, never in the Cypher text.
 */

const MARKER = 'zq9xmark';
const payloads = INJECTION_PAYLOADS.map((p) => `${MARKER}${p}`);

/** Parameters that let a request reach the database, so that the payload in the other one is tested there. */
const BASE: Record<string, string> = {
  'GET /api/timeline': 'from=2025-01-01&to=2025-12-31',
  'GET /api/export': 'format=csv',
  'GET /api/connections': 'from=donald-trump&to=ales-bialiatski',
  'GET /connections': 'from=donald-trump&to=ales-bialiatski',
};

let db: Db;
let app: LoggedApp;
const sent: SentQuery[] = [];
let requests = 0;
let before: string;
/** Requests in flight at once per route: the answers are independent reads. */
const AT_ONCE = 6;

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  before = await contentFingerprint(db);
  app = await startLoggedApp(recordingDb(db, sent), { KB_API_TOKEN: TOKEN, KB_WRITE_RATE_LIMIT: '100000' });
});

afterAll(async () => {
  await app.close();
  await db.driver.close();
  process.stderr.write(`injection: ${INJECTION_PAYLOADS.length} payloads, ${requests} requests, ${sent.length} queries recorded\n`);
});

/** Every request to try for one route: each payload in each parameter, and in the id. */
function attacks(spec: RouteSpec, base = ''): string[] {
  const urls: string[] = [];
  const path = spec.path.replace(':id', spec.ids?.[0] ?? '');
  for (const payload of payloads) {
    for (const key of Object.keys(spec.query)) {
      const rest = base.split('&').filter((pair) => pair && !pair.startsWith(`${key}=`));
      urls.push(`${path}?${[...rest, `${key}=${encode(payload)}`].join('&')}`);
    }
    if (spec.ids) urls.push(`${spec.path.replace(':id', encode(payload))}${base ? `?${base}` : ''}`);
  }
  return urls;
}

async function get(url: string, accept: string) {
  requests += 1;
  const response = await fetch(app.baseUrl + url, { headers: { accept } });
  const text = await response.text();
  return { status: response.status, text, type: response.headers.get('content-type') ?? '' };
}

describe('injection payloads in every read parameter', () => {
  test.each(Object.entries(API_ROUTES))('%s: answered without a 5xx', async (route, spec) => {
    await eachConcurrently(attacks(spec, BASE[route]), AT_ONCE, async (url) => {
      const answer = await get(url, 'application/json');
      if (answer.status >= 500) throw new Error(`${url} → ${answer.status} ${answer.text.slice(0, 200)}`);
      if (!(route === 'GET /api/export' && answer.status === 200)) expect(answer.type).toMatch(/^application\/json/);
    });
  });

  test.each(Object.entries(PAGE_ROUTES))('page %s: answered without a 5xx, never echoing markup unescaped', async (_route, spec) => {
    await eachConcurrently(attacks(spec), AT_ONCE, async (url) => {
      const answer = await get(url, 'text/html');
      if (answer.status >= 500) throw new Error(`${url} → ${answer.status}`);
      for (const raw of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>']) {
        expect(answer.text).not.toContain(`${MARKER}${raw}`);
      }
    });
  });

  test('inside well-formed cursors, where a list hands its keys to the database: answered 200', async () => {
    const lists: Array<[string, Keyset, (payload: string) => unknown[]]> = [
      ['/api/actors', ACTORS_BY_NAME, (p) => [p, p]],
      ['/api/actors?q=belarus', ACTORS_BY_SCORE, (p) => [1, p, p]],
      ['/api/actors/belarus/relationships', RELATIONSHIP_ORDER, (p) => [1, p]],
      ['/api/articles', ARTICLE_ORDER, (p) => ['2025-12-14', p]],
      ['/api/who-did-what', WHO_DID_WHAT_ORDER, (p) => ['2025-09-01', p]],
      ['/api/sanctions/measures', MEASURE_ORDER, (p) => [p, p, p, p, p]],
      ['/api/sanctions/changes?from=2025-01-01&to=2025-12-31', CHANGE_ORDER, (p) => ['2025-09-01', p, 1]],
      ['/api/events/talks-minsk-2025-12/history', HISTORY_ORDER, (p) => ['2025-12-14T10:00:00Z', 0, p]],
    ];
    for (const [path, list, keys] of lists) {
      await eachConcurrently(payloads, AT_ONCE, async (payload) => {
        const url = `${path}${path.includes('?') ? '&' : '?'}cursor=${list.codec.encode(keys(payload))}`;
        const answer = await get(url, 'application/json');
        if (answer.status !== 200) throw new Error(`${url} → ${answer.status} ${answer.text.slice(0, 200)}`);
      });
    }
  });

  test('changed nothing in the database', async () => {
    expect(await contentFingerprint(db)).toBe(before);
  });
});

/** Accepts the draft's first event (the pardon every test article opens with) and commits the draft. */
async function commitFirstEvent(draftText: string): Promise<void> {
  const draft = parseExact(Draft, JSON.parse(draftText), 'the posted draft');
  for (const [method, path, body] of [
    ['PATCH', `/api/drafts/${draft.id}/events/0`, { decision: 'accepted' }],
    ['POST', `/api/drafts/${draft.id}/commit`, undefined],
  ] as const) {
    requests += 1;
    const response = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: { accept: 'application/json', ...bearer(TOKEN), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
}

describe('injection payloads in every field of a posted article', () => {
  test('are stored and given back verbatim, as data, in the draft and once committed', async () => {
    for (const [i, payload] of payloads.entries()) {
      const article = {
        id: `injected-${i}`,
        title: `Title ${payload}`,
        publisher: `Publisher ${payload}`.slice(0, 200),
        url: `https://example.org/a?x=${encodeURIComponent(payload)}`,
        publishedAt: '2025-12-16',
        text: `President Lukashenko pardoned 12 prisoners on Monday, December 15. ${payload} The United States welcomed the move.`,
      };
      requests += 1;
      const answer = await postArticle(app, article, bearer(TOKEN));
      if (answer.status !== 201) throw new Error(`${JSON.stringify(article.title)} → ${answer.status} ${answer.text.slice(0, 300)}`);
      expect(parseExact(Draft, JSON.parse(answer.text), 'the draft').article).toMatchObject({ title: article.title.trim(), text: article.text.trim() });
      await commitFirstEvent(answer.text);
      const stored = await get(`/api/articles/injected-${i}`, 'application/json');
      expect(stored.status).toBe(200);
      const body = parseExact(ArticleDetail, JSON.parse(stored.text), `GET /api/articles/injected-${i}`);
      expect({ title: body.title, publisher: body.publisher, url: body.url, text: body.text }).toEqual({
        title: article.title.trim(),
        publisher: article.publisher.trim(),
        url: article.url,
        text: article.text.trim(),
      });
    }
  });

  test.each([['id'], ['publishedAt']])('in %s: refused with 400 naming the field, nothing written', async (field) => {
    const fingerprint = await contentFingerprint(db);
    // Payloads that happen to be well-formed (`zq9xmark-1` is a fine slug) are not attacks on this field.
    for (const payload of payloads.filter((p) => !(field === 'id' ? Slug : IsoDate).safeParse(p).success)) {
      requests += 1;
      const answer = await postArticle(app, { title: 'A title', publishedAt: '2025-12-16', text: 'Some text.', [field]: payload }, bearer(TOKEN));
      expect(answer.status).toBe(400);
      expect(parseExact(ErrorResponse, JSON.parse(answer.text), `the 400 to a bad ${field}`).details?.map((d) => d.path)).toContain(field);
    }
    expect(await contentFingerprint(db)).toBe(fingerprint);
  });
});

describe('what reached the driver', () => {
  test('the payloads reached the database only as parameters, never as Cypher text', () => {
    expect(sent.length).toBeGreaterThan(500);
    const asParameters = sent.filter((q) => JSON.stringify(q.params ?? null).includes(MARKER));
    expect(asParameters.length).toBeGreaterThan(50);
    const inCypher = sent.filter((q) => q.cypher.includes(MARKER));
    expect(inCypher.map((q) => q.cypher.slice(0, 200))).toEqual([]);
  });

  test('no payload took effect: no injected label, property or deletion', async () => {
    const [row] = await read<{ pwned: number; flagged: number; seedEvents: number; seedActors: number }>(
      db,
      `RETURN COUNT { (:Pwned) } AS pwned, COUNT { (n) WHERE n.pwned IS NOT NULL } AS flagged,
              COUNT { (e:Event) WHERE (e)-[:REPORTED_IN]->(:Article {id: 'minsk-talks-us-belarus-thaw'}) } AS seedEvents,
              COUNT { (a:Actor) WHERE a.id IN $actors } AS seedActors`,
      { actors: [...SEED_ACTORS] },
    );
    expect(row).toEqual({ pwned: 0, flagged: 0, seedEvents: 13, seedActors: SEED_ACTORS.length });
  });
});
