import http from 'node:http';
import zlib from 'node:zlib';
import type { Db } from '../../src/db/query';
import { ErrorResponse } from '../../src/domain/views';
import { Draft, DraftList } from '../../src/drafts/drafts.schemas';
import { EventPage } from '../../src/events/events.schemas';
import { readBundles } from '../../src/pages/bundles';
import { ensureClientBuilt } from '../e2e/support';
import { addUsers, signIn } from '../helpers/review';
import { parseExact, startTestApp, type RunningApp } from '../helpers/test-app';
import { contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * The conventions of a well-made web service, over the real app: answers compressed as the client asks (gzip,
 * brotli), the read API open to pages of other origins (CORS, CORP) while writes stay with this site's own
 * pages, Cache-Control and ETags by what an answer is, and the HTTPS-only headers only over HTTPS (directly or
 * through a proxy that TRUST_PROXY believes).
 */

const TOKEN = 'http-conventions-token-5c1e';
const OTHER_SITE = 'https://example.org';
let articles = 0;
/** A new article each time: the same one posted again answers its open draft (200), not a new one. */
function newArticle(): string {
  articles += 1;
  const text = `On Saturday, December 13, President Lukashenko pardoned ${articles} prisoners, his office said.`;
  return JSON.stringify({ title: `Minsk frees prisoners (${articles})`, text, published: '2025-12-15' });
}

let db: Db;
let app: RunningApp;
let proxied: RunningApp;

beforeAll(async () => {
  ensureClientBuilt(); // the bundles are built, not committed
  db = openTestDb();
  await resetToSeed(db);
  await addUsers(db, [{ name: 'hc-editor', role: 'editor' }]);
  app = await startTestApp(db, { KB_API_TOKEN: TOKEN, KB_WRITE_RATE_LIMIT: '1000' });
  proxied = await startTestApp(db, { KB_API_TOKEN: TOKEN, KB_WRITE_RATE_LIMIT: '1000', TRUST_PROXY: 'loopback' });
});

afterAll(async () => {
  await app.close();
  await proxied.close();
  await resetToSeed(db);
  await db.driver.close();
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire: still compressed, if they were. */
  body: Buffer;
}

/** A request through node:http, which (unlike fetch) neither decompresses nor keeps any header from being sent. */
function request(target: RunningApp, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(target.baseUrl + path, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const json = (answer: RawAnswer): unknown => JSON.parse(answer.body.toString('utf8'));
const errorOf = (answer: RawAnswer) => parseExact(ErrorResponse, json(answer), `the ${answer.status} answer`);
const bundle = (name: string) => readBundles().address(`/js/${name}.js`);

const DECODE: Record<string, (data: Buffer) => Buffer> = { gzip: zlib.gunzipSync, br: zlib.brotliDecompressSync };

describe('compression', () => {
  test.each([
    ['/api/events', 'gzip'],
    ['/api/events', 'br'],
    ['/api/openapi.json', 'gzip'],
    ['/api/openapi.json', 'br'],
    ['bundle:graph', 'gzip'],
    ['bundle:graph', 'br'],
    ['/css/app.css', 'br'],
    ['/timeline', 'gzip'],
  ])('%s with Accept-Encoding: %s comes %s-encoded, and decodes to the plain answer', async (path, encoding) => {
    const target = resolved(path);
    const plain = await request(app, target, { headers: { 'accept-encoding': 'identity' } });
    const packed = await request(app, target, { headers: { 'accept-encoding': encoding } });
    expect([plain.status, packed.status]).toEqual([200, 200]);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(packed.headers.vary).toMatch(/accept-encoding/i);
    expect(packed.body.length).toBeLessThan(plain.body.length / 2);
    expect(DECODE[encoding]!(packed.body).equals(plain.body)).toBe(true);
  });

  test('a client that takes both gets brotli; one that sends no Accept-Encoding gets the answer as it is', async () => {
    expect((await request(app, '/api/events', { headers: { 'accept-encoding': 'gzip, deflate, br' } })).headers['content-encoding']).toBe('br');
    expect((await request(app, '/api/events', { headers: { 'accept-encoding': 'br;q=0.5, gzip' } })).headers['content-encoding']).toBe('gzip');
    expect((await request(app, '/api/events')).headers['content-encoding']).toBeUndefined();
  });

  test.each(['br', 'gzip'])('HEAD with Accept-Encoding: %s: the encoding, length and ETag of its GET, no body', async (encoding) => {
    const headers = { 'accept-encoding': encoding };
    const got = await request(app, '/api/events', { headers });
    const head = await request(app, '/api/events', { method: 'HEAD', headers });
    expect([got.status, head.status]).toEqual([200, 200]);
    expect(head.headers['content-encoding']).toBe(encoding);
    expect(head.headers['content-length']).toBe(String(got.body.length));
    expect(head.headers.etag).toBe(got.headers.etag);
    expect(head.body.length).toBe(0);
  });

  test('an export still streams as a download, compressed', async () => {
    const plain = await request(app, '/api/export?format=csv', { headers: { 'accept-encoding': 'identity' } });
    const packed = await request(app, '/api/export?format=csv', { headers: { 'accept-encoding': 'gzip' } });
    expect(packed.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers['transfer-encoding']).toBe('chunked');
    expect(packed.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(packed.headers['cache-control']).toBe('no-store');
    expect(zlib.gunzipSync(packed.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    expect(plain.body.toString('utf8')).toMatch(/^event_id,/);
  });
});

describe('other origins may read the API', () => {
  test.each(['GET', 'HEAD'])('%s /api/events from another origin carries the CORS headers, without credentials', async (method) => {
    const answer = await request(app, '/api/events', { method, headers: { origin: OTHER_SITE } });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    expect(answer.headers['access-control-expose-headers']).toMatch(/\bETag\b/);
    expect(answer.headers['cross-origin-resource-policy']).toBe('cross-origin');
    if (method === 'GET') expect(parseExact(EventPage, json(answer), 'GET /api/events').items.length).toBeGreaterThan(0);
  });

  test('an error of the API is readable there too: the 400 naming the field', async () => {
    const answer = await request(app, '/api/events?limit=0', { headers: { origin: OTHER_SITE } });
    expect(answer.status).toBe(400);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(errorOf(answer).details?.[0]?.path).toBe('limit');
  });

  test('a preflight for a read is answered: GET and HEAD, the revalidation headers, no credentials', async () => {
    const answer = await request(app, '/api/events?actor=belarus', {
      method: 'OPTIONS',
      headers: { origin: OTHER_SITE, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(answer.headers['access-control-allow-headers']).toMatch(/\bIf-None-Match\b/);
    expect(answer.headers['access-control-allow-headers']).not.toMatch(/authorization/i);
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
  });

  test('a preflight for a write is refused: 403 naming why, no CORS header', async () => {
    const answer = await request(app, '/api/drafts', {
      method: 'OPTIONS',
      headers: { origin: OTHER_SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(errorOf(answer).error).toMatch(/only read the API.*POST/);
  });

  test.each(['/timeline', '/css/app.css', 'bundle:timeline'])('%s (not the API) stays same-origin', async (path) => {
    const answer = await request(app, resolved(path), { headers: { origin: OTHER_SITE } });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});

/** Bundles are named in test tables (`bundle:graph`) before the build is known, and found inside the test. */
function resolved(path: string): string {
  return path.startsWith('bundle:') ? bundle(path.slice('bundle:'.length)) : path;
}

describe('writes stay with this site', () => {
  const postDraft = (target: RunningApp, headers: Record<string, string>) =>
    request(target, '/api/drafts', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      body: newArticle(),
    });

  test.each([OTHER_SITE, 'null', 'http://127.0.0.1:1'])(
    'a POST with a valid token from Origin %s is refused (403 naming why) before any work, writing nothing',
    async (origin) => {
      const before = await contentFingerprint(db);
      const answer = await postDraft(app, { origin });
      expect(answer.status).toBe(403);
      expect(errorOf(answer).error).toBe(`Writes are accepted only from this site's own pages (${app.baseUrl}); this request came from ${origin}.`);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      // The write rate limit, the first of the write guards, never saw it.
      expect(answer.headers.ratelimit).toBeUndefined();
      expect(await contentFingerprint(db)).toBe(before);
    },
  );

  test('a DELETE from another origin is refused too, and the draft stays', async () => {
    const draft = parseExact(Draft, json(await postDraft(app, {})), 'the draft');
    const refused = await request(app, `/api/drafts/${draft.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}`, origin: OTHER_SITE } });
    expect(refused.status).toBe(403);
    const after = await request(app, `/api/drafts/${draft.id}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(parseExact(Draft, json(after), 'the draft after').status).toBe(draft.status);
  });

  test('a form posted from another site (a forged sign-in) is refused with a page saying why', async () => {
    const answer = await request(app, '/login', {
      method: 'POST',
      headers: { origin: OTHER_SITE, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'hc-editor', password: 'correct horse battery staple' }).toString(),
    });
    expect(answer.status).toBe(403);
    expect(answer.headers['set-cookie']).toBeUndefined();
    const page = answer.body.toString('utf8');
    expect(page).toContain('<h1>Not allowed</h1>');
    expect(page).toContain(`<p>Writes are accepted only from this site&#39;s own pages (${app.baseUrl}); this request came from ${OTHER_SITE}.</p>`);
  });

  test('a write from this site (its own Origin) or from a program (no Origin) goes through', async () => {
    const drafts = async () =>
      parseExact(DraftList, json(await request(app, '/api/drafts', { headers: { authorization: `Bearer ${TOKEN}` } })), 'drafts').items.length;
    const before = await drafts();
    const own = await postDraft(app, { origin: app.baseUrl });
    const program = await postDraft(app, {});
    expect([own.status, program.status]).toEqual([201, 201]);
    expect(own.headers.ratelimit).toBeDefined();
    expect(await drafts()).toBe(before + 2);
  });

  test('behind a proxy TRUST_PROXY believes, the site is the address the proxy was asked for', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'kb.example.org' };
    expect((await postDraft(proxied, { ...forwarded, origin: 'https://kb.example.org' })).status).toBe(201);
    expect((await postDraft(proxied, { ...forwarded, origin: 'http://kb.example.org' })).status).toBe(403);
    // Without TRUST_PROXY the same headers are not believed: the site is the address the app was reached at.
    expect((await postDraft(app, { ...forwarded, origin: 'https://kb.example.org' })).status).toBe(403);
  });
});

describe('caching', () => {
  test.each(['/api/events?actor=belarus', '/api/openapi.json', '/timeline', '/actors/john-coale'])(
    '%s: no-cache with an ETag, then 304 while it is unchanged',
    async (path) => {
      const first = await request(app, path);
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('no-cache');
      const etag = first.headers.etag;
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await request(app, path, { headers: { 'if-none-match': etag as string } });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      const stale = await request(app, path, { headers: { 'if-none-match': 'W/"something-else"' } });
      expect(stale.status).toBe(200);
    },
  );

  test('anything asked with a session or a token is private, no-store: pages with a CSRF token, API answers', async () => {
    const session = await signIn(app, 'hc-editor');
    const page = await request(app, '/timeline', { headers: { cookie: session.cookie } });
    expect(page.body.toString('utf8')).toContain('name="csrf-token"');
    expect(page.headers['cache-control']).toBe('private, no-store');
    for (const path of ['/api/events', '/api/drafts']) {
      const withToken = await request(app, path, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect({ path, status: withToken.status, cache: withToken.headers['cache-control'] }).toEqual({ path, status: 200, cache: 'private, no-store' });
    }
  });

  test('writes and errors are never stored', async () => {
    const write = await request(app, '/api/drafts', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: newArticle(),
    });
    expect(write.status).toBe(201);
    expect(write.headers['cache-control']).toBe('private, no-store');
    for (const path of ['/api/events?limit=0', '/api/events/no-such-event', '/no-such-page', '/vendor/moment/no-such.js']) {
      const answer = await request(app, path);
      expect({ path, status: answer.status >= 400, cache: answer.headers['cache-control'] }).toEqual({ path, status: true, cache: 'no-store' });
    }
  });

  test('a bundle, named by its hash, is kept for a year; pages name the hashed file, never the whole d3', async () => {
    const graph = bundle('graph');
    expect(graph).toMatch(/^\/js\/graph-[A-Z0-9]{8}\.js$/);
    const answer = await request(app, graph);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(app, `${graph}.map`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const html = (await request(app, '/graph')).body.toString('utf8');
    expect(html).toContain(`<script src="${graph}" defer></script>`);
    expect(html).not.toContain('d3');
    expect((await request(app, '/js/graph.js')).status).toBe(404);
    expect((await request(app, '/vendor/d3/d3.min.js')).status).toBe(404);
  });

  test.each(['/css/app.css', '/img/mark.svg', '/vendor/vis-data/vis-data.min.js', '/js/meta.json'])(
    '%s, named without a hash, is kept ten minutes, then revalidated by its ETag',
    async (path) => {
      const answer = await request(app, path);
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('public, max-age=600');
      const again = await request(app, path, { headers: { 'if-none-match': answer.headers.etag as string } });
      expect(again.status).toBe(304);
    },
  );
});

/** The policy as a map of directive → sources. */
function policy(header: string | string[] | undefined): Map<string, string[]> {
  const directives = String(header ?? '')
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0]);
  return new Map(directives.map(([name, ...sources]) => [name as string, sources]));
}

describe('HTTPS-only headers only over HTTPS', () => {
  test.each<[string, () => RunningApp, Record<string, string>, boolean]>([
    ['plain HTTP', () => app, {}, false],
    ['plain HTTP claiming https without TRUST_PROXY', () => app, { 'x-forwarded-proto': 'https' }, false],
    ['plain HTTP to an app with TRUST_PROXY', () => proxied, {}, false],
    ['a believed proxy that says https', () => proxied, { 'x-forwarded-proto': 'https' }, true],
  ])('%s', async (_what, target, headers, https) => {
    for (const path of ['/timeline', '/api/events']) {
      const answer = await request(target(), path, { headers });
      const csp = policy(answer.headers['content-security-policy']);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect({ path, upgrade: csp.has('upgrade-insecure-requests') }).toEqual({ path, upgrade: https });
      if (https) expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      else expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
  });

  test('Cross-Origin-Opener-Policy only where browsers honour it: over HTTPS or to loopback, not to a LAN name over HTTP', async () => {
    const coop = async (target: RunningApp, headers: Record<string, string>) =>
      (await request(target, '/timeline', { headers })).headers['cross-origin-opener-policy'];
    expect(await coop(app, {})).toBe('same-origin');
    expect(await coop(app, { host: 'localhost' })).toBe('same-origin');
    expect(await coop(app, { host: 'kb.lan:3000' })).toBeUndefined();
    expect(await coop(app, { host: '192.168.1.20:3000' })).toBeUndefined();
    expect(await coop(proxied, { host: 'kb.lan', 'x-forwarded-proto': 'https' })).toBe('same-origin');
  });

  test('the session cookie is Secure behind a believed proxy that says https, not over plain HTTP', async () => {
    const login = (target: RunningApp, headers: Record<string, string>) =>
      request(target, '/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ name: 'hc-editor', password: 'correct horse battery staple' }).toString(),
      });
    const secure = await login(proxied, { 'x-forwarded-proto': 'https' });
    const plain = await login(app, { 'x-forwarded-proto': 'https' });
    expect([secure.status, plain.status]).toEqual([303, 303]);
    expect(String(secure.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
  });
});
