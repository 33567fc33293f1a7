import type { Browser } from 'playwright-core';
import { getOk, OpenApiDocument, type RunningApp } from '../helpers/test-app';
import { openPage, screenshot, useSeededBrowser, useWatchedPage, visit, type WatchedPage } from './support';

/**
 * /api/docs in Chromium: Swagger UI, served by the app, draws every operation of the document under the site's
 * Content-Security-Policy, without a violation, a console error or a request elsewhere (the watched page fails
 * the test on any), and "Try it out" answers from the seed.
 */

let app: RunningApp;
let browser: Browser;
let watched: WatchedPage;

useSeededBrowser((suite) => ({ app, browser } = suite));
useWatchedPage(
  () => openPage(browser, app.baseUrl),
  (page) => (watched = page),
);

interface CspWindow {
  __cspViolations: string[];
}

/** Every CSP violation the page meets, kept where the test can read it (Chromium also logs them as console errors). */
async function recordViolations(): Promise<() => Promise<string[]>> {
  await watched.page.addInitScript(() => {
    const window = globalThis as unknown as CspWindow & {
      addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
    };
    window.__cspViolations = [];
    window.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => watched.page.evaluate(() => (globalThis as unknown as CspWindow).__cspViolations);
}

/** Swagger UI's element id of an operation: `operations-<tag>-<operationId>`. */
async function documentedOperations(): Promise<string[]> {
  const document = await getOk(app, '/api/openapi.json', OpenApiDocument);
  return Object.values(document.paths)
    .flatMap((methods) => Object.values(methods))
    .map((operation) => `operations-${operation!.tags[0]}-${operation!.operationId}`);
}

/** How many features (tags) the document groups its operations in. */
async function tagCount(): Promise<number> {
  const document = await getOk(app, '/api/openapi.json', OpenApiDocument);
  return new Set(Object.values(document.paths).flatMap((methods) => Object.values(methods).map((operation) => operation!.tags[0]))).size;
}

test('every operation of the document is drawn, with no CSP violation', async () => {
  const violations = await recordViolations();
  const expected = await documentedOperations();
  expect(await visit(watched, app.baseUrl, '/api/docs')).toBe(200);
  await watched.page.waitForSelector('.swagger-ui .opblock');
  // The list is short enough (under 150 tags and operations) for Swagger UI to draw it whole, not virtualised.
  const drawn = await watched.page.locator('.swagger-ui .opblock').evaluateAll((blocks) => blocks.map((block) => block.id));
  expect([...drawn].sort()).toEqual([...expected].sort());
  expect(await watched.page.locator('.swagger-ui .opblock-tag').count()).toBe(await tagCount());
  expect(await violations()).toEqual([]);
  await screenshot(watched.page, 'api-docs');
});

test("the header's API link leads to the documentation, and Try it out answers an example from the seed", async () => {
  const violations = await recordViolations();
  const { page } = watched;
  await visit(watched, app.baseUrl, '/');
  await page.locator('.site-nav a', { hasText: /^API$/ }).click();
  await page.waitForURL(`${app.baseUrl}/api/docs`);
  expect(await page.locator('.site-nav a[aria-current="page"]').innerText()).toBe('API');
  const operation = page.locator('#operations-events-getEvent');
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();
  expect(await operation.locator('input[placeholder="id"]').inputValue()).toBe('pardon-123-prisoners-2025-12');
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor();
  expect((await status.innerText()).trim()).toBe('200');
  expect(await operation.locator('.live-responses-table tbody .response-col_description').first().innerText()).toContain('Lukashenko pardons 123 prisoners');
  expect(await violations()).toEqual([]);
});

test('/docs and /api lead a browser to the documentation', async () => {
  for (const path of ['/docs', '/api']) {
    expect(await visit(watched, app.baseUrl, path)).toBe(200);
    expect(watched.page.url()).toBe(`${app.baseUrl}/api/docs`);
  }
});
