import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/settings';
import { openDb } from '../../src/db/context';
import { connectionFor, removeInstance, runningPid, startLocalNeo4j, stopLocalNeo4j, type InstanceOptions } from '../../src/db/local-neo4j';
import type { Db } from '../../src/db/query';
import { ConflictError, FactsValidationError } from '../../src/domain/errors';
import { generateCorpus } from '../../src/corpus/generate';
import { bulkLoadFactsPaths, bulkTarget } from '../../src/ingest/bulk-load';
import { loadFactsPaths } from '../../src/ingest/load';
import { heldNodes } from '../../src/ingest/load.repository';
import { SEED_FACTS_DIR } from '../../src/ingest/seed';
import { planMigrations } from '../../src/migrations/migrations.service';
import { ensureBuilt, runKb } from '../helpers/cli';
import { smallFacts, tempFactsDir, writeFacts } from '../helpers/facts-fixtures';
import { clearDatabase, contentFingerprint } from '../helpers/test-db';

/**
 * `kb load --bulk` (neo4j-admin database import, then the summaries built) against the online loader, on an
 * instance of its own (it is stopped and started by the import): the suite's port + 300, or NEO4J_BULK_PORT.
 */
const TEST_PORT = Number(process.env.NEO4J_TEST_PORT ?? 7688);
const PORT = Number(process.env.NEO4J_BULK_PORT ?? TEST_PORT + 300);
const INSTANCE: InstanceOptions = { name: `bulk-${PORT}`, port: PORT, heap: '512m', pagecache: '256m' };
const SETTINGS = { DB_TIMEOUT_S: 120 };

jest.setTimeout(600_000);

let db: Db;
let paths: string[];
const quiet = () => {};

/**
 * A few articles: the seed (affiliations, links, reactions), a generated corpus (actors shared across articles),
 * and two articles that state the same actor with different codes and the same link between their events.
 */
function writeCorpus(): string[] {
  const dir = tempFactsDir();
  const corpus = [...generateCorpus({ events: 40, seed: 11, eventsPerArticle: 4 })];
  fs.writeFileSync(path.join(dir, 'corpus.jsonl'), `${corpus.map((d) => JSON.stringify(d)).join('\n')}\n`);
  const first = smallFacts('bulk-one');
  const second = smallFacts('bulk-two');
  first.actors[0] = { ...first.actors[0]!, aliases: ['Free; dom', 'F "quoted"'], wikidata: 'Q111' };
  second.actors[0] = { ...second.actors[0]!, description: 'A state of the fixtures.\nOn two lines.' };
  second.events.push({ ...second.events[0], id: 'talks-bulk-two-later', date: { start: '2024-03-05' } });
  second.links = [{ from: 'talks-bulk-one', to: 'talks-bulk-two', kind: 'follows' }];
  const facts = path.join(dir, 'facts');
  fs.mkdirSync(facts);
  writeFacts(facts, 'a-one.yaml', first);
  writeFacts(facts, 'b-two.json', second);
  writeFacts(facts, 'c-three.yaml', { ...smallFacts('bulk-three'), links: [{ from: 'talks-bulk-one', to: 'talks-bulk-two', kind: 'follows' }] });
  return [SEED_FACTS_DIR, dir];
}

beforeAll(async () => {
  ensureBuilt();
  await stopLocalNeo4j(INSTANCE.name, quiet);
  removeInstance(INSTANCE.name);
  db = openDb(await startLocalNeo4j(INSTANCE, quiet), SETTINGS);
  paths = writeCorpus();
});

afterAll(async () => {
  await db?.driver.close();
  await stopLocalNeo4j(INSTANCE.name, quiet);
  removeInstance(INSTANCE.name);
});

const reopen = async () => {
  await db.driver.close();
  db = openDb(connectionFor(INSTANCE), SETTINGS);
};

test('a facts file with a problem is refused before anything is written, the server never stopped', async () => {
  const dir = tempFactsDir();
  const bad = smallFacts('bad');
  bad.events[0].participants[0].actor = 'atlantis';
  const file = writeFacts(dir, 'bad.yaml', bad);
  const pid = runningPid(INSTANCE.name);
  const error = await bulkLoadFactsPaths(INSTANCE, [...paths, file], { settings: SETTINGS }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FactsValidationError);
  expect((error as FactsValidationError).problems).toEqual([
    expect.objectContaining({ file, path: 'events[0].participants[0].actor', reason: expect.stringContaining('atlantis') }),
  ]);
  expect(runningPid(INSTANCE.name)).toBe(pid);
  expect(await heldNodes(db)).toBe(0);
});

test('a bulk load holds what the online loader writes from the same facts, derived data included', async () => {
  const summary = await bulkLoadFactsPaths(INSTANCE, paths, { settings: SETTINGS });
  expect(summary.articles).toBe(14);
  await reopen();
  const bulk = await contentFingerprint(db);
  const count = async (cypher: string) => Number((await db.driver.executeQuery(cypher)).records[0]?.get(0));
  expect(await count('MATCH (e:Event) RETURN count(e)')).toBe(13 + 40 + 4);
  expect(await count('MATCH (p:ActorPair) WHERE size(p.latestIds) > 0 RETURN count(p)')).toBeGreaterThan(10);
  expect(await count('MATCH (:Event)-[:LOCATED_AT]->(:Place) RETURN count(*)')).toBeGreaterThan(40);
  expect(await count('MATCH (m:Measure) RETURN count(m)')).toBeGreaterThan(0);
  expect(await count("SHOW CONSTRAINTS YIELD name WHERE name = 'event_id' RETURN count(*)")).toBe(1);
  // The import files held the derived data: every step is recorded, none left to rebuild it.
  expect((await planMigrations(db)).pending).toEqual([]);

  await clearDatabase(db);
  await loadFactsPaths(db, paths);
  expect(await contentFingerprint(db)).toBe(bulk);
});

test('a database that holds anything is refused, and left as it was', async () => {
  const before = await contentFingerprint(db);
  const error = await bulkLoadFactsPaths(INSTANCE, paths, { settings: SETTINGS }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConflictError);
  expect((error as Error).message).toMatch(/holds [\d,]+ nodes: kb load --bulk only loads into an empty database/);
  expect(await contentFingerprint(db)).toBe(before);
});

test('a server named by NEO4J_URI is refused, by the loader and by kb load --bulk, naming why', async () => {
  const config = loadConfig({ NEO4J_URI: 'bolt://db.example.org:7687', NEO4J_PASSWORD: 'unused' });
  expect(() => bulkTarget(config)).toThrow(/NEO4J_URI names another server \(bolt:\/\/db\.example\.org:7687\)/);
  const run = await runKb(['load', '--bulk', SEED_FACTS_DIR], { env: { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'unused' } });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/kb load --bulk writes the database files of the project's own Neo4j/);
});
