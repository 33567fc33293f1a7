import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/query';
import { loadFacts } from '../helpers/browse-fixtures';
import type { RunningApp } from '../helpers/test-app';
import { openPage, PHONE, screenshot, sidewaysOverflow, useSeededBrowser, useWatchedPage, visit, type WatchedPage } from './support';

/** What the page's own script sees, as far as these tests look (the project's types leave out the DOM). */
interface PageGlobals {
  document: { querySelectorAll(selectors: string): { length: number } };
  location: { search: string };
}

/** The sanctions page in Chromium over the seed: the potash and Belavia measures of the United States on Belarus. */
let db: Db;
let app: RunningApp;
let browser: Browser;

useSeededBrowser((suite) => ({ db, app, browser } = suite));

let watched: WatchedPage;
useWatchedPage(
  () => openPage(browser, app.baseUrl, { viewport: { width: 1280, height: 800 } }),
  (page) => (watched = page),
);

const POTASH = 'united-states|belarus|belarusian-potash|1';
const BELAVIA = 'united-states|belarus|belavia|1';

/** The measures drawn on the chart, once drawn. */
async function drawnMeasures(): Promise<string[]> {
  await watched.page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelectorAll('.vis-item .item-title[data-measure]').length > 0);
  const ids = await watched.page.locator('.vis-item .item-title[data-measure]').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-measure')));
  return [...new Set(ids as string[])].sort();
}

/** The measures listed as in force, once the list says the day asked for. */
async function listedFor(dayWords: string): Promise<string[]> {
  await watched.page.locator('[data-in-force-day]', { hasText: dayWords }).waitFor();
  await watched.page.waitForFunction(() => !(globalThis as unknown as PageGlobals).document.querySelectorAll('[data-in-force-list][aria-busy]').length);
  return watched.page.locator('[data-in-force-list] [data-measure]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-measure') ?? ''));
}

const bar = (id: string) => watched.page.locator(`.vis-item:has(.item-title[data-measure="${id}"])`);

test('the chart draws both measures with their dates: start unknown, the Belavia end known to the month', async () => {
  expect(await visit(watched, app.baseUrl, '/sanctions?on=2025-10-01')).toBe(200);
  expect(await drawnMeasures()).toEqual([POTASH, BELAVIA].sort());
  await expect(bar(BELAVIA).getAttribute('class')).resolves.toMatch(/measure--start-unknown.*end-month/);
  await expect(bar(POTASH).getAttribute('class')).resolves.toContain('measure--start-unknown');
  await expect(bar(POTASH).getAttribute('class')).resolves.not.toContain('end-month');
  const title = (id: string) => watched.page.locator(`.item-title[data-measure="${id}"]`).getAttribute('title');
  await expect(title(BELAVIA)).resolves.toBe('Belavia · by United States: start unknown – September 2025');
  await expect(title(POTASH)).resolves.toBe('Belarusian potash · by United States: start unknown – 12 December 2025');
  await expect(watched.page.locator('.vis-label a').allTextContents()).resolves.toEqual(['Belarus']);
  expect(await listedFor('1 October 2025')).toEqual([POTASH]);
  await expect(watched.page.locator(`[data-in-force-list] [data-measure="${POTASH}"]`).innerText()).resolves.toContain('start unknown – 12 December 2025');
  await screenshot(watched.page, 'sanctions-1280');
});

test('the date field and the slider change the list of what was in force, and the address keeps the day', async () => {
  await visit(watched, app.baseUrl, '/sanctions?on=2025-10-01');
  await drawnMeasures();
  await watched.page.fill('#s-on', '2025-08-15');
  expect(await listedFor('15 August 2025')).toEqual([POTASH, BELAVIA]);
  await watched.page.waitForFunction(() => (globalThis as unknown as PageGlobals).location.search.includes('on=2025-08-15'));
  // The slider counts days from the chart's first day: find the offset of 1 January 2026.
  const offset = await watched.page.locator('[data-day-range]').evaluate((range, day) => {
    const input = range as unknown as { min: string; max: string };
    const from = (globalThis as unknown as { document: { querySelector(s: string): { dataset: { spanFrom: string } } } }).document.querySelector(
      '[data-sanctions-chart]',
    ).dataset.spanFrom;
    return Math.round((Date.parse(day) - Date.parse(from)) / 86_400_000) + Number(input.min);
  }, '2026-01-01');
  await watched.page.locator('[data-day-range]').fill(String(offset));
  expect(await listedFor('1 January 2026')).toEqual([]);
  await expect(watched.page.locator('[data-in-force-empty]').innerText()).resolves.toContain('Nothing was in force that day');
  await expect(watched.page.inputValue('#s-on')).resolves.toBe('2026-01-01');
  await watched.page.waitForFunction(() => (globalThis as unknown as PageGlobals).location.search.includes('on=2026-01-01'));
});

test('a filter narrows the chart and the list; one that matches nothing says so', async () => {
  await visit(watched, app.baseUrl, '/sanctions?on=2025-08-15');
  await drawnMeasures();
  await watched.page.selectOption('#s-target', 'belavia');
  await watched.page.waitForFunction(() => (globalThis as unknown as PageGlobals).location.search.includes('target=belavia'));
  await watched.page.waitForFunction(
    () => (globalThis as unknown as PageGlobals).document.querySelectorAll('.vis-item .item-title[data-measure]').length === 1,
  );
  expect(await drawnMeasures()).toEqual([BELAVIA]);
  expect(await listedFor('15 August 2025')).toEqual([BELAVIA]);
  await visit(watched, app.baseUrl, '/sanctions?authority=belarus');
  await expect(watched.page.locator('[data-sanctions-empty]').isVisible()).resolves.toBe(true);
  await expect(watched.page.locator('[data-sanctions-empty] h2').innerText()).resolves.toBe('No sanctions measures match these filters');
  await expect(watched.page.locator('.sanctions-block').isHidden()).resolves.toBe(true);
});

test('on a 390-pixel phone: the chart and the list first, the filters folded, nothing wider than the screen', async () => {
  const phone = await openPage(browser, app.baseUrl, { viewport: PHONE });
  try {
    await visit(phone, app.baseUrl, '/sanctions?on=2025-10-01');
    await phone.page.locator('.vis-item .item-title[data-measure]').first().waitFor();
    await expect(phone.page.locator('details[data-controls]').getAttribute('open')).resolves.toBeNull();
    await expect(phone.page.locator('[data-in-force-list] [data-measure]').count()).resolves.toBe(1);
    expect(await sidewaysOverflow(phone.page)).toBe(0);
    const chartTop = await phone.page.locator('[data-sanctions-chart]').boundingBox();
    expect(chartTop && chartTop.y < PHONE.height).toBe(true);
    await screenshot(phone.page, 'sanctions-390');
    expect(phone.problems).toEqual([]);
  } finally {
    await phone.close();
  }
});

test('without JavaScript the page lists what was in force and every measure', async () => {
  const plain = await openPage(browser, app.baseUrl, { javaScriptEnabled: false });
  try {
    await visit(plain, app.baseUrl, '/sanctions?on=2025-08-15');
    const listed = await plain.page.locator('[data-in-force-list] [data-measure]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-measure')));
    expect(listed).toEqual([POTASH, BELAVIA]);
    await expect(plain.page.locator('[data-sanctions-all] li').allInnerTexts()).resolves.toEqual([
      'Belarus: Belarusian potash by United States start unknown – 12 December 2025',
      'Belarus: Belavia by United States start unknown – September 2025',
    ]);
    expect(plain.problems).toEqual([]);
  } finally {
    await plain.close();
  }
});

test('the site navigation links the page', async () => {
  await visit(watched, app.baseUrl, '/');
  await watched.page.locator('.site-nav a', { hasText: 'Sanctions' }).click();
  await watched.page.waitForURL(/\/sanctions$/);
  await expect(watched.page.locator('h1').innerText()).resolves.toBe('Sanctions');
  await expect(watched.page.locator('.site-nav a[aria-current="page"]').innerText()).resolves.toBe('Sanctions');
});

/** A measure still in force, eased for grain in June 2021 (known to the month): the seed has neither. */
const EASED = {
  article: {
    id: 'eased-article',
    title: 'Freedonia eases its sanctions',
    publishedAt: '2021-07-01',
    text: 'Freedonia imposed sanctions on Sylvania. In June 2021 Freedonia exempted Sylvanian grain from its sanctions.',
  },
  actors: [
    { id: 'freedonia', name: 'Freedonia', kind: 'state' },
    { id: 'sylvania', name: 'Sylvania', kind: 'state' },
    { id: 'sylvanian-grain', name: 'Sylvanian grain', kind: 'commodity' },
  ],
  events: [
    {
      id: 'eased-impose',
      type: 'sanctions_imposed',
      title: 'Freedonia imposes sanctions on Sylvania',
      date: { start: '2020-03-10' },
      participants: [
        { actor: 'freedonia', role: 'agent' },
        { actor: 'sylvania', role: 'target' },
      ],
      sources: [{ quote: 'Freedonia imposed sanctions on Sylvania.' }],
    },
    {
      id: 'eased-grain',
      type: 'sanctions_lifted',
      title: 'Freedonia exempts Sylvanian grain',
      date: { start: '2021-06' },
      participants: [
        { actor: 'freedonia', role: 'agent' },
        { actor: 'sylvanian-grain', role: 'target' },
        { actor: 'sylvania', role: 'beneficiary' },
      ],
      sources: [{ quote: 'In June 2021 Freedonia exempted Sylvanian grain from its sanctions.' }],
    },
  ],
};

test('a measure still in force reaches the right edge; its exemption is drawn in its row and listed on the day', async () => {
  await loadFacts(db, EASED);
  await visit(watched, app.baseUrl, '/sanctions?authority=freedonia&on=2021-08-01');
  expect(await drawnMeasures()).toEqual(['freedonia|sylvania|*|1', 'freedonia|sylvania|sylvanian-grain|1']);
  const whole = bar('freedonia|sylvania|*|1');
  await expect(whole.getAttribute('class')).resolves.toContain('measure--open');
  await expect(whole.locator('.item-title').getAttribute('title')).resolves.toBe('Whole of Sylvania · by Freedonia: 10 March 2020 – still in force');
  const exemption = bar('freedonia|sylvania|sylvanian-grain|1');
  await expect(exemption.getAttribute('class')).resolves.toMatch(/exemption.*start-month.*measure--open/);
  const sameRow = await watched.page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): { closest(s: string): unknown } | null } }).document;
    const rowOf = (id: string) => doc.querySelector(`.item-title[data-measure="${id}"]`)?.closest('.vis-group');
    return rowOf('freedonia|sylvania|*|1') === rowOf('freedonia|sylvania|sylvanian-grain|1');
  });
  expect(sameRow).toBe(true);
  await expect(watched.page.locator('.vis-label a').allTextContents()).resolves.toEqual(['Sylvania']);
  expect(await listedFor('1 August 2021')).toEqual(['freedonia|sylvania|*|1']);
  await expect(watched.page.locator('.measure-row__exemptions').innerText()).resolves.toBe('Except Sylvanian grain (June 2021 – still in force)');
  await screenshot(watched.page, 'sanctions-exemption-1280');
});
