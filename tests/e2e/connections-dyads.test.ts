import type { Browser } from 'playwright-core';
import type { RunningApp } from '../helpers/test-app';
import { screenshot, sidewaysOverflow, useSeededBrowser, visit, type WatchedPage, withPage as openWatched, SIZES } from './support';

/**
 * How two actors are connected, and what they did toward each other, in the browser: the paths drawn and listed,
 * the two columns of a dyad with the links between them, the ledger and the trend; reached from the actor page
 * and from the graph; at a desktop width and on a phone.
 */
let app: RunningApp;
let browser: Browser;

useSeededBrowser((suite) => ({ app, browser } = suite));

/** A watched page of the seeded app at `viewport` (see support.ts). */
const withPage = (viewport: { width: number; height: number }, work: (watched: WatchedPage) => Promise<void>) =>
  openWatched(browser, app.baseUrl, viewport, work);

describe.each(SIZES)('at %s px', (name, viewport) => {
  test('the connections page draws and lists the paths from Donald Trump to Ales Bialiatski', async () => {
    await withPage(viewport, async ({ page, ...watched }) => {
      expect(await visit({ page, ...watched }, app.baseUrl, '/connections?from=donald-trump&to=ales-bialiatski')).toBe(200);
      await page.waitForSelector('.paths-svg .path-actor');
      const drawn = await page.locator('.paths-svg .path-actor text').allTextContents();
      expect(drawn).toEqual(expect.arrayContaining(['Donald Trump', 'John Coale', 'Belarus', 'Ales Bialiatski']));
      expect(await page.locator('.paths-svg .path-step--roles').count()).toBeGreaterThan(0);
      const titles = await page.locator('.path__title').allTextContents();
      expect(titles[0]).toMatch(/^3 steps:\s+Donald Trump → .+ → Ales Bialiatski$/);
      expect(await page.locator('.step__events a', { hasText: 'Trump nominates John Coale' }).first().isVisible()).toBe(true);
      expect(await sidewaysOverflow(page)).toBe(0);
      await screenshot(page, `connections-${name}`);
    });
  });

  test('the US–Belarus dyad shows both sides, the two reciprocities, the ledger and the trend', async () => {
    await withPage(viewport, async (watched) => {
      const { page } = watched;
      expect(await visit(watched, app.baseUrl, '/dyads/united-states/belarus')).toBe(200);
      await page.waitForSelector('.trend-svg .trend-point');
      const side = (id: string) => page.locator(`[data-move="${id}"]`).getAttribute('class');
      expect(await side('sanctions-lifted-belavia-2025-09')).toContain('move--a');
      expect(await side('prisoner-release-52-2025-09')).toContain('move--b');
      const ledger = await page.locator('.ledger__side--a').innerText();
      expect(ledger).toMatch(/United States lifts sanctions on Belavia[\s\S]*in return for\s+Belarus releases 52 political prisoners/);
      expect(ledger).toMatch(/United States lifts sanctions on Belarusian potash[\s\S]*answered by\s+Lukashenko pardons 123 prisoners/);
      expect(await page.locator('.trend-svg .trend-point--a').count()).toBe(2);
      const curves = await page.locator('.dyad__links .dyad-link--reciprocates').count();
      expect(curves).toBe(viewport.width > 640 ? 2 : 0);
      expect(await sidewaysOverflow(page)).toBe(0);
      await screenshot(page, `dyad-${name}`);
    });
  });
});

test("the dyad's older moves load in place, a page at a time, with the links drawn across pages", async () => {
  await withPage({ width: 1280, height: 800 }, async (watched) => {
    const { page } = watched;
    await visit(watched, app.baseUrl, '/dyads/united-states/belarus');
    const all = await page.locator('.dyad__moves > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-move')));
    expect(all.length).toBeGreaterThan(4);
    expect(await page.locator('[data-dyad-older]').count()).toBe(0);
    await visit(watched, app.baseUrl, '/dyads/united-states/belarus?limit=3');
    const shown = () => page.locator('.dyad__moves > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-move')));
    expect(await shown()).toEqual(all.slice(0, 3));
    while ((await page.locator('[data-dyad-older]').count()) > 0) {
      const before = (await shown()).length;
      await page.locator('[data-dyad-older]').click();
      await page.locator('.dyad__moves > li').nth(before).waitFor();
    }
    expect(await shown()).toEqual(all);
    await page.locator('.dyad__links .dyad-link--reciprocates').nth(1).waitFor({ state: 'attached' });
    expect(await page.locator('.dyad__links .dyad-link--reciprocates').count()).toBe(2);
    expect(page.url()).toMatch(/limit=3$/);
  });
});

test('an empty dyad and an unanswerable connection say so', async () => {
  await withPage({ width: 1280, height: 800 }, async (watched) => {
    await visit(watched, app.baseUrl, '/dyads/ukraine/viasna');
    expect(await watched.page.locator('.empty-state').first().innerText()).toContain('No event of Ukraine toward Viasna');
    await visit(watched, app.baseUrl, '/connections?from=donald-trump&to=ales-bialiatski&maxHops=2');
    expect(await watched.page.locator('.empty-state').innerText()).toContain('not connected through shared events or roles within 2 steps');
    await visit(watched, app.baseUrl, '/connections?from=belarus&to=belarus');
    expect(await watched.page.locator('.empty-state').innerText()).toContain('Choose two different actors');
  });
});

test('the actor page and the graph lead to both views', async () => {
  await withPage({ width: 1280, height: 800 }, async (watched) => {
    const { page } = watched;
    await visit(watched, app.baseUrl, '/actors/donald-trump');
    await page.selectOption('#connect-to', 'ales-bialiatski');
    await Promise.all([page.waitForURL(/\/connections\?from=donald-trump&to=ales-bialiatski/), page.click('.connect-form button')]);
    await page.waitForSelector('.path__title');
    await visit(watched, app.baseUrl, '/actors/belarus');
    await Promise.all([
      page.waitForURL(/\/dyads\/belarus\/united-states$/),
      page.locator('.relationship-list li', { hasText: 'United States' }).locator('.relationship-list__dyad').click(),
    ]);
    await visit(watched, app.baseUrl, '/graph');
    await page.waitForSelector('.graph svg .node');
    await page.locator('.graph .node[data-id="belarus"]').click({ modifiers: ['Shift'] });
    await page.locator('.graph .node[data-id="united-states"]').click({ modifiers: ['Shift'] });
    const picked = page.locator('[data-graph-picked]');
    await picked.locator('a').first().waitFor();
    expect(await picked.innerText()).toContain('Belarus and United States');
    await Promise.all([page.waitForURL(/\/dyads\/belarus\/united-states$/), picked.locator('a', { hasText: 'what they did toward each other' }).click()]);
  });
});
