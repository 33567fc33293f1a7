import type { Browser } from 'playwright-core';
import type { RunningApp } from '../helpers/test-app';
import { DESKTOP, openPage, PHONE, screenshot, sidewaysOverflow, useSeededBrowser, visit } from './support';

/** What the page's own script sees, as far as these tests look (the project's types leave out the DOM). */
interface PageGlobals {
  document: { activeElement: { textContent: string | null; getAttribute(name: string): string | null } | null };
}

/** Every page over the seed, in headless Chromium: its content, its title, no script error, no other host, no sideways scroll. */
let app: RunningApp;
let browser: Browser;

useSeededBrowser((suite) => ({ app, browser } = suite));

const PAGES: Array<{ name: string; path: string; title: RegExp; ready?: string }> = [
  { name: 'home', path: '/', title: /^What the knowledge base holds · Diplomatic events$/ },
  { name: 'timeline', path: '/timeline', title: /^Timeline · /, ready: '.vis-item' },
  { name: 'event-pardon', path: '/events/pardon-123-prisoners-2025-12', title: /^Lukashenko pardons 123 prisoners · / },
  { name: 'actors', path: '/actors', title: /^Actors · / },
  { name: 'actor-coale', path: '/actors/john-coale', title: /^John Coale · /, ready: '.vis-item' },
  { name: 'graph', path: '/graph', title: /^Graph of actors · /, ready: '.graph svg .node' },
  { name: 'articles', path: '/articles', title: /^Articles · / },
  { name: 'article', path: '/articles/minsk-talks-us-belarus-thaw', title: /^High-Level Talks in Minsk Signal Thaw in US-Belarus Relations · / },
  { name: 'search', path: '/search?q=potash', title: /^Search: potash · / },
  { name: 'not-found', path: '/events/no-such-event', title: /^Not found · / },
];

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('every page at %s width', (_label, viewport) => {
  test.each(PAGES)('$name renders with a sensible title, no script error, no other host, no sideways scroll', async ({ name, path, title, ready }) => {
    const watched = await openPage(browser, app.baseUrl, { viewport });
    try {
      await visit(watched, app.baseUrl, path);
      if (ready) await watched.page.waitForSelector(ready);
      expect(await watched.page.title()).toMatch(title);
      expect(await sidewaysOverflow(watched.page)).toBe(0);
      await screenshot(watched.page, `${name}-${viewport.width}`);
      // A 404 page is itself a failed load in the browser's console; nothing else may fail.
      const expected = name === 'not-found' ? (p: string) => !p.includes('status of 404') : () => true;
      expect(watched.problems.filter(expected)).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

test('the home page says what the knowledge base holds, the latest events and the date span, with search and links', async () => {
  const { page, problems, close } = await openPage(browser, app.baseUrl);
  await visit({ page, problems, close, context: page.context() }, app.baseUrl, '/');
  const stat = (name: string) => page.locator(`[data-stat="${name}"]`).textContent();
  expect([await stat('events'), await stat('actors'), await stat('articles'), await stat('reactions')]).toEqual(['13', '14', '1', '5']);
  await expect(page.locator('.span-note').textContent()).resolves.toContain('from 2020 to December 2025');
  const latest = await page.locator('section[aria-labelledby="latest"] .event-row__title').allTextContents();
  expect(latest).toContain('Lukashenko pardons 123 prisoners');
  expect(await page.locator('main a[href="/timeline"]').count()).toBeGreaterThan(0);
  expect(await page.locator('main a[href="/graph"]').count()).toBeGreaterThan(0);
  await page.fill('#hero-q', 'Coale');
  await page.press('#hero-q', 'Enter');
  await page.waitForURL(/\/search\?q=Coale/);
  expect(await page.locator('.actor-card__name').allTextContents()).toContain('John Coale');
  expect(problems).toEqual([]);
  await close();
});

test("the pardon's page: who did what to whom, 123 prisoners, the quote in its paragraph linked to the article, linked events", async () => {
  const watched = await openPage(browser, app.baseUrl);
  const { page } = watched;
  await visit(watched, app.baseUrl, '/events/pardon-123-prisoners-2025-12');
  await expect(page.locator('h1').textContent()).resolves.toBe('Lukashenko pardons 123 prisoners');
  await expect(page.locator('.event-when').textContent()).resolves.toContain('12–13 December 2025');
  await expect(page.locator('.figure__number').textContent()).resolves.toBe('123 prisoners');
  const who = page.locator('.wdw__row .wdw__side').first();
  await expect(who.locator('a').getAttribute('href')).resolves.toBe('/actors/alexander-lukashenko');
  await expect(page.locator('.wdw__row .wdw__side').nth(1).textContent()).resolves.toContain('Belarusian political prisoners');
  const firstQuote = page.locator('.quote-context').first();
  await expect(firstQuote.locator('mark').textContent()).resolves.toContain('President Lukashenko announced the pardon of 123 individuals');
  // The quote stands in its paragraph: the sentence before it is shown too.
  await expect(firstQuote.locator('blockquote').textContent()).resolves.toContain('During the productive two-day talks');
  const linked = await page.locator('.linked-events li').allTextContents();
  expect(linked.some((text) => text.includes('Given in return for') && text.includes('United States lifts sanctions on Belarusian potash'))).toBe(true);
  expect(linked.some((text) => text.includes('Part of') && text.includes('Lukashenko hosts US Special Envoy John Coale'))).toBe(true);
  await firstQuote.locator('figcaption a').click();
  await page.waitForURL(/\/articles\/minsk-talks-us-belarus-thaw#q-\d+$/);
  const target = page.locator('mark.fact:target');
  await expect(target.textContent()).resolves.toContain('President Lukashenko announced the pardon of 123 individuals');
  expect(watched.problems).toEqual([]);
  await watched.close();
});

test('the actors page searches by alias and filters by kind', async () => {
  const watched = await openPage(browser, app.baseUrl);
  const { page } = watched;
  await visit(watched, app.baseUrl, '/actors');
  expect(await page.locator('.actor-card').count()).toBe(14);
  await page.locator('nav.chips a', { hasText: 'State' }).click();
  await page.waitForURL(/kind=state/);
  expect((await page.locator('.actor-card__name').allTextContents()).sort()).toEqual(['Belarus', 'Russia', 'Ukraine', 'United States']);
  await page.fill('#actors-q', 'Washington');
  await page.selectOption('#actors-kind', '');
  await page.click('form.filters button[type="submit"]');
  await page.waitForURL(/q=Washington/);
  expect(await page.locator('.actor-card__name').allTextContents()).toEqual(['United States']);
  await visit(watched, app.baseUrl, '/actors?q=nobody-by-this-name');
  await expect(page.locator('.empty-state').textContent()).resolves.toContain('No actor matches');
  expect(watched.problems).toEqual([]);
  await watched.close();
});

test("Coale's page: description, roles over time, a small timeline of his events, his closest relationships", async () => {
  const watched = await openPage(browser, app.baseUrl);
  const { page } = watched;
  await visit(watched, app.baseUrl, '/actors/john-coale');
  await expect(page.locator('.actor-head .lede').textContent()).resolves.toContain('US Special Envoy for Belarus');
  const roles = await page.locator('.role-list li').allInnerTexts();
  const flat = roles.map((text) => text.replace(/\s+/g, ' ').trim());
  expect(flat[0]).toMatch(/^FORMERLY Personal lawyer to Donald Trump/i);
  expect(flat).toContainEqual(expect.stringMatching(/CURRENT US Deputy Special Envoy to Ukraine/i));
  expect(flat).toContainEqual(expect.stringMatching(/SINCE 9 NOVEMBER 2025 US Special Envoy for Belarus/i));
  await page.waitForSelector('.timeline--compact .vis-item');
  expect(await page.locator('.timeline--compact .vis-item .item-title').count()).toBe(7);
  const partners = await page.locator('.relationship-list .actor-chip').allTextContents();
  expect(partners[0]).toBe('United States');
  expect(partners).toContain('Belarus');
  expect(await page.locator('.event-list--detailed .event-row').count()).toBe(7);
  expect(watched.problems).toEqual([]);
  await watched.close();
});

test('the article highlights every sentence that backs a fact, links each to its events, and shows five reactions with a stance summary', async () => {
  const watched = await openPage(browser, app.baseUrl);
  const { page } = watched;
  await visit(watched, app.baseUrl, '/articles/minsk-talks-us-belarus-thaw');
  const marks = await page.locator('.article-text mark.fact').allTextContents();
  expect(marks).toContainEqual(expect.stringContaining('President Lukashenko announced the pardon of 123 individuals'));
  expect(marks).toContainEqual(expect.stringContaining('approximately 1,200 political prisoners remain incarcerated'));
  const linkedEvents = new Set(
    (await page.locator('.article-text .fact-links a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).filter(Boolean),
  );
  expect(linkedEvents.size).toBe(13);
  // A sentence that backs no fact stays plain.
  const plain = page.locator('.article-text p', { hasText: 'These latest talks follow a period' });
  await expect(plain.locator('mark', { hasText: 'These latest talks' }).count()).resolves.toBe(0);
  expect(await page.locator('.reactions .reaction').count()).toBe(5);
  const summary = (await page.locator('.stance-summary .legend').innerText()).replace(/\s+/g, ' ');
  expect(summary).toContain('Supportive: 2');
  expect(summary).toContain('Critical: 1');
  expect(summary).toContain('Mixed: 2');
  expect(watched.problems).toEqual([]);
  await watched.close();
});

test('an unknown page, event, actor or article answers 404 with words, not a stack trace', async () => {
  const watched = await openPage(browser, app.baseUrl);
  for (const path of ['/events/no-such-event', '/actors/no-such-actor', '/articles/no-such-article', '/no/such/page', '/events/NOT%20A%20SLUG']) {
    expect(await visit(watched, app.baseUrl, path)).toBe(404);
    const text = await watched.page.locator('main').innerText();
    expect(text).toContain('There is nothing at this address');
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  }
  expect(watched.problems.filter((p) => !p.includes('404'))).toEqual([]);
  await watched.close();
});

test('the main navigation and its controls can be used from the keyboard', async () => {
  const watched = await openPage(browser, app.baseUrl);
  const { page } = watched;
  await visit(watched, app.baseUrl, '/');
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent)).resolves.toBe('Skip to content');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.getAttribute('href'))).resolves.toBe('/timeline');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/timeline/);
  expect(watched.problems).toEqual([]);
  await watched.close();
});
