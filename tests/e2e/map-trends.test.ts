import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../helpers/test-app';
import { screenshot, sidewaysOverflow, useSeededBrowser, visit, type WatchedPage, withPage as openWatched, SIZES } from './support';

/**
 * The map and the trends in the browser over the seed: the events drawn at Minsk, Belarus, the United States,
 * Ukraine and Russia; a cluster's events listed; the filters, the date brush and the country shading; the
 * seed's months by type; at a desktop width and on a phone.
 */
let app: RunningApp;
let browser: Browser;

useSeededBrowser((suite) => ({ app, browser } = suite));

const withPage = (viewport: { width: number; height: number }, work: (watched: WatchedPage) => Promise<void>) =>
  openWatched(browser, app.baseUrl, viewport, work);

/** The map's clusters once drawn for `total` events: places → count. */
async function clustersFor(page: Page, total: number): Promise<Record<string, number>> {
  await page.waitForSelector(`[data-map][data-total="${total}"]`);
  const clusters = await page
    .locator('g.cluster')
    .evaluateAll((groups) => groups.map((g) => [g.getAttribute('data-places') ?? '', Number(g.getAttribute('data-count'))] as const));
  return Object.fromEntries(clusters);
}

describe.each(SIZES)('at %s px', (name, viewport) => {
  test('the map draws the seed at Minsk and Belarus, the United States, Ukraine and Russia; a cluster lists its events', async () => {
    await withPage(viewport, async (watched) => {
      const { page } = watched;
      expect(await visit(watched, app.baseUrl, '/map')).toBe(200);
      expect(await clustersFor(page, 14)).toEqual({ 'Belarus|Minsk': 10, 'United States': 2, Ukraine: 1, Russia: 1 });
      // The most frequent type gives the colour: at Minsk and Belarus two talks and two liftings of sanctions, a tie
      // settled by the type's name; in the United States a nomination and a lifting, likewise.
      expect(await page.locator('g.cluster[data-places="Belarus|Minsk"] circle').getAttribute('class')).toBe('type-sanctions_lifted');
      expect(await page.locator('g.cluster[data-places="Ukraine"] circle').getAttribute('class')).toBe('type-military_support');
      // On a phone Ukraine's circle lies over part of it: there it is opened from the keyboard.
      const cluster = page.locator('g.cluster[data-places="Belarus|Minsk"]');
      if (viewport.width > 640) await cluster.click();
      else await cluster.focus().then(() => page.keyboard.press('Enter'));
      await page.locator('[data-map-events] li').nth(9).waitFor();
      expect(await page.locator('[data-map-list] h2').innerText()).toBe('Belarus, Minsk: 10 events');
      expect(await page.locator('[data-map-events] li a').allTextContents()).toEqual(
        expect.arrayContaining(['Talks in Minsk with John Coale', 'Belarus releases 52 political prisoners']),
      );
      expect(await sidewaysOverflow(page)).toBe(0);
      await screenshot(page, `map-${name}`);
    });
  });

  test('the type filter, the date brush and the country shading change what the map shows, and the address keeps them', async () => {
    await withPage(viewport, async (watched) => {
      const { page } = watched;
      await visit(watched, app.baseUrl, '/map');
      await clustersFor(page, 14);
      // The brush: from about nine tenths of the span (2020–2025) to its end leaves the events of late 2025.
      await page.locator('[data-map-brush] svg').scrollIntoViewIfNeeded();
      const box = (await page.locator('[data-map-brush] svg').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.9, box.y + 20);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.95, box.y + 20, { steps: 3 });
      await page.mouse.move(box.x + box.width - 2, box.y + 20, { steps: 3 });
      await page.mouse.up();
      // Five events in Minsk, three in Belarus without a city.
      expect(await clustersFor(page, 10)).toEqual({ 'Minsk|Belarus': 8, 'United States': 2 });
      expect(await page.locator('#f-from').inputValue()).toMatch(/^2025-/);
      expect(new URL(page.url()).searchParams.get('from')).toMatch(/^2025-/);
      // On a phone the filters are folded under their summary.
      if (!(await page.locator('#f-type').isVisible())) await page.locator('.controls__summary').click();
      await page.selectOption('#f-type', 'talks');
      expect(await clustersFor(page, 2)).toEqual({ Minsk: 2 });
      expect(new URL(page.url()).searchParams.get('type')).toBe('talks');
      await page.locator('input[name="shade"]').check();
      await page.waitForSelector('path.country[data-country-numeric="112"][data-events="2"]');
      expect(await page.locator('path.country[data-country-numeric="804"]').getAttribute('data-events')).toBe('0');
    });
  });

  test("the trends page stacks the seed's months by type, lines up the busiest actors and tables countries by type", async () => {
    await withPage(viewport, async (watched) => {
      const { page } = watched;
      expect(await visit(watched, app.baseUrl, '/trends?from=2025-01-01')).toBe(200);
      await page.waitForSelector('[data-trend="type"] rect.bar');
      const bar = (bucket: string, type: string) => page.locator(`rect.bar[data-bucket="${bucket}"][data-type="${type}"]`).getAttribute('data-count');
      expect(await bar('2025-09', 'talks')).toBe('1');
      expect(await bar('2025-12', 'talks')).toBe('1');
      expect(await bar('2025-09', 'sanctions_lifted')).toBe('1');
      const buckets = await page
        .locator('[data-trend="type"] rect.bar[data-type="talks"]')
        .evaluateAll((bars) => bars.map((b) => b.getAttribute('data-bucket')));
      expect(buckets).toEqual(['2025-09', '2025-10', '2025-11', '2025-12']);
      expect(await page.locator('[data-trend="actor"] [data-actor]').evaluateAll((g) => g.map((x) => x.getAttribute('data-actor')).slice(0, 2))).toEqual([
        'belarus',
        'john-coale',
      ]);
      expect(await page.locator('[data-country-table] tr[data-country="BY"] th').innerText()).toBe('Belarus');
      const download = page.waitForEvent('download');
      await page.locator('[data-trend="type"] [data-download="events-by-type.csv"]').click();
      const csv = await (await download).createReadStream().then(async (stream) => {
        let text = '';
        for await (const chunk of stream) text += chunk;
        return text;
      });
      expect(csv.split('\n')[0]).toMatch(/^month,/);
      expect(csv).toContain('2025-12,');
      expect(await sidewaysOverflow(page)).toBe(0);
      await screenshot(page, `trends-${name}`);
    });
  });
});

test('the home dashboard: a sparkline, the most active actors and pairs of the last 90 days, and the map thumbnail', async () => {
  await withPage({ width: 1280, height: 800 }, async (watched) => {
    const { page } = watched;
    expect(await visit(watched, app.baseUrl, '/')).toBe(200);
    expect(await page.locator('[data-sparkline] polyline').count()).toBe(1);
    expect(await page.locator('[data-active-actors] li a').first().innerText()).toBe('Belarus');
    expect(await page.locator('[data-active-dyads] li a').first().innerText()).toBe('Belarus – United States');
    // Four clusters at the world view: Minsk and Belarus, the United States, Ukraine, Russia.
    expect(await page.locator('[data-map-thumbnail] circle').count()).toBe(4);
    expect(await page.locator('[data-editor-work]').count()).toBe(0);
    await screenshot(page, 'home-dashboard-1280');
  });
});
