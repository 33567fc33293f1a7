import { read, type Db } from '../../src/db/query';
import { countsByType } from '../../src/domain/taxonomy';
import { loadSeed } from '../../src/ingest/seed';
import { LATEST_KEPT } from '../../src/db/cypher';
import { activitySummaries } from '../../src/migrations/steps/002-activity-summaries';
import { pairsLatestEvents } from '../../src/migrations/steps/003-pairs-latest-events';
import { monthCounts as monthCountsStep } from '../../src/migrations/steps/008-month-counts';
import { loadFacts } from '../helpers/browse-fixtures';
import { seedFactsObject, smallFacts } from '../helpers/facts-fixtures';
import { contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * The activity summaries (src/ingest/summaries.ts) must always equal what counting the events themselves
 * gives, whatever a load did: a new article, a report merged into a known event, an edited article
 * withdrawing a participant and changing a type, a rebuild of a database written without them. Each pair's
 * list of latest shared events must be the `LATEST_KEPT` newest of them (by day, then id), as the events say.
 * The counts per month, and per actor and month, likewise.
 */

let db: Db;
beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
});
afterAll(() => db.driver.close());

type Counts = { total: number; byType: Record<string, number> };

/** Newest first, then by id. */
const newestFirst = (a: { id: string; date: string }, b: { id: string; date: string }) =>
  a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? -1 : 1;

function tally(map: Map<string, Counts>, key: string, type: string): void {
  const counts = map.get(key) ?? { total: 0, byType: {} };
  counts.total += 1;
  counts.byType[type] = (counts.byType[type] ?? 0) + 1;
  map.set(key, counts);
}

/** Per actor and per pair of actors, counted from the PARTICIPATED_IN relationships alone. */
async function countedFromEvents() {
  const rows = await read<{ event: string; type: string; date: string; actors: string[] }>(
    db,
    `MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event) WITH e, collect(DISTINCT a.id) AS actors
     RETURN e.id AS event, e.type AS type, toString(e.date) AS date, actors`,
  );
  const actors = new Map<string, Counts>();
  const pairs = new Map<string, Counts>();
  const shared = new Map<string, Array<{ id: string; date: string }>>();
  for (const { event, type, date, actors: ids } of rows) {
    const sorted = [...ids].sort();
    sorted.forEach((a, i) => {
      tally(actors, a, type);
      for (const b of sorted.slice(i + 1)) {
        tally(pairs, `${a}|${b}`, type);
        shared.set(`${a}|${b}`, [...(shared.get(`${a}|${b}`) ?? []), { id: event, date }]);
      }
    });
  }
  const latest = new Map(
    [...shared].map(([key, events]) => [
      key,
      events
        .sort(newestFirst)
        .slice(0, LATEST_KEPT)
        .map((e) => e.id),
    ]),
  );
  return { actors, pairs, latest };
}

async function storedSummaries() {
  const actorRows = await read<{ id: string; total: number | null; byType: number[] | null }>(
    db,
    'MATCH (a:Actor) RETURN a.id AS id, a.eventTotal AS total, a.eventsByType AS byType',
  );
  const pairRows = await read<{ key: string; ends: string; total: number; byType: number[]; latest: string[]; days: string[] }>(
    db,
    `MATCH (a:Actor)-[:IN_PAIR]->(p:ActorPair)<-[:IN_PAIR]-(b:Actor) WHERE a.id < b.id
     RETURN p.id AS key, a.id + '|' + b.id AS ends, p.total AS total, p.byType AS byType,
            p.latestIds AS latest, [d IN p.latestDates | toString(d)] AS days`,
  );
  const actors = new Map<string, Counts>();
  for (const row of actorRows) if ((row.total ?? 0) > 0) actors.set(row.id, { total: row.total!, byType: countsByType(row.byType) });
  const pairs = new Map(pairRows.map((row) => [row.key, { total: row.total, byType: countsByType(row.byType) }]));
  const [{ pairNodes }] = (await read<{ pairNodes: number }>(db, 'MATCH (p:ActorPair) RETURN count(p) AS pairNodes')) as [{ pairNodes: number }];
  expect(pairRows.every((row) => row.key === row.ends)).toBe(true);
  expect(pairNodes).toBe(pairRows.length);
  const latest = new Map(pairRows.map((row) => [row.key, row.latest]));
  const days = await read<{ ok: boolean }>(
    db,
    `UNWIND $rows AS row UNWIND range(0, size(row.latest) - 1) AS i
     MATCH (e:Event {id: row.latest[i]}) RETURN toString(e.date) = row.days[i] AS ok`,
    { rows: pairRows },
  );
  expect(days.every((row) => row.ok)).toBe(true);
  return { actors, pairs, latest, pairKeys: pairRows.map((row) => row.key) };
}

/** Per month, and per actor and month, counted from the events; and as stored (ingest/month-counts.ts). */
async function monthCounts() {
  const counted = new Map<string, Counts>();
  const rows = await read<{ month: string; type: string; actors: string[] }>(
    db,
    `MATCH (e:Event) RETURN substring(toString(e.date), 0, 7) AS month, e.type AS type,
       COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) RETURN DISTINCT a.id } AS actors`,
  );
  for (const { month, type, actors } of rows) {
    tally(counted, month, type);
    for (const actor of actors) tally(counted, `${actor}|${month}`, type);
  }
  const storedRows = await read<{ key: string; month: string; actor: string | null; total: number; byType: number[] }>(
    db,
    `MATCH (m) WHERE m:MonthCount OR m:ActorMonth
     RETURN m.id AS key, toString(m.month) AS month, m.actor AS actor, m.total AS total, m.byType AS byType`,
  );
  for (const row of storedRows) expect(row.key).toBe(row.actor ? `${row.actor}|${row.month.slice(0, 7)}` : row.month.slice(0, 7));
  const stored = new Map(storedRows.map((row) => [row.key, { total: row.total, byType: countsByType(row.byType) }]));
  return { counted, stored };
}

async function expectSummariesToMatchEvents(): Promise<void> {
  const months = await monthCounts();
  expect(Object.fromEntries(months.stored)).toEqual(Object.fromEntries(months.counted));
  const expected = await countedFromEvents();
  const stored = await storedSummaries();
  expect(Object.fromEntries(stored.actors)).toEqual(Object.fromEntries(expected.actors));
  expect(Object.fromEntries(stored.pairs)).toEqual(Object.fromEntries(expected.pairs));
  expect(Object.fromEntries(stored.latest)).toEqual(Object.fromEntries(expected.latest));
  expect(stored.pairKeys.every((key) => key.split('|')[0]! < key.split('|')[1]!)).toBe(true);
  expect(new Set(stored.pairKeys).size).toBe(stored.pairKeys.length);
}

test('after loading the seed, every actor and pair of actors is summarised exactly', async () => {
  await expectSummariesToMatchEvents();
  const [belarus] = await read<{ total: number }>(db, "MATCH (a:Actor {id: 'belarus'}) RETURN a.eventTotal AS total");
  expect(belarus!.total).toBeGreaterThan(5);
});

test('a second article reporting a known event with another participant adds to it', async () => {
  const seed = seedFactsObject();
  const talks = seed.events.find((e) => e.id === 'talks-minsk-2025-12')!;
  const sentence = 'Lithuania followed the talks in Minsk closely.';
  await loadFacts(db, {
    article: { id: 'article-observer', title: 'Observer', publishedAt: '2025-12-15', text: `${sentence} Nothing else happened.` },
    actors: [{ id: 'lithuania', name: 'Lithuania', kind: 'state' }],
    events: [
      {
        ...talks,
        participants: [...talks.participants, { actor: 'lithuania', role: 'mediator' }],
        sources: [{ quote: sentence }],
      },
    ],
  });
  const [pair] = await read<{ total: number }>(db, "MATCH (p:ActorPair {id: 'belarus|lithuania'}) RETURN p.total AS total");
  expect(pair!.total).toBe(1);
  await expectSummariesToMatchEvents();
});

test('an edited article that changes a type and drops a participant moves and removes counts', async () => {
  const facts = smallFacts('summaries');
  await loadFacts(db, facts);
  await expectSummariesToMatchEvents();
  const edited = structuredClone(facts);
  edited.actors.push({ id: 'ruritania', name: 'Ruritania', kind: 'state' });
  edited.events[0].type = 'agreement';
  edited.events[0].participants = [
    { actor: 'freedonia', role: 'agent' },
    { actor: 'ruritania', role: 'target' },
  ];
  await loadFacts(db, edited);
  const pairs = await read<{ other: string }>(db, "MATCH (:Actor {id: 'freedonia'})-[:IN_PAIR]->(:ActorPair)<-[:IN_PAIR]-(o:Actor) RETURN o.id AS other");
  expect(pairs.map((p) => p.other)).toEqual(['ruritania']);
  await expectSummariesToMatchEvents();
});

/** More events between Oceania and Eurasia than a pair keeps listed, two a day (a meeting and an agreement). */
function manyMeetings() {
  const sentence = 'Envoys of Oceania and Eurasia met again and again.';
  const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10);
  return {
    article: { id: 'article-many-meetings', title: 'Many meetings', publishedAt: '2024-06-01', text: `${sentence} Nothing else happened.` },
    actors: [
      { id: 'oceania', name: 'Oceania', kind: 'state' },
      { id: 'eurasia', name: 'Eurasia', kind: 'state' },
      { id: 'eastasia', name: 'Eastasia', kind: 'state' },
    ],
    events: Array.from({ length: LATEST_KEPT + 6 }, (_, i) => ({
      id: `meeting-${String(i).padStart(3, '0')}`,
      type: i % 2 === 0 ? 'talks' : 'agreement',
      title: `Oceania and Eurasia, ${i}`,
      date: { start: day(i) },
      participants: [
        { actor: 'oceania', role: 'agent' },
        { actor: 'eurasia', role: 'target' },
      ],
      sources: [{ quote: sentence }],
    })),
  };
}

test('a pair lists its latest shared events; an edit that takes a listed one away reads the next older one back', async () => {
  const facts = manyMeetings();
  await loadFacts(db, facts);
  const listed = async () => (await read<{ ids: string[] }>(db, "MATCH (p:ActorPair {id: 'eurasia|oceania'}) RETURN p.latestIds AS ids"))[0]!.ids;
  const first = await listed();
  expect(first).toHaveLength(LATEST_KEPT);
  expect(first.slice(0, 3)).toEqual(['meeting-260', 'meeting-261', 'meeting-258']);
  await expectSummariesToMatchEvents();
  // The two newest meetings lose Eurasia and an old one moves to the newest day: the list, one short, must
  // reach back for the next older one.
  const edited = structuredClone(facts);
  for (const event of edited.events.slice(-2)) {
    event.participants = [
      { actor: 'oceania', role: 'agent' },
      { actor: 'eastasia', role: 'target' },
    ];
  }
  edited.events[0]!.date = { start: '2021-06-01' };
  await loadFacts(db, edited);
  const second = await listed();
  expect(second.slice(0, 3)).toEqual(['meeting-000', 'meeting-258', 'meeting-259']);
  expect(second).toContain(first.at(-1));
  expect(second).toHaveLength(LATEST_KEPT);
  await expectSummariesToMatchEvents();
});

test('reloading an unchanged article leaves every summary as it was', async () => {
  const before = await contentFingerprint(db);
  await loadSeed(db, () => {});
  expect(await contentFingerprint(db)).toBe(before);
});

test('a database with summaries of an older form gets them computed again, equal to the maintained ones', async () => {
  // An actor whose last event was withdrawn keeps a zero count; a rebuild never writes one. Not a difference.
  const dropZeroCounts = () => db.driver.executeQuery('MATCH (a:Actor) WHERE a.eventTotal = 0 REMOVE a.eventTotal, a.eventsByType');
  await dropZeroCounts();
  const maintained = await contentFingerprint(db);
  // Version 1 kept pairs as relationships between the actors.
  await db.driver.executeQuery('MATCH (p:ActorPair) DETACH DELETE p');
  await db.driver.executeQuery("MATCH (a:Actor {id: 'belarus'}), (b:Actor {id: 'russia'}) CREATE (a)-[:SHARES_EVENTS {total: 1}]->(b)");
  // Before migrations were recorded, the form was kept in a SummaryVersion node; the migration step reads it.
  await db.driver.executeQuery("MERGE (v:SummaryVersion {id: 'activity'}) SET v.version = 1");
  // Before the counts per month existed; one left wrong, as if written by hand.
  await db.driver.executeQuery('MATCH (m:ActorMonth) DELETE m');
  await db.driver.executeQuery('MATCH (m:MonthCount) WITH m LIMIT 1 SET m.total = m.total + 7');
  await activitySummaries.run(db, () => {});
  await pairsLatestEvents.run(db, () => {});
  await monthCountsStep.run(db, () => {});
  expect((await read<{ n: number }>(db, 'MATCH ()-[s:SHARES_EVENTS]->() RETURN count(s) AS n'))[0]!.n).toBe(0);
  expect((await read<{ n: number }>(db, 'MATCH (v:SummaryVersion) RETURN count(v) AS n'))[0]!.n).toBe(0);
  await expectSummariesToMatchEvents();
  expect(await contentFingerprint(db)).toBe(maintained);
});

test('two articles creating the same new event at the same moment both land, and it is counted once', async () => {
  for (let round = 0; round < 5; round += 1) {
    const first = smallFacts(`race-${round}-a`);
    const second = smallFacts(`race-${round}-b`);
    second.events[0].id = first.events[0].id;
    await Promise.all([loadFacts(db, first), loadFacts(db, second)]);
    const [event] = await read<{ sources: number; participants: number }>(
      db,
      'MATCH (e:Event {id: $id}) RETURN COUNT { (e)-[:REPORTED_IN]->() } AS sources, COUNT { ()-[:PARTICIPATED_IN]->(e) } AS participants',
      { id: first.events[0].id },
    );
    expect(event).toEqual({ sources: 2, participants: 2 });
  }
  await expectSummariesToMatchEvents();
});
