import { createHmac } from 'node:crypto';
import http from 'node:http';
import { int as neo4jInt } from 'neo4j-driver';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../src/db/query';
import { read } from '../../src/db/query';
import { Committed } from '../../src/drafts/drafts.schemas';
import { z } from 'zod';
import { DeliveryLog, WatchlistChanged, WatchlistCreated, WatchlistView, WhatIsNewList } from '../../src/watch/watch.schemas';
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
let bob: Session;
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
  await addUsers(db, [
    { name: 'alice', role: 'editor' },
    { name: 'bob', role: 'editor' },
  ]);
  app = await startTestApp(db, { KB_WRITE_RATE_LIMIT: '100000', FETCH_ALLOW_PRIVATE: '1' });
  alice = await signIn(app, 'alice');
  bob = await signIn(app, 'bob');
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

test('a watchlist is renamed, follows something else, gets, changes and loses its webhook; the same checks as a new one', async () => {
  const made = await ok(app, 'POST', '/api/watchlists', { session: alice }, WatchlistCreated, { name: 'Coale', follow: { actor: 'john-coale' } });
  const path = `/api/watchlists/${made.id}`;

  const renamed = await ok(app, 'PATCH', path, { session: alice }, WatchlistChanged, { name: 'US envoy' });
  expect(renamed).toMatchObject({ name: 'US envoy', follow: { actor: 'john-coale', other: null, type: null }, webhook: null, webhookSecret: null });

  // What is followed is given whole: a pair and a type replace the one actor.
  const pair = await ok(app, 'PATCH', path, { session: alice }, WatchlistChanged, {
    follow: { actor: 'united-states', other: 'belarus', type: 'sanctions_lifted' },
  });
  expect(pair.follow).toEqual({ actor: 'united-states', other: 'belarus', type: 'sanctions_lifted' });
  const typeOnly = await ok(app, 'PATCH', path, { session: alice }, WatchlistChanged, { follow: { type: 'pardon' } });
  expect(typeOnly).toMatchObject({ name: 'US envoy', follow: { actor: null, other: null, type: 'pardon' } });

  // A first webhook gets a key, shown once; a new address keeps it; null removes the webhook and its key.
  const hooked = await ok(app, 'PATCH', path, { session: alice }, WatchlistChanged, { webhook: receiverUrl });
  expect(hooked.webhook).toBe(receiverUrl);
  expect(hooked.webhookSecret).toMatch(/^whs_/);
  const stored = async () =>
    (await read<{ secret: string | null }>(db, 'MATCH (w:Watchlist {id: $id}) RETURN w.webhookSecret AS secret', { id: made.id }))[0]?.secret;
  expect(await stored()).toBe(hooked.webhookSecret);
  const moved = await ok(app, 'PATCH', path, { session: alice }, WatchlistChanged, { webhook: `${receiverUrl}/other` });
  expect(moved).toMatchObject({ webhook: `${receiverUrl}/other`, webhookSecret: null });
  expect(await stored()).toBe(hooked.webhookSecret);
  const unhooked = await ok(app, 'PATCH', path, { session: alice }, WatchlistChanged, { webhook: null });
  expect(unhooked).toMatchObject({ webhook: null, webhookSecret: null });
  expect(await stored()).toBeNull();

  expect(await ok(app, 'GET', path, { session: alice }, WatchlistView)).toMatchObject({ id: made.id, name: 'US envoy', follow: { type: 'pardon' } });

  // Refusals name the field: as for a new watchlist; an unknown actor is a 404 and changes nothing.
  const refused = async (body: unknown, field: string) => {
    const answer = await call(app, 'PATCH', path, { session: alice }, WatchlistChanged, body);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(`"path":"${field}"`);
  };
  await refused({ name: '   ' }, 'name');
  await refused({ follow: {} }, 'follow.actor');
  await refused({ follow: { actor: 'belarus', other: 'belarus' } }, 'follow.other');
  await refused({ follow: { type: 'tea_party' } }, 'follow.type');
  await refused({ webhook: 'not an address' }, 'webhook');
  await refused({}, 'name');
  await refused({ name: 'x', colour: 'red' }, '');
  expect((await call(app, 'PATCH', path, { session: alice }, WatchlistChanged, { follow: { actor: 'nobody-at-all' } })).status).toBe(404);
  expect(await ok(app, 'GET', path, { session: alice }, WatchlistView)).toMatchObject({ name: 'US envoy', follow: { type: 'pardon' } });
});

test("another user's watchlist is unknown to the API (404), an unknown one too; without credentials 401; with a session, no CSRF 403", async () => {
  const made = await ok(app, 'POST', '/api/watchlists', { session: alice }, WatchlistCreated, { name: 'Viasna', follow: { actor: 'viasna' } });
  const path = `/api/watchlists/${made.id}`;
  const Done = z.object({ ok: z.literal(true) });
  expect((await call(app, 'GET', path, { session: bob }, WatchlistView)).status).toBe(404);
  expect((await call(app, 'PATCH', path, { session: bob }, WatchlistChanged, { name: 'Mine now' })).status).toBe(404);
  expect((await call(app, 'DELETE', path, { session: bob }, Done)).status).toBe(404);
  expect((await call(app, 'GET', `${path}/deliveries`, { session: bob }, DeliveryLog)).status).toBe(404);
  const unknown = '/api/watchlists/wl-0123456789abcdef';
  expect((await call(app, 'PATCH', unknown, { session: alice }, WatchlistChanged, { name: 'Nothing' })).status).toBe(404);
  expect((await call(app, 'DELETE', unknown, { session: alice }, Done)).status).toBe(404);
  expect((await call(app, 'PATCH', '/api/watchlists/not-an-id', { session: alice }, WatchlistChanged, { name: 'x' })).status).toBe(400);
  expect((await call(app, 'PATCH', path, null, WatchlistChanged, { name: 'Anyone' })).status).toBe(401);
  expect((await call(app, 'PATCH', path, { session: alice, csrf: false }, WatchlistChanged, { name: 'Forged' })).status).toBe(403);
  expect(await ok(app, 'GET', path, { session: alice }, WatchlistView)).toMatchObject({ name: 'Viasna' });

  await ok(app, 'DELETE', path, { session: alice }, Done);
  expect((await call(app, 'GET', path, { session: alice }, WatchlistView)).status).toBe(404);
});

test('the delivery log comes a page at a time, latest attempt first, every attempt once', async () => {
  const made = await ok(app, 'POST', '/api/watchlists', { session: alice }, WatchlistCreated, {
    name: 'Paged',
    follow: { actor: 'belarus' },
    webhook: receiverUrl,
  });
  // Five attempts logged, the attempts of two deliveries.
  for (const [id, attempt, at] of [
    ['dl-aaaaaaaaaaaaaaaa', 1, '2026-01-01T10:00:00Z'],
    ['dl-aaaaaaaaaaaaaaaa', 2, '2026-01-01T10:00:05Z'],
    ['dl-bbbbbbbbbbbbbbbb', 1, '2026-01-02T10:00:00Z'],
    ['dl-bbbbbbbbbbbbbbbb', 2, '2026-01-02T10:00:00Z'],
    ['dl-bbbbbbbbbbbbbbbb', 3, '2026-01-02T10:00:10Z'],
  ] as const)
    await db.driver.executeQuery(
      `CREATE (:WebhookDelivery {id: $id, watchlist: $watchlist, at: datetime($at), attempt: $attempt, status: 500, ok: false,
                                 error: 'the receiver answered 500', events: 3})`,
      { id, watchlist: made.id, at, attempt: neo4jInt(attempt) },
      { database: db.database },
    );
  const seen: Array<[string, number]> = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: z.output<typeof DeliveryLog> = await ok(app, 'GET', `/api/watchlists/${made.id}/deliveries${query}`, { session: alice }, DeliveryLog);
    expect(page.items.length).toBeLessThanOrEqual(2);
    seen.push(...page.items.map((d): [string, number] => [d.id, d.attempt]));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  expect(pages).toBe(3);
  expect(seen).toEqual([
    ['dl-bbbbbbbbbbbbbbbb', 3],
    ['dl-bbbbbbbbbbbbbbbb', 2],
    ['dl-bbbbbbbbbbbbbbbb', 1],
    ['dl-aaaaaaaaaaaaaaaa', 2],
    ['dl-aaaaaaaaaaaaaaaa', 1],
  ]);
  const forged = await call(app, 'GET', `/api/watchlists/${made.id}/deliveries?cursor=garbage`, { session: alice }, DeliveryLog);
  expect(forged.status).toBe(400);
  expect(JSON.stringify(forged.body)).toContain('cursor');
});

test("the pages' forms: refusals by field (400), another user's watchlist 404, no CSRF token 403", async () => {
  const made = await ok(app, 'POST', '/api/watchlists', { session: alice }, WatchlistCreated, { name: 'Forms', follow: { actor: 'belavia' } });
  const post = (path: string, session: Session, fields: Record<string, string>, csrf = true) =>
    fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...(csrf ? { _csrf: session.csrf } : {}), ...fields }),
    });
  const fields = { name: 'Forms', actor: 'belavia', other: '', type: '', webhook: '' };

  const pair = await post('/watch', alice, { ...fields, other: 'belavia' });
  expect(pair.status).toBe(400);
  expect(await pair.text()).toMatch(/data-field-error="other">a pair is two different actors</);
  const nobody = await post(`/watch/${made.id}`, alice, { ...fields, actor: 'nobody-at-all' });
  expect(nobody.status).toBe(400);
  expect(await nobody.text()).toMatch(/data-field-error="actor">is not an actor of the knowledge base</);
  const badHook = await post(`/watch/${made.id}`, alice, { ...fields, webhook: 'ftp://example.org/hook' });
  expect(badHook.status).toBe(400);
  expect(await badHook.text()).toMatch(/data-field-error="webhook">must be an http or https address</);

  expect((await post(`/watch/${made.id}`, bob, { ...fields, name: 'Mine now' })).status).toBe(404);
  expect((await post(`/watch/${made.id}/delete`, bob, {})).status).toBe(404);
  expect((await fetch(`${app.baseUrl}/watch/${made.id}`, { headers: { cookie: bob.cookie } })).status).toBe(404);
  expect((await fetch(`${app.baseUrl}/watch/${made.id}/deliveries`, { headers: { cookie: bob.cookie } })).status).toBe(404);
  expect((await post(`/watch/${made.id}/delete`, alice, {}, false)).status).toBe(403);
  expect(await ok(app, 'GET', `/api/watchlists/${made.id}`, { session: alice }, WatchlistView)).toMatchObject({ name: 'Forms', follow: { actor: 'belavia' } });

  const saved = await post(`/watch/${made.id}`, alice, { ...fields, name: 'Belavia', type: 'sanctions_lifted' });
  expect(saved.status).toBe(303);
  expect(saved.headers.get('location')).toBe(`/watch/${made.id}?saved=1`);
  expect(await ok(app, 'GET', `/api/watchlists/${made.id}`, { session: alice }, WatchlistView)).toMatchObject({
    name: 'Belavia',
    follow: { actor: 'belavia', other: null, type: 'sanctions_lifted' },
  });
  const deleted = await post(`/watch/${made.id}/delete`, alice, {});
  expect(deleted.status).toBe(303);
  expect((await call(app, 'GET', `/api/watchlists/${made.id}`, { session: alice }, WatchlistView)).status).toBe(404);
});
