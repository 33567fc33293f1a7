import type { ProfiledPlan } from 'neo4j-driver';
import { recordingDb } from '../../src/bench/recording-db';
import { read, type Db } from '../../src/db/query';
import { TARGET_ROLES } from '../../src/domain/taxonomy';
import { chooseClaim } from '../../src/events/events.service';
import { WhoDidWhatAnswer } from '../../src/who-did-what/who-did-what.schemas';
import { whoDidWhat } from '../../src/who-did-what/who-did-what.repository';
import { loadFacts } from '../helpers/browse-fixtures';
import { getOk, startTestApp, type RunningApp } from '../helpers/test-app';
import { openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * Who-did-what for an actor reads its events from the index of its participations in date order
 * (db/participation-order.ts). Walked page by page, it must give exactly what a plain ORDER BY over the actor's
 * events gives, ties on the day included, an actor in two roles of one event once; an event whose shown date
 * changes (its article reloaded, a second report settling it, an editor's choice) moves in that order; and a page
 * reads about a page of the index, not every event of the actor.
 */

const HUB = 'order-hub';
const EVENTS = 150;
const TYPES = ['talks', 'statement', 'criticism'] as const;
const ARTICLE = 'order-article';

let db: Db;
let app: RunningApp;

/** Event n: one of 20 days (so about 7 events share each), the hub as agent, target, or agent and source. */
function event(n: number, start = day(n)) {
  const role = n % 4 === 0 ? 'target' : 'agent';
  const participants = [
    { actor: HUB, role },
    { actor: `order-other-${n % 3}`, role: role === 'agent' ? 'target' : 'agent' },
    ...(n % 5 === 0 ? [{ actor: HUB, role: 'source' }] : []),
  ];
  return {
    id: `order-event-${String((n * 37) % 1000).padStart(3, '0')}`,
    type: TYPES[n % 3],
    title: `Order event ${n}`,
    date: { start },
    participants,
    sources: [{ quote: sentence(n) }],
  };
}

const day = (n: number) => `2001-${String(1 + (n % 10)).padStart(2, '0')}-${String(10 + (n % 2)).padStart(2, '0')}`;
const sentence = (n: number) => `Order sentence ${n}.`;

function facts(dates: Record<number, string> = {}) {
  return {
    article: { id: ARTICLE, title: 'Order article', publishedAt: '2002-01-01', text: Array.from({ length: EVENTS }, (_, n) => sentence(n)).join(' ') },
    actors: [{ id: HUB, name: 'Order Hub', kind: 'state' }, ...[0, 1, 2].map((i) => ({ id: `order-other-${i}`, name: `Order Other ${i}`, kind: 'state' }))],
    events: Array.from({ length: EVENTS }, (_, n) => event(n, dates[n])),
  };
}

/** The truth: the events straight from the hub's relationships, in date then id order. */
async function truth(extra: { type?: string; targetOnly?: boolean; from?: string } = {}): Promise<string[]> {
  const rows = await read<{ id: string }>(
    db,
    `MATCH (:Actor {id: $hub})-[p:PARTICIPATED_IN]->(e:Event)
     WHERE ($type IS NULL OR e.type = $type) AND (NOT $targetOnly OR p.role IN $targetRoles)
       AND ($from IS NULL OR e.lastDate >= date($from))
     WITH DISTINCT e ORDER BY e.date, e.id RETURN e.id AS id`,
    { hub: HUB, type: extra.type ?? null, targetOnly: extra.targetOnly ?? false, from: extra.from ?? null, targetRoles: TARGET_ROLES },
  );
  return rows.map((row) => row.id);
}

/** Every page of /api/who-did-what for the query, following the cursor. */
async function walk(query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/who-did-what?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const body = await getOk(app, path, WhoDidWhatAnswer);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...body.items.map((item) => item.event.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  await loadFacts(db, facts());
  app = await startTestApp(db);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await resetToSeed(db);
  await db?.driver.close();
});

test('every participation carries its actor, its event and its event’s type and date as keys', async () => {
  const [row] = await read<{ all: number; keyed: number }>(
    db,
    `MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e:Event)
     RETURN count(p) AS all, count(CASE WHEN p.actor = a.id AND p.event = e.id AND p.type = e.type AND p.date = e.date THEN 1 END) AS keyed`,
  );
  expect(row!.all).toBeGreaterThan(EVENTS * 2);
  expect(row!.keyed).toBe(row!.all);
});

test("an actor's events, page after page, are exactly its events in date order, ties on the day by id", async () => {
  const expected = await truth();
  expect(expected).toHaveLength(EVENTS);
  expect(await walk(`actor=${HUB}`, 7)).toEqual(expected);
  expect(await walk(`actor=${HUB}`, 1)).toEqual(expected);
});

test('of one type, as a target, from a day, and with a second actor, the pages are the plain order’s too', async () => {
  for (const type of TYPES) expect(await walk(`actor=${HUB}&action=${type}`, 6)).toEqual(await truth({ type }));
  expect(await walk(`target=${HUB}`, 5)).toEqual(await truth({ targetOnly: true }));
  expect(await walk(`actor=${HUB}&from=2001-06-01`, 8)).toEqual(await truth({ from: '2001-06-01' }));
  const withOther = await walk(`actor=${HUB}&target=order-other-1`, 4);
  expect(withOther.length).toBeGreaterThan(0);
  expect(withOther).toEqual((await truth()).filter((id) => withOther.includes(id)));
});

test("a page reads a page of the actor's participations from the index, not all of them", async () => {
  const recorder = recordingDb(db);
  const filter = { actor: HUB, action: null, target: null, from: null, to: null, status: null };
  await whoDidWhat(recorder.db, filter, HUB, 6, null);
  const [query] = recorder.take();
  // An index dropped and made again by another file's migration test may still be populating: the planner skips it.
  await db.driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database: db.database });
  const { summary } = await db.driver.executeQuery(`PROFILE ${query!.cypher}`, query!.params, { database: db.database });
  const operators: Array<{ operatorType: string; rows: number; arguments: Record<string, unknown> }> = [];
  const visit = (plan: ProfiledPlan) => {
    operators.push({ operatorType: plan.operatorType, rows: plan.rows, arguments: plan.arguments });
    for (const child of plan.children) visit(child);
  };
  if (!summary.profile) throw new Error('PROFILE gave no profile');
  visit(summary.profile);
  const seek = operators.find((op) => op.operatorType.startsWith('DirectedRelationshipIndexSeek'));
  // The whole plan, one operator a line, so that a failure shows what the planner chose instead.
  const plan = operators.map((op) => `${op.operatorType}: ${String(op.arguments.Details)}`).join('\n');
  expect(plan).toMatch(/^DirectedRelationshipIndexSeek[^\n]*PARTICIPATED_IN\(actor, date, event\)/m);
  // Seven events (the page and the one that says there is more), a second role in some of them, and what the
  // runtime reads ahead in a batch: a few dozen at most of the hub's 180 participations, and none of them sorted.
  const [{ participations }] = (await read<{ participations: number }>(
    db,
    'MATCH (:Actor {id: $hub})-[p:PARTICIPATED_IN]->() RETURN count(p) AS participations',
    {
      hub: HUB,
    },
  )) as [{ participations: number }];
  expect(participations).toBe(EVENTS + EVENTS / 5);
  expect(seek!.rows).toBeLessThan(30);
  expect(operators.some((op) => op.operatorType.startsWith('Sort') && op.rows > 10)).toBe(false);
});

test('an event whose date changes moves in the order: its article reloaded, a second report, an editor’s choice', async () => {
  // The article reloaded with event 3 a year later and event 8 on the first day of all.
  await loadFacts(db, facts({ 3: '2002-05-05', 8: '2000-12-31' }));
  const reloaded = await walk(`actor=${HUB}`, 9);
  expect(reloaded).toEqual(await truth());
  expect(reloaded.at(-1)).toBe(event(3).id);
  expect(reloaded[0]).toBe(event(8).id);

  // A month-precise event, which a later report gives a day inside that month: the day shows, and the event moves.
  const vague = { ...event(0, '2001-07'), id: 'order-vague', participants: [{ actor: HUB, role: 'agent' }], sources: [{ quote: 'Vague talks.' }] };
  await loadFacts(db, { article: { id: 'order-vague-first', title: 'Vague', publishedAt: '2002-02-01', text: 'Vague talks.' }, actors: [], events: [vague] });
  const monthFirst = await walk(`actor=${HUB}`, 10);
  expect(monthFirst).toEqual(await truth());
  const precise = { ...vague, date: { start: '2001-07-30' }, sources: [{ quote: 'Precise talks.' }] };
  await loadFacts(db, {
    article: { id: 'order-vague-second', title: 'Precise', publishedAt: '2002-03-01', text: 'Precise talks.' },
    actors: [],
    events: [precise],
  });
  const [shown] = await read<{ date: string }>(db, "MATCH (e:Event {id: 'order-vague'}) RETURN toString(e.date) AS date");
  expect(shown!.date).toBe('2001-07-30');
  const settled = await walk(`actor=${HUB}`, 10);
  expect(settled).toEqual(await truth());
  expect(settled.indexOf('order-vague')).toBeGreaterThan(monthFirst.indexOf('order-vague'));

  // An editor chooses the first report's date: back to the first of the month.
  await chooseClaim(db, 'order-vague', { field: 'date', article: 'order-vague-first' }, { name: 'editor', role: 'editor', via: 'session' });
  const chosen = await walk(`actor=${HUB}`, 10);
  expect(chosen).toEqual(await truth());
  expect(chosen.indexOf('order-vague')).toBe(monthFirst.indexOf('order-vague'));
});
