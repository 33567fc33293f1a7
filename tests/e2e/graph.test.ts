import type { Browser } from 'playwright-core';
import type { RunningApp } from '../helpers/test-app';
import { openPage, PHONE, screenshot, useSeededBrowser, useWatchedPage, visit, type WatchedPage } from './support';

/** What the page's own script sees, as far as these tests look (the project's types leave out the DOM). */
interface PageGlobals {
  document: { querySelectorAll(selectors: string): { length: number } };
}

/** The actor graph in Chromium over the seed. */
let app: RunningApp;
let browser: Browser;
let watched: WatchedPage;

useSeededBrowser((suite) => ({ app, browser } = suite));

useWatchedPage(
  () => openPage(browser, app.baseUrl),
  (page) => (watched = page),
);

const nodeIds = async () => {
  await watched.page.waitForSelector('.graph svg .node');
  return (await watched.page.locator('.graph svg .node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')))).sort();
};

test('the graph draws a node per actor, coloured by kind, and edges for shared events and affiliations', async () => {
  await visit(watched, app.baseUrl, '/graph');
  expect(await nodeIds()).toHaveLength(14);
  await expect(watched.page.locator('.node[data-id="john-coale"]').getAttribute('class')).resolves.toContain('kind-person');
  await expect(watched.page.locator('.node[data-id="belarus"]').getAttribute('class')).resolves.toContain('kind-state');
  const coaleUs = watched.page.locator('.link--event[data-source="john-coale"][data-target="united-states"]');
  await expect(coaleUs.locator('title').textContent()).resolves.toContain('2 × Talks and visits');
  expect(await watched.page.locator('.link--affiliation').count()).toBe(11);
  const legend = await watched.page.locator('.legend--kinds').innerText();
  expect(legend).toContain('Person');
  expect(legend).toContain('Commodity');
  await screenshot(watched.page, 'graph-seed-1280');
});

test('hovering a node highlights its neighbours and dims the rest', async () => {
  await visit(watched, app.baseUrl, '/graph');
  await nodeIds();
  await watched.page.locator('.node[data-id="viasna"] circle').hover();
  const near = await watched.page.locator('.node.is-near').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
  expect(near.sort()).toEqual(['ales-bialiatski', 'belarus', 'viasna']);
  await expect(watched.page.locator('.graph').getAttribute('class')).resolves.toContain('is-highlighting');
  await screenshot(watched.page, 'graph-hover-1280');
});

test('filters by event type and date range change the graph, and the address keeps them', async () => {
  await visit(watched, app.baseUrl, '/graph');
  await nodeIds();
  await watched.page.selectOption('#g-type', 'pardon');
  await watched.page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelectorAll('.graph svg .node').length === 2);
  expect(await nodeIds()).toEqual(['alexander-lukashenko', 'belarusian-political-prisoners']);
  expect(watched.page.url()).toContain('type=pardon');
  await watched.page.selectOption('#g-type', '');
  await watched.page.fill('#g-from', '2019-01-01');
  await watched.page.fill('#g-to', '2023-12-31');
  await watched.page.dispatchEvent('#g-to', 'change');
  await watched.page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelectorAll('.graph svg .node').length === 4);
  expect(await nodeIds()).toEqual(['alexander-lukashenko', 'belarus', 'russia', 'ukraine']);
  expect(watched.page.url()).toMatch(/from=2019-01-01.*to=2023-12-31/);
});

test("?actor= centres on that actor's neighbourhood; clicking a node opens the actor's page", async () => {
  await visit(watched, app.baseUrl, '/graph?actor=john-coale');
  const ids = await nodeIds();
  expect(ids).toContain('john-coale');
  expect(ids).toContain('donald-trump');
  await expect(watched.page.locator('.node--center').getAttribute('data-id')).resolves.toBe('john-coale');
  await expect(watched.page.locator('h1').textContent()).resolves.toBe('Graph around John Coale');
  await screenshot(watched.page, 'graph-coale-1280');
  await watched.page.locator('.node[data-id="donald-trump"] circle').click();
  await watched.page.waitForURL(/\/actors\/donald-trump$/);
  await expect(watched.page.locator('h1').textContent()).resolves.toBe('Donald Trump');
});

test('nodes are links a keyboard can reach and open', async () => {
  await visit(watched, app.baseUrl, '/graph?actor=viasna');
  await nodeIds();
  await watched.page.locator('.node[data-id="viasna"]').focus();
  await expect(watched.page.locator('.graph').getAttribute('class')).resolves.toContain('is-highlighting');
  await watched.page.keyboard.press('Enter');
  await watched.page.waitForURL(/\/actors\/viasna$/);
});

test('at phone width the graph fits the screen', async () => {
  await watched.close();
  watched = await openPage(browser, app.baseUrl, { viewport: PHONE });
  await visit(watched, app.baseUrl, '/graph');
  expect(await nodeIds()).toHaveLength(14);
  const box = await watched.page.locator('.graph svg').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  await screenshot(watched.page, 'graph-390');
});
