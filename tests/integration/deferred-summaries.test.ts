import { read, type Db } from '../../src/db/query';
import { type BatchSize, loadFactsPaths, prepareForWrites } from '../../src/ingest/load';
import { corpusArticleCount, halfWrittenArticles, removeDir, writeCorpus } from '../faults/support';
import { tempFactsDir } from '../helpers/facts-fixtures';
import { clearDatabase, contentFingerprint, openTestDb } from '../helpers/test-db';

/**
 * A file load writes the activity summaries of the events it creates once, at its end (src/ingest/deferred-summaries.ts).
 * A load that fails before then leaves its marker; the next start of the app or the next load computes the
 * summaries again from the events, so nothing the failed load committed is left uncounted.
 */

jest.setTimeout(180_000);

let db: Db;
let dir: string;
let expected: Map<string, number>;
let cleanLoad: string;
// Enough articles for several small write batches (src/ingest/load.ts), so the failure lands mid-load.
const ARTICLES = 20;
const EVENTS = 20;
const SMALL: BatchSize = { rows: 1_000, articles: 4 };

const markers = async () => (await read<{ n: number }>(db, 'MATCH (m:PendingSummaries) RETURN count(m) AS n'))[0]?.n;

/** Events each corpus actor takes part in, against its summary's count. */
const actorCounts = () =>
  read<{ id: string; total: number | null; actual: number }>(
    db,
    `MATCH (a:Actor) WHERE a.id STARTS WITH 'corpus-actor-'
     RETURN a.id AS id, a.eventTotal AS total, COUNT { (a)-[:PARTICIPATED_IN]->(:Event) } AS actual ORDER BY id`,
  );

beforeAll(async () => {
  db = openTestDb();
  dir = tempFactsDir();
  expected = writeCorpus(dir, ARTICLES, EVENTS);
  await clearDatabase(db);
  await loadFactsPaths(db, [dir], undefined, { batchSize: SMALL });
  cleanLoad = await contentFingerprint(db);
});
afterAll(async () => {
  removeDir(dir);
  await clearDatabase(db);
  await db.driver.close();
});

test('a load writes its summaries at its end and leaves no marker', async () => {
  expect(await markers()).toBe(0);
  const counts = await actorCounts();
  expect(counts).toHaveLength(8);
  for (const { total, actual } of counts) expect(total).toBe(actual);
});

test('a load that fails mid-way leaves its marker; the next start computes the summaries, the next load equals a clean one', async () => {
  await clearDatabase(db);
  const failure = new Error('stopped after the first batch');
  const outcome = await loadFactsPaths(
    db,
    [dir],
    () => {
      throw failure;
    },
    { batchSize: SMALL },
  ).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBe(failure);
  const loaded = await corpusArticleCount(db);
  expect(loaded).toBeGreaterThanOrEqual(1);
  expect(loaded).toBeLessThan(ARTICLES);
  expect(await halfWrittenArticles(db, expected)).toEqual([]);
  // The committed batches' events are not in the summaries yet, and the marker says so.
  expect(await markers()).toBe(1);
  expect((await actorCounts()).some(({ total, actual }) => total !== actual)).toBe(true);

  await prepareForWrites(db); // what the app does at its start
  expect(await markers()).toBe(0);
  for (const { total, actual } of await actorCounts()) expect(total).toBe(actual);

  await loadFactsPaths(db, [dir], undefined, { batchSize: SMALL });
  expect(await contentFingerprint(db)).toBe(cleanLoad);
});

test('the next load finds an abandoned marker itself and ends equal to a clean load', async () => {
  await clearDatabase(db);
  const failure = new Error('stopped after the first batch');
  await expect(
    loadFactsPaths(
      db,
      [dir],
      () => {
        throw failure;
      },
      { batchSize: SMALL },
    ),
  ).rejects.toBe(failure);
  expect(await markers()).toBe(1);
  await loadFactsPaths(db, [dir], undefined, { batchSize: SMALL });
  expect(await markers()).toBe(0);
  expect(await contentFingerprint(db)).toBe(cleanLoad);
});
