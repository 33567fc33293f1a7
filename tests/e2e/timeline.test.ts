import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/query';
import { bulkFacts, loadFacts } from '../helpers/browse-fixtures';
import type { RunningApp } from '../helpers/test-app';
import { resetToSeed } from '../helpers/test-db';
import { openPage, PHONE, screenshot, useSeededBrowser, useWatchedPage, visit, type WatchedPage } from './support';

/** What the page's own script sees, as far as these tests look (the project's types leave out the DOM). */
interface PageGlobals {
  document: {
    querySelector(
      selectors: string,
    ): { dataset: Record<string, string | undefined>; hasAttribute(name: string): boolean; hidden?: boolean; textContent: string | null } | null;
  };
  location: { search: string };
}

/** The timeline page in Chromium over the seed (and, for density, 400 generated events of 2024). */
let db: Db;
let app: RunningApp;
let browser: Browser;

const SEED_EVENTS = [
  'election-belarus-2020',
  'military-support-russia-invasion-ukraine',
  'talks-minsk-2025-09',
  'prisoner-release-52-2025-09',
  'sanctions-lifted-belavia-2025-09',
  'nomination-coale-envoy-belarus',
  'endorsement-tsikhanouskaya-welcomes-coale',
  'intent-normalise-relations',
  'statement-viasna-1200-prisoners',
  'statement-tsikhanouskaya-100-freed',
  'talks-minsk-2025-12',
  'sanctions-lifted-potash-2025-12',
  'pardon-123-prisoners-2025-12',
];

useSeededBrowser((suite) => ({ db, app, browser } = suite));

let watched: WatchedPage;
useWatchedPage(
  () => openPage(browser, app.baseUrl),
  (page) => (watched = page),
);

/** The event ids drawn on the timeline, once the latest window has been fetched. */
async function drawnEvents(): Promise<string[]> {
  await watched.page.waitForFunction(() => {
    const root = (globalThis as unknown as PageGlobals).document.querySelector('[data-timeline]');
    return root?.dataset.mode && !root.hasAttribute('aria-busy');
  });
  const ids = await watched.page.locator('.vis-item .item-title').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-event')));
  return [...new Set(ids as string[])].sort();
}

async function waitForUrl(pattern: RegExp): Promise<void> {
  await watched.page.waitForFunction((source) => new RegExp(source).test((globalThis as unknown as PageGlobals).location.search), pattern.source);
}

/** The seed's story: its events of September–December 2025, without the 2020 election and the 2022 invasion. */
const STORY_EVENTS = SEED_EVENTS.filter((id) => id !== 'election-belarus-2020' && id !== 'military-support-russia-invasion-ukraine');

test('the timeline opens on the story, marks the earlier events at its edge, and shows every event on request', async () => {
  await visit(watched, app.baseUrl, '/timeline');
  expect(await drawnEvents()).toEqual([...STORY_EVENTS].sort());
  await expect(watched.page.locator('[data-timeline-status]').textContent()).resolves.toBe('11 events in view.');
  const earlier = watched.page.locator('.edge-marker--earlier');
  await expect(earlier.innerText()).resolves.toBe('← 2 earlier events');
  expect(await watched.page.locator('.edge-marker--later').isHidden()).toBe(true);
  expect(watched.page.url()).toMatch(/from=2025-0[78]-\d\d&to=2025-12-\d\d/);
  await screenshot(watched.page, 'timeline-story-1280');
  await earlier.click();
  await watched.page.waitForFunction(
    () => (globalThis as unknown as PageGlobals).document.querySelector('[data-timeline-status]')?.textContent === '13 events in view.',
  );
  expect(await drawnEvents()).toEqual([...SEED_EVENTS].sort());
  await watched.page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('.edge-marker--earlier')?.hidden === true);
});

test('the timeline draws every seed event, multi-day ones as ranges, one-day ones as points, imprecise ones marked', async () => {
  await visit(watched, app.baseUrl, '/timeline?from=2019-06-01&to=2026-06-01');
  expect(await drawnEvents()).toEqual([...SEED_EVENTS].sort());
  const classOf = (id: string) => watched.page.locator(`.vis-item:has(.item-title[data-event="${id}"])`).getAttribute('class');
  await expect(classOf('talks-minsk-2025-12')).resolves.toMatch(/vis-range.*precision-day|precision-day.*vis-range/);
  await expect(classOf('nomination-coale-envoy-belarus')).resolves.toContain('vis-point');
  await expect(classOf('talks-minsk-2025-09')).resolves.toContain('precision-month');
  await expect(classOf('election-belarus-2020')).resolves.toContain('precision-year');
  const legend = await watched.page.locator('.legend--precision').innerText();
  expect(legend).toContain('Known to the month only');
  // some thirty types: the legend groups them by PLOVER category, each type with its swatch
  const sanction = watched.page.locator('.legend--types [data-type-group="SANCTION"]');
  await expect(sanction.locator('.legend-group__name').innerText()).resolves.toMatch(/sanction/i);
  await expect(sanction.locator('[data-type-label]').count()).resolves.toBe(7);
  expect(await watched.page.locator('.legend--types [data-type-label="diplomats_expelled"] .swatch').isVisible()).toBe(true);
  await expect(watched.page.locator('[data-timeline-status]').textContent()).resolves.toBe('13 events in view.');
  await screenshot(watched.page, 'timeline-seed-1280');
});

test('clicking a timeline item opens its details, which link to its event page', async () => {
  await visit(watched, app.baseUrl, '/timeline?from=2025-12-01&to=2025-12-20');
  await drawnEvents();
  await watched.page.locator('.item-title[data-event="pardon-123-prisoners-2025-12"]').click();
  const panel = watched.page.locator('[data-event-panel]');
  await expect(panel.locator('h3').textContent()).resolves.toBe('Lukashenko pardons 123 prisoners');
  await expect(panel.locator('blockquote').textContent()).resolves.toContain('123 individuals');
  await screenshot(watched.page, 'timeline-panel-1280');
  await panel.locator('[data-panel-link]').click();
  await watched.page.waitForURL(/\/events\/pardon-123-prisoners-2025-12$/);
  await expect(watched.page.locator('h1').textContent()).resolves.toBe('Lukashenko pardons 123 prisoners');
});

test('filters change what is shown, and the address keeps them', async () => {
  await visit(watched, app.baseUrl, '/timeline');
  await drawnEvents();
  await watched.page.selectOption('#f-type', 'sanctions_lifted');
  await waitForUrl(/type=sanctions_lifted/);
  expect(await drawnEvents()).toEqual(['sanctions-lifted-belavia-2025-09', 'sanctions-lifted-potash-2025-12']);
  await watched.page.selectOption('#f-type', '');
  await watched.page.selectOption('#f-actor', 'viasna');
  await waitForUrl(/actor=viasna/);
  expect(await drawnEvents()).toEqual(['statement-viasna-1200-prisoners']);
  await watched.page.selectOption('#f-actor', '');
  await watched.page.check('input[name="group"][value="actor"]');
  await waitForUrl(/group=actor/);
  await drawnEvents();
  const rows = await watched.page.locator('.vis-labelset .vis-label a').allTextContents();
  expect(rows).toEqual(expect.arrayContaining(['Belarus', 'John Coale', 'United States', 'Alexander Lukashenko']));
  await screenshot(watched.page, 'timeline-by-actor-1280');
  // The shared address shows the same view.
  const shared = watched.page.url();
  expect(shared).not.toContain('type=');
  await visit(watched, app.baseUrl, new URL(shared).pathname + new URL(shared).search);
  await drawnEvents();
  await expect(watched.page.locator('input[name="group"][value="actor"]').isChecked()).resolves.toBe(true);
});

test('the address holds the window: a shared September 2025 view shows September 2025, and zooming updates it', async () => {
  await visit(watched, app.baseUrl, '/timeline?from=2025-09-01&to=2025-09-30');
  expect(await drawnEvents()).toEqual(['prisoner-release-52-2025-09', 'sanctions-lifted-belavia-2025-09', 'talks-minsk-2025-09']);
  await expect(watched.page.inputValue('#f-from')).resolves.toBe('2025-09-01');
  await watched.page.click('[data-zoom="out"]');
  await watched.page.waitForFunction(() => !(globalThis as unknown as PageGlobals).location.search.includes('from=2025-09-01'));
  const params = new URL(watched.page.url()).searchParams;
  expect(params.get('from')! < '2025-09-01').toBe(true);
  expect(params.get('to')! > '2025-09-30').toBe(true);
  // From the keyboard: focus the timeline, then the right arrow pans later in time.
  const before = params.get('from')!;
  await watched.page.focus('[data-timeline]');
  await watched.page.keyboard.press('ArrowRight');
  await watched.page.waitForFunction((from) => !(globalThis as unknown as PageGlobals).location.search.includes(`from=${from}`), before);
  expect(new URL(watched.page.url()).searchParams.get('from')! > before).toBe(true);
});

test('a window too dense to draw shows counts per bucket, and clicking one zooms in', async () => {
  await loadFacts(db, bulkFacts(400, 2024));
  try {
    await denseWindow();
  } finally {
    await resetToSeed(db);
  }
});

async function denseWindow(): Promise<void> {
  await visit(watched, app.baseUrl, '/timeline?from=2024-01-01&to=2024-12-31');
  await watched.page.waitForSelector('.vis-item.bucket');
  expect(await watched.page.locator('.vis-item .item-title').count()).toBe(0);
  const counts = await watched.page.locator('.vis-item.bucket .bucket-count').allTextContents();
  expect(counts.length).toBeGreaterThan(0);
  expect(counts.length).toBeLessThanOrEqual(500);
  await expect(watched.page.locator('[data-timeline-status]').textContent()).resolves.toContain('counted per');
  await screenshot(watched.page, 'timeline-buckets-1280');
  await watched.page.locator('.vis-item.bucket').first().click();
  await watched.page.waitForFunction(() => !(globalThis as unknown as PageGlobals).location.search.includes('from=2024-01-01&to=2024-12-31'));
  await watched.page.waitForSelector('.vis-item .item-title');
  expect((await drawnEvents()).every((id) => id.startsWith('bulk-event-'))).toBe(true);
}

test('at phone width the timeline fits the screen and still lists the events', async () => {
  await watched.close();
  watched = await openPage(browser, app.baseUrl, { viewport: PHONE });
  await visit(watched, app.baseUrl, '/timeline?from=2025-08-01&to=2025-12-31');
  await drawnEvents();
  const width = await watched.page.locator('.vis-timeline').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual(PHONE.width);
  expect(await watched.page.locator('[data-timeline-list] .event-row').count()).toBe(11);
  await screenshot(watched.page, 'timeline-390');
});

test('without JavaScript the same events appear as a plain list, filters and paging work as links', async () => {
  await watched.close();
  watched = await openPage(browser, app.baseUrl, { javaScriptEnabled: false });
  await visit(watched, app.baseUrl, '/timeline');
  const titles = await watched.page.locator('[data-timeline-fallback] .event-row__title').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(titles.map((href) => href!.replace('/events/', '')).sort()).toEqual([...STORY_EVENTS].sort());
  await watched.page.selectOption('#f-type', 'pardon');
  await watched.page.click('form.filters button[type="submit"]');
  await watched.page.waitForURL(/type=pardon/);
  await expect(watched.page.locator('[data-timeline-fallback] .event-row__title').allTextContents()).resolves.toEqual(['Lukashenko pardons 123 prisoners']);
  await screenshot(watched.page, 'timeline-nojs-1280');
});
