import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../src/db/query';
import { Committed } from '../../src/drafts/drafts.schemas';
import { deliverWebhooks } from '../../src/watch/webhooks';
import { addUsers, draftAccepted, ok, PASSWORD, signIn } from '../helpers/review';
import type { RunningApp } from '../helpers/test-app';
import { screenshot, sidewaysOverflow, useSeededBrowser, visit, type WatchedPage, withPage as openWatched, SIZES } from './support';

/**
 * The map and the trends in the browser over the seed: the events drawn at Minsk, Belarus, the United States,
 * Ukraine and Russia; a cluster's events listed; the filters, the date brush and the country shading; the
 * seed's months by type; at a desktop width and on a phone. Then the home dashboard, and watchlists as a
 * signed-in editor keeps them: made, edited and deleted on their pages, their webhook's deliveries to a receiver
 * on this machine in their log, and the events an editor committed among the dashboard's reviewed events.
 */
let app: RunningApp;
let browser: Browser;
let db: Db;

useSeededBrowser((suite) => ({ app, browser, db } = suite));

/** A webhook receiver on this machine: it refuses the first attempt of each delivery (500) and takes the retry (204). */
const received: Array<{ delivery: string; answered: number }> = [];
let receiver: http.Server;
let receiverUrl: string;

beforeAll(async () => {
  await addUsers(db, [{ name: 'alice', role: 'editor' }]);
  receiver = http.createServer((req, res) => {
    req.resume().on('end', () => {
      const delivery = String(req.headers['x-kb-delivery']);
      const answered = received.some((r) => r.delivery === delivery) ? 204 : 500;
      received.push({ delivery, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(() => new Promise((resolve) => receiver.close(resolve)));

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
    // The seed was loaded without review: its latest events stand in for the reviewed ones, and say so.
    expect(await page.locator('[data-latest="auto"] h2').innerText()).toMatch(/^Latest events\s+unreviewed$/);
    expect(await page.locator('[data-none-reviewed]').innerText()).toMatch(/^No editor has reviewed an event yet\. These were loaded automatically/);
    expect(await page.locator('[data-latest] .event-row__title').allTextContents()).toContain('Lukashenko pardons 123 prisoners');
    await screenshot(page, 'home-dashboard-1280');
  });
});

/** A report of prisoners freed by Belarus (no talks), one per screen size so that each commits new events. */
const releaseArticle = (size: string) => {
  const [count, day] = size === '1280' ? [14, 20] : [9, 27];
  return {
    title: `Belarus frees ${count} prisoners`,
    published: `2025-12-${day + 2}`,
    text: `Belarus frees ${count} prisoners\n\nBelarus released ${count} political prisoners on Saturday, December ${day}, the government said.`,
  };
};

async function signInOnPage(watched: WatchedPage, path: string): Promise<void> {
  const { page } = watched;
  await visit(watched, app.baseUrl, path);
  await page.fill('#login-name', 'alice');
  await page.fill('#login-password', PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === path), page.click('form[action="/login"] button[type="submit"]')]);
}

describe.each(SIZES)('watchlists at %s px', (name, viewport) => {
  test("a watchlist is made, edited and deleted on its pages; its webhook's deliveries are in its log; committed events lead the dashboard", async () => {
    await withPage(viewport, async (watched) => {
      const { page } = watched;
      await signInOnPage(watched, '/watch');

      // Follow Belarus's talks, with a webhook to the receiver.
      await page.fill('#w-name', `Belarus talks ${name}`);
      await page.selectOption('#w-actor', 'belarus');
      await page.selectOption('#w-type', 'talks');
      await page.fill('#w-webhook', receiverUrl);
      await page.click('form[action="/watch"] button[type="submit"]');
      await page.waitForSelector('[data-watch-created] [data-webhook-secret]');
      const section = page.locator('section.watchlist', { hasText: `Belarus talks ${name}` });
      const id = (await section.getAttribute('data-watchlist'))!;
      expect(id).toMatch(/^wl-[a-f0-9]{16}$/);

      // Its delivery log says why it is empty.
      await Promise.all([page.waitForURL(`**/watch/${id}/deliveries`), section.locator('[data-watchlist-deliveries]').click()]);
      expect(await page.locator('[data-deliveries-empty] h2').innerText()).toBe('Nothing delivered yet');
      expect(await sidewaysOverflow(page)).toBe(0);

      // Edit: a pair of one actor is refused beside its field, the form kept as typed; then the type is dropped.
      await visit(watched, app.baseUrl, '/watch');
      await Promise.all([page.waitForURL(`**/watch/${id}`), section.locator('[data-edit-watchlist]').click()]);
      expect(await page.locator('#e-name').inputValue()).toBe(`Belarus talks ${name}`);
      expect(await page.locator('#e-type').inputValue()).toBe('talks');
      await page.selectOption('#e-other', 'belarus');
      await page.fill('#e-name', `Belarus ${name}`);
      await Promise.all([page.waitForURL(`**/watch/${id}`), page.click('[data-edit-form] button[type="submit"]')]);
      expect(await page.locator('[data-field-error="other"]').innerText()).toBe('a pair is two different actors');
      expect(await page.locator('#e-other').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#e-name').inputValue()).toBe(`Belarus ${name}`);
      expect(await page.locator('[data-watchlist-name]').innerText()).toBe(`Belarus talks ${name}`);
      // The refused form is a 400, which the browser logs as a failed load: that and nothing else.
      expect(watched.problems.splice(0)).toEqual([expect.stringContaining('status of 400')]);
      await page.selectOption('#e-other', '');
      await page.selectOption('#e-type', '');
      await Promise.all([
        page.waitForURL((url) => url.pathname === `/watch/${id}` && url.searchParams.get('saved') === '1'),
        page.click('[data-edit-form] button[type="submit"]'),
      ]);
      expect(await page.locator('[data-watch-saved]').innerText()).toBe('Saved.');
      expect(await page.locator('[data-watchlist-name]').innerText()).toBe(`Belarus ${name}`);
      expect(await page.locator('[data-watchlist-follows]').innerText()).toBe('Belarus');
      expect(await page.locator('[data-field-error]').count()).toBe(0);
      expect(await sidewaysOverflow(page)).toBe(0);
      await screenshot(page, `watch-edit-${name}`);
      await visit(watched, app.baseUrl, '/watch');
      expect(await page.locator(`#${id}-heading`).innerText()).toBe(`Belarus ${name} · Belarus`);

      // An editor commits a report of freed prisoners: followed now that the type is gone; the webhook takes it on the retry.
      const editor = await signIn(app, 'alice');
      const draft = await draftAccepted(app, { session: editor }, releaseArticle(name));
      const committed = await ok(app, 'POST', `/api/drafts/${draft.id}/commit`, { session: editor }, Committed);
      const ids = committed.events.map((e) => e.id);
      expect(ids.length).toBeGreaterThan(0);
      const options = { limits: { allowPrivate: true, timeoutMs: 5000, maxBytes: 100_000, maxRedirects: 0 }, attempts: 2, backoffMs: 10, batch: 500 };
      expect(await deliverWebhooks(db, options)).toBe(ids.length);
      const delivery = received.at(-1)!.delivery;
      expect(received.slice(-2)).toEqual([
        { delivery, answered: 500 },
        { delivery, answered: 204 },
      ]);

      // The log: both attempts of the delivery, latest first, with what the receiver answered.
      await visit(watched, app.baseUrl, `/watch/${id}/deliveries`);
      const rows = page.locator('[data-deliveries] tbody tr');
      expect(
        await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-delivery'), tr.getAttribute('data-attempt'), tr.getAttribute('data-ok')])),
      ).toEqual([
        [delivery, '2', 'true'],
        [delivery, '1', 'false'],
      ]);
      expect(await rows.nth(0).locator('[data-http-status]').innerText()).toBe('204');
      expect(await rows.nth(1).innerText()).toContain('the receiver answered 500');
      expect(await sidewaysOverflow(page)).toBe(0);
      await screenshot(page, `watch-deliveries-${name}`);

      // The dashboard now lists reviewed events, these among them.
      await visit(watched, app.baseUrl, '/');
      expect(await page.locator('[data-latest="reviewed"] h2').innerText()).toBe('Latest reviewed events');
      const listed = await page.locator('[data-latest] .event-row__title').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      for (const event of ids) expect(listed).toContain(`/events/${event}`);
      expect(listed).not.toContain('/events/pardon-123-prisoners-2025-12');
      expect(await sidewaysOverflow(page)).toBe(0);
      await screenshot(page, `home-reviewed-${name}`);

      // Deleted from its page: gone from /watch, which says so.
      await visit(watched, app.baseUrl, `/watch/${id}`);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/watch' && url.searchParams.get('deleted') === '1'),
        page.click('[data-delete-form] button[type="submit"]'),
      ]);
      expect(await page.locator('[data-watch-deleted]').count()).toBe(1);
      expect(await page.locator(`[data-watchlist="${id}"]`).count()).toBe(0);
    });
  });
});
