import { openDb } from '../../src/db/context';
import type { Db } from '../../src/db/query';
import { readBundles } from '../../src/pages/bundles';
import { ensureClientBuilt } from '../e2e/support';
import { startTestApp, type RunningApp } from '../helpers/test-app';
import { openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * Helmet's headers with a strict Content-Security-Policy on every kind of answer (pages, API, files,
 * errors, a down database), and pages that need nothing the policy forbids: no inline script, no inline
 * event handler, no inline style, nothing from another host. These apps are reached over plain HTTP, so
 * neither HSTS nor upgrade-insecure-requests (both over HTTPS: tests/integration/http-conventions.test.ts).
 */

let db: Db;
let app: RunningApp;
let downDb: Db;
let downApp: RunningApp;

beforeAll(async () => {
  ensureClientBuilt(); // public/js is built, not committed
  db = openTestDb();
  await resetToSeed(db);
  app = await startTestApp(db);
  downDb = openDb({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'unused' }, { DB_TIMEOUT_S: 1 });
  downApp = await startTestApp(downDb);
});

afterAll(async () => {
  await app.close();
  await downApp.close();
  await db.driver.close();
  await downDb.driver.close();
});

const PAGES = [
  '/',
  '/timeline',
  '/timeline?from=2025-09-01&to=2025-12-31&group=actor',
  '/events/pardon-123-prisoners-2025-12',
  '/actors',
  '/actors/john-coale',
  '/graph',
  '/graph?actor=belarus',
  '/articles',
  '/articles/minsk-talks-us-belarus-thaw',
  '/search?q=minsk',
];

/** The policy as a map of directive → sources. */
function policy(header: string | null): Map<string, string[]> {
  const directives = (header ?? '')
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0]);
  return new Map(directives.map(([name, ...sources]) => [name as string, sources]));
}

/** `apiRead`: an answer of the read API, which pages of other origins may load (Cross-Origin-Resource-Policy). */
function expectStrictHeaders(headers: Headers, what: string, apiRead = false): void {
  const csp = policy(headers.get('content-security-policy'));
  expect({ what, 'default-src': csp.get('default-src') }).toEqual({ what, 'default-src': ["'self'"] });
  expect({ what, 'script-src': csp.get('script-src') }).toEqual({ what, 'script-src': ["'self'"] });
  expect({ what, 'style-src': csp.get('style-src') }).toEqual({ what, 'style-src': ["'self'"] });
  expect(csp.get('script-src-attr')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
  const all = [...csp.values()].flat();
  expect(all).not.toContain("'unsafe-inline'");
  expect(all).not.toContain("'unsafe-eval'");
  expect(all.filter((source) => /^(https?:|\*|\/\/)/.test(source) && source !== 'https:')).toEqual([]);
  expect(csp.has('upgrade-insecure-requests')).toBe(false);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(headers.get('referrer-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect({ what, corp: headers.get('cross-origin-resource-policy') }).toEqual({ what, corp: apiRead ? 'cross-origin' : 'same-origin' });
  expect(headers.get('strict-transport-security')).toBeNull();
  expect(headers.get('x-powered-by')).toBeNull();
}

describe('security headers', () => {
  test.each<[string, number, string]>([
    ...PAGES.map((path): [string, number, string] => [path, 200, 'text/html']),
    ['/api/events', 200, 'application/json'],
    ['/api/openapi.json', 200, 'application/json'],
    ['/api/export?format=csv', 200, 'text/csv'],
    ['/css/app.css', 200, 'text/css'],
    ['/js/timeline.js', 200, 'javascript'],
    ['/vendor/vis-data/vis-data.min.js', 200, 'javascript'],
    ['/no-such-page', 404, 'text/html'],
    ['/api/no-such-route', 404, 'application/json'],
    ['/timeline?from=not-a-date', 400, 'text/html'],
    ['/api/events?limit=0', 400, 'application/json'],
  ])('%s (%s) carries them', async (path, status, type) => {
    const accept = type === 'text/html' ? 'text/html' : '*/*';
    // A bundle's file is named by its hash in this build.
    const response = await fetch(app.baseUrl + readBundles().address(path), { headers: { accept } });
    await response.arrayBuffer();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
    expectStrictHeaders(response.headers, path, path.startsWith('/api/'));
  });

  test.each(['/api/events', '/timeline'])('%s with the database down (503) carries them', async (path) => {
    const response = await fetch(downApp.baseUrl + path, { headers: { accept: path.startsWith('/api') ? 'application/json' : 'text/html' } });
    await response.arrayBuffer();
    expect(response.status).toBe(503);
    expectStrictHeaders(response.headers, path, path.startsWith('/api/'));
  });
});

/** Every start tag of a page with its attributes (text content is escaped, so `<` only starts a tag). */
function tags(html: string): Array<{ name: string; attrs: string; raw: string }> {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g)].map((m) => ({ name: (m[1] as string).toLowerCase(), attrs: m[2] ?? '', raw: m[0] }));
}

describe('pages need nothing the policy forbids', () => {
  test.each([...PAGES, '/no-such-page'])('%s: no inline script, handler or style; scripts and styles from the app', async (path) => {
    const html = await (await fetch(app.baseUrl + path, { headers: { accept: 'text/html' } })).text();
    const all = tags(html);
    expect(all.length).toBeGreaterThan(20);
    const scripts = all.filter((t) => t.name === 'script');
    for (const script of scripts) expect(script.attrs).toMatch(/\ssrc="\/[^/]/);
    // a script element with a src may not also carry code
    expect(html).not.toMatch(/<script[^>]*>[^<\s]+<\/script>/);
    expect(all.filter((t) => t.name === 'style').map((t) => t.raw)).toEqual([]);
    expect(all.filter((t) => /\son[a-z]+\s*=/i.test(t.attrs)).map((t) => t.raw)).toEqual([]);
    expect(all.filter((t) => /\sstyle\s*=/i.test(t.attrs)).map((t) => t.raw)).toEqual([]);
    expect(all.filter((t) => /\s(href|src|action)\s*=\s*"\s*javascript:/i.test(t.attrs)).map((t) => t.raw)).toEqual([]);
    const stylesheets = all.filter((t) => t.name === 'link' && /rel="stylesheet"/.test(t.attrs));
    for (const sheet of stylesheets) expect(sheet.attrs).toMatch(/\shref="\/[^/]/);
  });
});
