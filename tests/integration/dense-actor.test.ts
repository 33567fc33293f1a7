import { ActorDetail, RelationshipList } from '../../src/actors/actors.schemas';
import { requireActor } from '../../src/actors/actors.service';
import { isDense } from '../../src/db/dense';
import { read, type Db } from '../../src/db/query';
import { EVENT_TYPES } from '../../src/domain/taxonomy';
import { EventPage } from '../../src/events/events.schemas';
import { Graph } from '../../src/graph/graph.schemas';
import { loadFactsPaths } from '../../src/ingest/load';
import { WhoDidWhatAnswer } from '../../src/who-did-what/who-did-what.schemas';
import { removeDir } from '../faults/support';
import { tempFactsDir, writeFacts } from '../helpers/facts-fixtures';
import { getOk, startTestApp, type RunningApp } from '../helpers/test-app';
import { openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * A dense actor (src/db/dense.ts) is answered by walking the date index instead of expanding its events.
 * The walk must give exactly what the expansion gives: the same events, in the same order, page after
 * page. The truth here is a plain query over the actor's own events.
 */

const ARTICLES = 16;
const EVENTS_PER_ARTICLE = 1000;
const HUB = 'hub-state';

let db: Db;
let app: RunningApp;
let dir: string;

/** The hub takes part in two events of three, on dates that repeat (ties are ordered by id). */
function writeDenseCorpus(): void {
  const others = Array.from({ length: 6 }, (_, i) => ({ id: `other-${i}`, name: `Other ${i}`, kind: 'state' }));
  const actors = [{ id: HUB, name: 'Hub State', kind: 'state' }, ...others];
  for (let a = 0; a < ARTICLES; a += 1) {
    const sentence = (e: number) => `Dense article ${a} reports event ${e}.`;
    const day = (n: number) => new Date(Date.UTC(1995, 0, 1) + ((n * 7919) % 11000) * 86_400_000).toISOString().slice(0, 10);
    writeFacts(dir, `dense-${String(a).padStart(2, '0')}.json`, {
      article: {
        id: `dense-article-${a}`,
        title: `Dense article ${a}`,
        publishedAt: '2025-01-01',
        text: Array.from({ length: EVENTS_PER_ARTICLE }, (_, e) => sentence(e)).join(' '),
      },
      actors,
      events: Array.from({ length: EVENTS_PER_ARTICLE }, (_, e) => {
        const n = a * EVENTS_PER_ARTICLE + e;
        const first = n % 3 === 0 ? `other-${n % 6}` : HUB;
        return {
          id: `dense-${a}-${e}`,
          type: EVENT_TYPES[n % EVENT_TYPES.length],
          title: `Dense event ${n}`,
          date: { start: day(n) },
          participants: [
            { actor: first, role: 'agent' },
            { actor: `other-${(n + 1) % 6}`, role: 'target' },
          ],
          sources: [{ quote: sentence(e) }],
        };
      }),
    });
  }
}

/** The hub's events straight from its relationships, in date then id order. */
async function truth(extra: { type?: string; from?: string; to?: string } = {}): Promise<string[]> {
  const rows = await read<{ id: string }>(
    db,
    `MATCH (:Actor {id: $hub})-[:PARTICIPATED_IN]->(e:Event)
     WHERE ($type IS NULL OR e.type = $type) AND ($to IS NULL OR e.date <= date($to))
       AND ($from IS NULL OR e.lastDate >= date($from))
     WITH DISTINCT e ORDER BY e.date, e.id RETURN e.id AS id`,
    { hub: HUB, type: extra.type ?? null, from: extra.from ?? null, to: extra.to ?? null },
  );
  return rows.map((row) => row.id);
}

/** The first `pages` pages of /api/events for the query, following the cursor. */
async function pagesOf(query: string, pages: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page += 1) {
    const path: string = `/api/events?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const body = await getOk(app, path, EventPage);
    ids.push(...body.items.map((item) => item.id));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  dir = tempFactsDir();
  writeDenseCorpus();
  await loadFactsPaths(db, [dir]);
  app = await startTestApp(db);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await resetToSeed(db);
  await db?.driver.close();
  removeDir(dir);
});

test('the fixture is dense: the hub takes part in enough events for the date-index walk', async () => {
  const { degree } = await requireActor(db, HUB);
  const events = ARTICLES * EVENTS_PER_ARTICLE;
  expect(degree).toBe(events - Math.ceil(events / 3));
  expect(isDense(degree)).toBe(true);
  expect(isDense((await requireActor(db, 'other-0')).degree)).toBe(false);
});

test("a dense actor's events, page after page, are its events in date order", async () => {
  const expected = await truth();
  expect(await pagesOf(`actor=${HUB}&limit=100`, 3)).toEqual(expected.slice(0, 300));
});

test("a dense actor's events of one type, from a day and up to a day, are the same as expanding its events", async () => {
  const type = EVENT_TYPES[1] as string;
  expect(await pagesOf(`actor=${HUB}&type=${type}&limit=50`, 2)).toEqual((await truth({ type })).slice(0, 100));
  const from = '2020-01-01';
  expect(await pagesOf(`actor=${HUB}&from=${from}&limit=100`, 1)).toEqual((await truth({ from })).slice(0, 100));
  const to = '1996-06-30';
  const early = await truth({ to });
  expect(early.length).toBeGreaterThan(0);
  expect(await pagesOf(`actor=${HUB}&to=${to}&limit=200`, 50)).toEqual(early);
});

test('who did what for a dense actor lists its events in date order', async () => {
  const body = await getOk(app, `/api/who-did-what?actor=${HUB}&limit=40`, WhoDidWhatAnswer);
  expect(body.items.map((row) => row.event.id)).toEqual((await truth()).slice(0, 40));
});

test("a dense actor's profile gives the first and the latest day of its events", async () => {
  const rows = await read<{ first: string; last: string }>(
    db,
    'MATCH (:Actor {id: $hub})-[:PARTICIPATED_IN]->(e) RETURN toString(min(e.date)) AS first, toString(max(e.date)) AS last',
    { hub: HUB },
  );
  const body = await getOk(app, `/api/actors/${HUB}`, ActorDetail);
  expect({ first: body.firstEvent, last: body.lastEvent }).toEqual(rows[0]);
  expect(body.eventCount).toBe((await requireActor(db, HUB)).degree);
});

test("the actor page lists a dense actor's first events", async () => {
  const response = await fetch(`${app.baseUrl}/actors/${HUB}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const [first] = await truth();
  expect(html).toContain(`/events/${first}`);
});

test("a dense actor's partners, in its relationships and its graph, are counted from the events they share, strongest first", async () => {
  const partners = await read<{ id: string; shared: number }>(
    db,
    `MATCH (:Actor {id: $hub})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(other:Actor) WHERE other.id <> $hub
     RETURN other.id AS id, count(DISTINCT e) AS shared ORDER BY shared DESC, id`,
    { hub: HUB },
  );
  expect(partners.length).toBeGreaterThan(2);
  const body = await getOk(app, `/api/actors/${HUB}/relationships`, RelationshipList);
  expect(body.items.map((r) => ({ id: r.actor.id, shared: r.sharedEventCount }))).toEqual(partners);
  const graph = await getOk(app, `/api/graph?actor=${HUB}&limit=3`, Graph);
  expect(graph.nodes.map((n) => n.id)).toEqual([HUB, ...partners.slice(0, 2).map((p) => p.id)]);
});
