import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { backupToFile, restoreBackup } from '../../src/backup/backup.service';
import { read, type Db } from '../../src/db/query';
import { countsByType } from '../../src/domain/taxonomy';
import { chooseClaim } from '../../src/events/events.service';
import { placeCounts as placeCountsStep } from '../../src/migrations/steps/012-place-counts';
import { monthsCarried } from '../../src/places/place-counts';
import { countByPlace, countByPlaceFromEvents, type EventFilters, listEventsInArea, type PlaceCount } from '../../src/places/places.repository';
import { pageFrom } from '../../src/domain/cursor';
import { countByCountry, countByCountryFromEvents, type SeriesRow } from '../../src/stats/series.repository';
import { bulkFacts, loadFacts } from '../helpers/browse-fixtures';
import { clearDatabase, contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * The counts per place, place and year, place and month (src/places/place-counts.ts) must always equal what counting
 * the located events gives, after every write: a load, an edited article, the settling of claims, a file load that
 * writes its summaries at its end, a restore, the migration step that computes them. And the map's and the series'
 * answers read from them must equal the answers counted from the events, for windows of whole years and months, of
 * days at either edge, open on either side. (The bulk import's counts are held to the online loader's by
 * bulk-import.test.ts, which compares the whole content.)
 */

let db: Db;
beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
});
afterAll(async () => {
  await resetToSeed(db);
  await db.driver.close();
});

type Counts = { total: number; byType: Record<string, number> };

function tally(map: Map<string, Counts>, key: string, type: string): void {
  const counts = map.get(key) ?? { total: 0, byType: {} };
  counts.total += 1;
  counts.byType[type] = (counts.byType[type] ?? 0) + 1;
  map.set(key, counts);
}

/** The stored counts, and the same counted from the located events. */
async function storedAndCounted() {
  const events = await read<{ type: string; date: string; lastDate: string; places: string[] }>(
    db,
    `MATCH (e:Event)-[:LOCATED_AT]->(p:Place)
     RETURN e.type AS type, toString(e.date) AS date, toString(e.lastDate) AS lastDate, collect(DISTINCT p.id) AS places`,
  );
  const counted = new Map<string, Counts>();
  for (const { type, date, lastDate, places } of events) {
    for (const place of places) {
      tally(counted, place, type);
      tally(counted, `${place}|${date.slice(0, 4)}`, type);
      tally(counted, `${place}|${date.slice(0, 7)}`, type);
      for (const month of monthsCarried(date, lastDate)) tally(counted, `${place}|${month} carried`, type);
    }
  }
  const rows = await read<{ key: string; total: number; byType: number[]; carried: number[] | null }>(
    db,
    `MATCH (p:Place) WHERE p.eventTotal > 0 RETURN p.id AS key, p.eventTotal AS total, p.eventsByType AS byType, null AS carried
     UNION ALL
     MATCH (m:PlaceYear) RETURN m.id AS key, m.total AS total, m.byType AS byType, null AS carried
     UNION ALL
     MATCH (m:PlaceMonth) RETURN m.id AS key, m.total AS total, m.byType AS byType, m.carried AS carried`,
  );
  const stored = new Map<string, Counts>();
  for (const row of rows) {
    if (row.total > 0) stored.set(row.key, { total: row.total, byType: countsByType(row.byType) });
    const carried = countsByType(row.carried);
    const total = Object.values(carried).reduce((sum, n) => sum + (n ?? 0), 0);
    if (total > 0) stored.set(`${row.key} carried`, { total, byType: carried as Record<string, number> });
    // A row kept must count something.
    expect(row.total > 0 || total > 0).toBe(true);
  }
  return { stored, counted };
}

const byPlace = (counts: PlaceCount[]) => Object.fromEntries(counts.map((c) => [c.place.id, { count: c.count, types: c.types, place: c.place }]));
const seriesRows = (rows: SeriesRow[]) => rows.map((r) => `${r.key} ${r.label} ${r.bucket} ${r.type} ${r.count}`).sort();

/** Windows of whole years, whole months, days at either edge, open on either side, less than a month. */
const WINDOWS: EventFilters[] = [
  {},
  { type: 'talks' },
  { from: '2024-01-01', to: '2024-12-31' },
  { from: '2025-01-01', to: '2025-12-31', type: 'talks' },
  { from: '2020-03-01', to: '2025-10-31' },
  { from: '2024-02-10', to: '2025-09-20' },
  { from: '2025-09-01', to: '2025-09-30' },
  { from: '2024-01-20', to: '2024-03-10' },
  { from: '2024-02-15' },
  { to: '2024-02-15' },
  { from: '2024-03-01' },
  { to: '2020-12-31' },
  { from: '2025-09-05', to: '2025-09-25' },
];

async function expectCountsToMatchEvents(): Promise<void> {
  const { stored, counted } = await storedAndCounted();
  expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(counted));
  const differing: EventFilters[] = [];
  for (const filters of WINDOWS) {
    const fromCounts = byPlace(await countByPlace(db, filters));
    const fromEvents = byPlace(await countByPlaceFromEvents(db, filters));
    if (!isDeepStrictEqual(fromCounts, fromEvents)) differing.push(filters);
  }
  expect(differing).toEqual([]);
  for (const interval of ['year', 'month'] as const) {
    for (const type of [undefined, 'talks']) {
      const filters = { type };
      expect(seriesRows(await countByCountry(db, filters, interval, 8))).toEqual(seriesRows(await countByCountryFromEvents(db, filters, interval, 8)));
    }
  }
}

const sentence = (id: string) => `The envoys met about ${id}.`;

/** One article reporting these events of Belarus and Russia, each with its own sentence. */
function article(id: string, publishedAt: string, events: Reported[]) {
  return {
    article: { id, title: id, publishedAt, text: events.map((e) => sentence(e.id)).join(' ') },
    actors: [
      { id: 'belarus', name: 'Belarus', kind: 'state' },
      { id: 'russia', name: 'Russia', kind: 'state' },
    ],
    events: events.map((e) => ({
      id: e.id,
      type: e.type ?? 'talks',
      title: e.id,
      date: e.date,
      ...(e.place ? { place: e.place } : {}),
      participants: [
        { actor: 'belarus', role: 'agent' },
        { actor: 'russia', role: 'target' },
      ],
      sources: [{ quote: sentence(e.id) }],
    })),
  };
}

type Reported = { id: string; type?: string; place?: string; date: { start: string; end?: string } };

const SPANNING: Reported[] = [
  { id: 'places-months', place: 'Minsk', date: { start: '2024-01-20', end: '2024-03-05' } },
  { id: 'places-year', date: { start: '2024' } },
  { id: 'places-month', place: 'Moscow', date: { start: '2024-02' } },
  { id: 'places-day', place: 'Vienna', date: { start: '2024-02-15' } },
];

test('after loading the seed, the place counts equal the located events, and the map and series read from them agree', async () => {
  await expectCountsToMatchEvents();
  expect((await countByPlace(db, {})).length).toBeGreaterThan(2);
});

test('a load of events spanning months, then an edit moving one, retyping one and dropping one, keep them exact', async () => {
  await loadFacts(db, article('places-first', '2024-04-01', SPANNING));
  await expectCountsToMatchEvents();
  const edited = SPANNING.slice(0, 3).map((e) => ({ ...e }));
  edited[0] = { ...edited[0]!, place: 'Vienna', date: { start: '2023-12-30', end: '2024-02-14' } };
  edited[1] = { ...edited[1]!, type: 'agreement' };
  await loadFacts(db, article('places-first', '2024-04-01', edited));
  await expectCountsToMatchEvents();
});

test("the settling of claims, by a second source and by an editor's choice, keeps them exact", async () => {
  await loadFacts(db, article('places-one', '2024-05-01', [{ id: 'places-settled', date: { start: '2022' } }]));
  await loadFacts(db, article('places-two', '2024-05-02', [{ id: 'places-settled', place: 'Minsk', date: { start: '2022-06-10', end: '2022-08-02' } }]));
  await expectCountsToMatchEvents();
  await loadFacts(db, article('places-three', '2024-05-03', [{ id: 'places-chosen', date: { start: '2021-05-01' } }]));
  await loadFacts(db, article('places-four', '2024-05-04', [{ id: 'places-chosen', date: { start: '2021-04-28', end: '2021-06-02' } }]));
  await expectCountsToMatchEvents();
  await chooseClaim(db, 'places-chosen', { field: 'date', article: 'places-four' }, { name: 'editor', role: 'editor', via: 'session' });
  await expectCountsToMatchEvents();
});

test('a file load of many events, whose summaries are written at its end, keeps them exact', async () => {
  await loadFacts(db, bulkFacts(400, 2023));
  await expectCountsToMatchEvents();
});

test('a backup restored, and migration step 12 run again, give the same counts', async () => {
  const maintained = await contentFingerprint(db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'place-counts-'));
  try {
    const file = path.join(dir, 'backup.jsonl.gz');
    await backupToFile(db, file, 'test');
    await clearDatabase(db);
    await restoreBackup(db, file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(await contentFingerprint(db)).toBe(maintained);
  await expectCountsToMatchEvents();
  // As a database written before the counts existed, one left wrong as if by hand.
  await db.driver.executeQuery('MATCH (m:PlaceYear) DELETE m');
  await db.driver.executeQuery('MATCH (m:PlaceMonth) WITH m LIMIT 1 SET m.total = m.total + 3');
  await db.driver.executeQuery('MATCH (p:Place) REMOVE p.eventTotal, p.eventsByType');
  await placeCountsStep.run(db, () => {});
  await expectCountsToMatchEvents();
  expect(await contentFingerprint(db)).toBe(maintained);
});

/** Europe's box: the seed's Minsk and Belarus, and the events loaded above in Minsk, Moscow and Vienna. */
const EUROPE = { south: 40, west: 10, north: 60, east: 40 };

/** Every page of a box's events, read from its places' events (few) or by the date index (many). */
async function pagesOf(filters: EventFilters, fewInBox: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const { rows, codec } = await listEventsInArea(db, filters, EUROPE, 3, cursor, fewInBox);
    const page = pageFrom(rows, 3, codec);
    ids.push(...page.items.map((item) => `${item.date.start} ${item.id} ${[...item.places].sort().join('+')}`));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

test("a cluster's events, latest first a page at a time, are the same whichever way they are found", async () => {
  for (const filters of [{}, { type: 'talks' }, { from: '2024-02-10', to: '2025-09-20' }] as EventFilters[]) {
    const expected = await read<{ row: string }>(
      db,
      `MATCH (e:Event)-[:LOCATED_AT]->(p:Place)
       WHERE p.lat >= $south AND p.lat <= $north AND p.lon >= $west AND p.lon <= $east AND ($type IS NULL OR e.type = $type)
         AND ($from IS NULL OR e.lastDate >= date($from)) AND ($to IS NULL OR e.date <= date($to))
       WITH e, collect(p.name) AS places ORDER BY e.date DESC, e.id
       RETURN toString(e.date) + ' ' + e.id + ' ' AS row`,
      { ...EUROPE, type: filters.type ?? null, from: filters.from ?? null, to: filters.to ?? null },
    );
    expect(expected.length).toBeGreaterThan(3);
    const strip = (rows: string[]) => rows.map((row) => `${row.split(' ').slice(0, 2).join(' ')} `);
    expect(strip(await pagesOf(filters, Number.POSITIVE_INFINITY))).toEqual(expected.map((r) => r.row));
    expect(await pagesOf(filters, 0)).toEqual(await pagesOf(filters, Number.POSITIVE_INFINITY));
  }
});
