import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/query';
import { bulkFacts, loadFacts } from '../helpers/browse-fixtures';
import type { RunningApp } from '../helpers/test-app';
import { DESKTOP, PHONE, screenshot, sidewaysOverflow, useSeededBrowser, visit, type WatchedPage, withPage as openWatched, SIZES } from './support';

/**
 * The first view tells the story: the timeline opens where the events are, every event in it readable or with
 * its title on hover, and on a phone the content comes before the controls, which fold into a panel.
 */
let app: RunningApp;
let browser: Browser;
let db: Db;

useSeededBrowser((suite) => ({ app, browser, db } = suite));

/** A watched page of the seeded app at `viewport` (see support.ts). */
const withPage = (viewport: { width: number; height: number }, work: (watched: WatchedPage) => Promise<void>) =>
  openWatched(browser, app.baseUrl, viewport, work);

const timelineReady = (watched: WatchedPage) =>
  watched.page.waitForFunction(() => {
    const root = (
      globalThis as unknown as { document: { querySelector(s: string): { dataset: { mode?: string }; hasAttribute(n: string): boolean } | null } }
    ).document.querySelector('[data-timeline]');
    return root !== null && root.dataset.mode !== undefined && !root.hasAttribute('aria-busy');
  });

describe.each(SIZES)('at %s px', (name, viewport) => {
  test('the first timeline item is in the first screen, and every event of the window has a label or a tooltip', async () => {
    await withPage(viewport, async (watched) => {
      await visit(watched, app.baseUrl, '/timeline');
      await timelineReady(watched);
      const first = watched.page.locator('.vis-item').first();
      const box = await first.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      const labels = await watched.page.locator('.vis-item .item-title').evaluateAll((spans) =>
        spans.map((span) => ({
          width: span.getBoundingClientRect().width,
          visible: span.parentElement?.getBoundingClientRect().width ?? 0,
          title: span.getAttribute('title') ?? '',
        })),
      );
      expect(labels.length).toBe(11);
      for (const label of labels) expect(Math.min(label.width, label.visible) >= 24 || label.title.length > 0).toBe(true);
      expect(await sidewaysOverflow(watched.page)).toBe(0);
      await screenshot(watched.page, `first-view-timeline-${name}`);
    });
  });

  test('the graph is in the first screen', async () => {
    await withPage(viewport, async (watched) => {
      await visit(watched, app.baseUrl, '/graph');
      await watched.page.waitForSelector('.graph svg .node');
      const box = await watched.page.locator('.graph svg').boundingBox();
      expect(box!.y).toBeLessThan(viewport.height * 0.6);
      expect(await sidewaysOverflow(watched.page)).toBe(0);
      await screenshot(watched.page, `first-view-graph-${name}`);
    });
  });
});

test('on a phone the filters wait in a folded panel that opens, applies and says how many are set', async () => {
  await withPage(PHONE, async (watched) => {
    const { page } = watched;
    await visit(watched, app.baseUrl, '/timeline');
    await timelineReady(watched);
    const panel = page.locator('details[data-controls]');
    expect(await panel.getAttribute('open')).toBeNull();
    expect(await page.locator('#f-type').isVisible()).toBe(false);
    await page.locator('details[data-controls] > summary').click();
    expect(await page.locator('#f-type').isVisible()).toBe(true);
    await page.selectOption('#f-type', 'pardon');
    await page.waitForFunction(() => /type=pardon/.test((globalThis as unknown as { location: { search: string } }).location.search));
    await timelineReady(watched);
    await expect(page.locator('.vis-item .item-title').allTextContents()).resolves.toEqual(['Lukashenko pardons 123 prisoners']);
    await expect(page.locator('[data-controls-active]').innerText()).resolves.toMatch(/^ ?· 1 active$/);
  });
});

test('at 1280 px the filters are open; the actors page folds its search on a phone', async () => {
  await withPage(DESKTOP, async (watched) => {
    await visit(watched, app.baseUrl, '/timeline');
    expect(await watched.page.locator('#f-type').isVisible()).toBe(true);
  });
  await withPage(PHONE, async (watched) => {
    await visit(watched, app.baseUrl, '/actors');
    expect(await watched.page.locator('#actors-q').isVisible()).toBe(false);
    const firstCard = await watched.page.locator('.actor-card').first().boundingBox();
    expect(firstCard!.y).toBeLessThan(PHONE.height);
  });
});

test('a generated corpus of 2024 opens on its densest recent stretch, with the seed marked as later', async () => {
  await loadFacts(db, bulkFacts(400, 2024));
  for (const [name, viewport] of SIZES) {
    await withPage(viewport, async (watched) => {
      await visit(watched, app.baseUrl, '/timeline');
      await timelineReady(watched);
      const url = new URL(watched.page.url());
      expect(url.searchParams.get('from')! >= '2024-01-01').toBe(true);
      expect(url.searchParams.get('to')! <= '2025-03-01').toBe(true);
      await expect(watched.page.locator('.edge-marker--later').innerText()).resolves.toBe('11 later events →');
      await screenshot(watched.page, `first-view-corpus-timeline-${name}`);
      await visit(watched, app.baseUrl, '/graph');
      await watched.page.waitForSelector('.graph svg .node');
      await screenshot(watched.page, `first-view-corpus-graph-${name}`);
    });
  }
});
