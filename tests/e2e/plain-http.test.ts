import type { Browser, Response } from 'playwright-core';
import type { Db } from '../../src/db/query';
import { readBundles } from '../../src/pages/bundles';
import { addUsers, PASSWORD } from '../helpers/review';
import { startTestApp, type RunningApp } from '../helpers/test-app';
import { openTestDb, resetToSeed } from '../helpers/test-db';
import { ensureClientBuilt, launchBrowser, openPage, visit, type WatchedPage } from './support';

/**
 * The pages over plain HTTP on an address other than localhost, as on a LAN: the app bound to 127.0.0.2 with
 * HOST, reached by that address and by a name (kb.test, resolved to 127.0.0.2 by Chromium itself), which
 * Chromium treats like any host on a network: not a secure context. Every asset must load over plain HTTP from
 * the app, with no console error and no Content-Security-Policy violation, and a form must post.
 */

const HOST = '127.0.0.2';
const NAME = 'kb.test';

let db: Db;
let app: RunningApp;
let browser: Browser;
let port: string;

beforeAll(async () => {
  ensureClientBuilt();
  db = openTestDb();
  await resetToSeed(db);
  await addUsers(db, [{ name: 'lan-editor', role: 'editor' }]);
  app = await startTestApp(db, { HOST });
  port = new URL(app.baseUrl).port;
  browser = await launchBrowser([`--host-resolver-rules=MAP ${NAME} ${HOST}`]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await resetToSeed(db);
  await db.driver.close();
});

/** CSP violations as the page's document reports them (they are also console errors; this names the directive). */
const REPORT_VIOLATIONS = `
  globalThis.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => globalThis.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

interface Visit {
  watched: WatchedPage;
  responses: Response[];
  failed: string[];
  violations: string[];
}

/** Opens `pathname` at `base` in a fresh watched page, recording every answer, every failed request and every CSP violation. */
async function open(base: string, pathname: string): Promise<Visit> {
  const watched = await openPage(browser, base);
  await watched.context.addInitScript({ content: REPORT_VIOLATIONS });
  const responses: Response[] = [];
  const failed: string[] = [];
  watched.page.on('response', (response) => responses.push(response));
  watched.page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // The timeline cancels the fetch of a window it has moved past: aborted on purpose, not refused.
    if (error !== 'net::ERR_ABORTED') failed.push(`${request.url()}: ${error}`);
  });
  expect(await visit(watched, base, pathname)).toBe(200);
  const violations = await watched.page.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations);
  return { watched, responses, failed, violations };
}

/** Everything a page asked for came from the app over plain HTTP and loaded; nothing went wrong on the way. */
function expectAllLoaded(seen: Visit, base: string): string[] {
  const urls = seen.responses.map((response) => response.url()).filter((url) => !url.startsWith('data:'));
  expect(urls.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
  expect(seen.responses.filter((response) => response.status() >= 400).map((r) => `${r.status()} ${r.url()}`)).toEqual([]);
  expect(seen.failed).toEqual([]);
  expect(seen.violations).toEqual([]);
  expect(seen.watched.problems).toEqual([]);
  return urls.map((url) => new URL(url).pathname);
}

describe.each([HOST, NAME])('over plain HTTP at %s', (host) => {
  const base = () => `http://${host}:${port}`;

  test('the timeline loads every script, style and API answer, and draws its events', async () => {
    const seen = await open(base(), '/timeline');
    try {
      await seen.watched.page.waitForSelector('.vis-item .item-title');
      const paths = expectAllLoaded(seen, base());
      expect(paths).toEqual(
        expect.arrayContaining([readBundles().address('/js/timeline.js'), '/vendor/vis-timeline/js/vis-timeline-graph2d.min.js', '/css/app.css']),
      );
      expect(paths.some((path) => path.startsWith('/api/timeline'))).toBe(true);
      expect(await seen.watched.page.locator('.vis-item').count()).toBeGreaterThan(0);
    } finally {
      await seen.watched.close();
    }
  });

  test('the graph loads its one bundle (d3 inside it) and draws every actor', async () => {
    const seen = await open(base(), '/graph');
    try {
      await seen.watched.page.waitForSelector('.graph svg .node');
      const paths = expectAllLoaded(seen, base());
      expect(paths).toContain(readBundles().address('/js/graph.js'));
      expect(paths.filter((path) => path.endsWith('.js'))).toEqual([readBundles().address('/js/graph.js')]);
      expect(await seen.watched.page.locator('.graph svg .node').count()).toBe(14);
    } finally {
      await seen.watched.close();
    }
  });

  test("an editor signs in with the form: its post carries the page's own origin and is accepted", async () => {
    const seen = await open(base(), '/login?next=/review');
    try {
      const page = seen.watched.page;
      await page.fill('#login-name', 'lan-editor');
      await page.fill('#login-password', PASSWORD);
      const [post] = await Promise.all([
        page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/login')),
        page.waitForURL(/\/review$/),
        page.click('form[action="/login"] button[type="submit"]'),
      ]);
      expect(await post.headerValue('origin')).toBe(base());
      expect(await page.locator('form.sign-out').count()).toBe(1);
      expectAllLoaded(seen, base());
    } finally {
      await seen.watched.close();
    }
  });
});
