import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../src/db/query';
import { read } from '../../src/db/query';
import { Committed } from '../../src/drafts/drafts.schemas';
import { DeliveryLog, WatchlistCreated, WhatIsNewList } from '../../src/watch/watch.schemas';
import { deliverWebhooks, type DeliveryOptions } from '../../src/watch/webhooks';
import { addUsers, call, draftAccepted, ok, signIn, type Session } from '../helpers/review';
import { startTestApp, type RunningApp } from '../helpers/test-app';
import { openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * Watchlists end to end: a signed-in user follows Belarus; an article about Belarus is accepted; /watch, the
 * watchlist's feed and a webhook receiver on this machine each show the new events once, a failed delivery
 * being retried with the same delivery and nothing sent again afterwards.
 */

const ARTICLE = {
  title: 'Belarus frees 14 prisoners',
  published: '2025-12-22',
  text: 'Belarus frees 14 prisoners\n\nBelarus released 14 political prisoners on Saturday, December 20, the government said.',
};

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number;
}

let db: Db;
let app: RunningApp;
let alice: Session;
let receiver: http.Server;
let receiverUrl: string;
const received: Received[] = [];
/** The receiver fails the first delivery it gets (a 500), then takes every one. */
let failNext = true;

const options = (allowPrivate: boolean): DeliveryOptions => ({
  limits: { allowPrivate, timeoutMs: 5000, maxBytes: 100_000, maxRedirects: 0 },
  attempts: 3,
  backoffMs: 20,
  batch: 500,
});

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  await addUsers(db, [{ name: 'alice', role: 'editor' }]);
  app = await startTestApp(db, { KB_WRITE_RATE_LIMIT: '100000', FETCH_ALLOW_PRIVATE: '1' });
  alice = await signIn(app, 'alice');
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const answered = failNext ? 500 : 204;
      failNext = false;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await app.close();
  await resetToSeed(db);
  await db.driver.close();
});

test('following Belarus, then accepting an article about it: /watch, the feed and the webhook each show the new events once', async () => {
  const watchlist = await ok(app, 'POST', '/api/watchlists', { session: alice }, WatchlistCreated, {
    name: 'Belarus',
    follow: { actor: 'belarus' },
    webhook: receiverUrl,
  });
  expect(watchlist.feed).toMatch(/^\/watch\/feeds\/wlf_/);
  // The feed's token and the webhook's key are shown once: the token is stored only as its digest.
  const token = watchlist.feed.split('/').pop()!;
  const stored = await read<{ props: Record<string, unknown> }>(db, 'MATCH (w:Watchlist {id: $id}) RETURN properties(w) AS props', { id: watchlist.id });
  expect(JSON.stringify(stored)).not.toContain(token);

  // Nothing is new before the article: the seed was there when the watchlist was made.
  const before = await ok(app, 'GET', '/api/watchlists/new', { session: alice }, WhatIsNewList);
  expect(before.items.map((i) => [i.watchlist.name, i.events.length])).toEqual([['Belarus', 0]]);
  expect(await deliverWebhooks(db, options(true))).toBe(0);
  expect(received).toEqual([]);

  const draft = await draftAccepted(app, { session: alice }, ARTICLE);
  const committed = await ok(app, 'POST', `/api/drafts/${draft.id}/commit`, { session: alice }, Committed);
  const newIds = committed.events.map((e) => e.id).sort();
  expect(newIds.length).toBeGreaterThan(0);

  // /watch (the page marks the visit); the API says the same before it, and nothing is new after it.
  const news = await ok(app, 'GET', '/api/watchlists/new', { session: alice }, WhatIsNewList);
  expect(news.items[0]?.events.map((e) => e.id).sort()).toEqual(newIds);
  const page = await (await fetch(`${app.baseUrl}/watch`, { headers: { cookie: alice.cookie } })).text();
  for (const id of newIds) expect(page.split(`data-event="${id}"`).length - 1).toBe(1);
  const again = await ok(app, 'GET', '/api/watchlists/new', { session: alice }, WhatIsNewList);
  expect(again.items[0]?.events).toEqual([]);

  // The feed: an Atom document of the latest events followed (the seed's Belarus events too), each new one an entry once, first.
  const feed = await fetch(`${app.baseUrl}${watchlist.feed}`);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toContain('application/atom+xml');
  const atom = await feed.text();
  expect(atom).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  const entryIds = [...atom.matchAll(/<id>tag:diplomatic-events-kb,2025:event\/([^<]+)<\/id>/g)].map((m) => m[1]);
  expect(entryIds.slice(0, newIds.length).sort()).toEqual(newIds);
  expect(entryIds).toHaveLength(new Set(entryIds).size);
  expect(entryIds).toContain('talks-minsk-2025-12');
  expect((await fetch(`${app.baseUrl}/watch/feeds/wlf_${'x'.repeat(32)}`)).status).toBe(404);

  // The webhook: the first attempt is refused (500), the retry carries the same delivery and is taken.
  expect(await deliverWebhooks(db, options(true))).toBe(newIds.length);
  expect(received.map((r) => r.answered)).toEqual([500, 204]);
  const [first, second] = received as [Received, Received];
  expect(second.headers['x-kb-delivery']).toBe(first.headers['x-kb-delivery']);
  expect(second.body).toBe(first.body);
  const expected = `sha256=${createHmac('sha256', watchlist.webhookSecret!).update(second.body).digest('hex')}`;
  expect(second.headers['x-kb-signature']).toBe(expected);
  const payload = JSON.parse(second.body) as { watchlist: string; events: Array<{ id: string }> };
  expect(payload.watchlist).toBe(watchlist.id);
  expect(payload.events.map((e) => e.id).sort()).toEqual(newIds);

  // Once taken, nothing is sent again.
  expect(await deliverWebhooks(db, options(true))).toBe(0);
  expect(received).toHaveLength(2);
  const log = await ok(app, 'GET', `/api/watchlists/${watchlist.id}/deliveries`, { session: alice }, DeliveryLog);
  expect(log.items.map((d) => [d.attempt, d.status, d.ok, d.events])).toEqual([
    [2, 204, true, newIds.length],
    [1, 500, false, newIds.length],
  ]);
});

test('a webhook to a private address is refused unless the setting allows it, and the refusal is logged', async () => {
  const watchlist = await ok(app, 'POST', '/api/watchlists', { session: alice }, WatchlistCreated, {
    name: 'Belarus talks',
    follow: { actor: 'belarus', type: 'talks' },
    webhook: receiverUrl,
  });
  await db.driver.executeQuery(
    "MATCH (w:Watchlist {id: $id}) SET w.deliveredUpTo = datetime('2000-01-01T00:00:00Z')",
    { id: watchlist.id },
    { database: db.database },
  );
  await db.driver.executeQuery("MATCH (e:Event {id: 'talks-minsk-2025-12'}) SET e.addedAt = datetime()", {}, { database: db.database });
  const count = received.length;
  expect(await deliverWebhooks(db, { ...options(false), attempts: 1 })).toBe(0);
  expect(received).toHaveLength(count);
  const log = await ok(app, 'GET', `/api/watchlists/${watchlist.id}/deliveries`, { session: alice }, DeliveryLog);
  expect(log.items[0]).toMatchObject({ ok: false, status: null });
  expect(log.items[0]?.error).toContain('private');
});

test('watchlists need a user; a bad follow is a 400 naming the field; an unknown actor 404', async () => {
  expect((await call(app, 'GET', '/api/watchlists', null, WhatIsNewList)).status).toBe(401);
  const bad = await call(app, 'POST', '/api/watchlists', { session: alice }, WatchlistCreated, { name: 'Nothing', follow: {} });
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('follow.actor');
  const unknown = await call(app, 'POST', '/api/watchlists', { session: alice }, WatchlistCreated, { name: 'Nobody', follow: { actor: 'nobody-at-all' } });
  expect(unknown.status).toBe(404);
});
