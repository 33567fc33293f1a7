import fs from 'node:fs';
import { writeCorpus } from '../../src/corpus/write';
import { read, type Db } from '../../src/db/query';
import { type BatchSize, loadEntries, loadFactsPaths, readFactsPaths } from '../../src/ingest/load';
import { tempFactsDir } from '../helpers/facts-fixtures';
import { clearDatabase, contentFingerprint, openTestDb } from '../helpers/test-db';

/**
 * A file load (loadFactsPaths: several batches, two in flight) creates the affiliations the database does not hold
 * rather than merging them, writes their role links at its end, and on a first load looks only for the events it
 * created itself. Its end state must be the one the plain path gives (loadEntries: one batch at a time, every
 * affiliation merged, role links and summaries written in each batch), on an empty database and on a loaded one.
 */

jest.setTimeout(300_000);

// Enough events, in small batches, for several batches of the synthetic corpus, whose busy actors hold many roles.
const EVENTS = 1_500;
const SMALL: BatchSize = { rows: 1_500, articles: 100 };

let db: Db;
let dir: string;
let plain: string;

const count = async (cypher: string) => Number((await read<{ n: number }>(db, cypher))[0]?.n);

beforeAll(async () => {
  // Thousands of events per statement on a machine running the rest of the suite: more than a request's budget.
  db = openTestDb({ DB_BUDGET_S: 120 });
  dir = tempFactsDir();
  writeCorpus(EVENTS, 4, dir, () => true);
  await clearDatabase(db);
  await loadEntries(db, readFactsPaths([dir]), undefined, undefined, SMALL);
  plain = await contentFingerprint(db);
  await clearDatabase(db);
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await clearDatabase(db);
  await db.driver.close();
});

test('the corpus states affiliations, some of them more than once, in several batches', async () => {
  const stated = readFactsPaths([dir]).flatMap(({ facts }) => facts.affiliations ?? []);
  expect(stated.length).toBeGreaterThan(20);
  const keys = new Set(stated.map((a) => `${a.actor}|${a.counterpart}|${a.role}`));
  expect(keys.size).toBeLessThan(stated.length);
});

test('a first file load ends in the same graph as the plain path: one affiliation per statement, every role link', async () => {
  await loadFactsPaths(db, [dir], undefined, { batchSize: SMALL });
  expect(await count('MATCH (a:Actor)-[r:AFFILIATED_WITH]->(c:Actor) WITH a, c, r.role AS role, count(*) AS n WHERE n > 1 RETURN count(*) AS n')).toBe(0);
  expect(
    await count(
      `MATCH (a:Actor)-[:AFFILIATED_WITH]-(b:Actor) WHERE a.id < b.id
       WITH DISTINCT a, b WHERE NOT EXISTS { (a)-[:IN_ROLE]->(:RoleLink {id: a.id + '|' + b.id})<-[:IN_ROLE]-(b) }
       RETURN count(*) AS n`,
    ),
  ).toBe(0);
  expect(await contentFingerprint(db)).toBe(plain);
});

test('loading the same files again into the loaded database changes nothing', async () => {
  await loadFactsPaths(db, [dir], undefined, { batchSize: SMALL });
  expect(await contentFingerprint(db)).toBe(plain);
});
