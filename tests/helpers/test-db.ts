import { type DbSettings, openDb } from '../../src/db/context';
import type { InstanceOptions } from '../../src/db/local-neo4j';
import { runInBatches, type Db } from '../../src/db/query';
import { loadSeed } from '../../src/ingest/seed';

/** The suite's own Neo4j: its own port and data folder, so tests never touch what users browse. */
const TEST_PORT = Number(process.env.NEO4J_TEST_PORT ?? 7688);
export const TEST_INSTANCE: InstanceOptions = {
  // Another port gets another data folder too, so two suites can run side by side.
  name: TEST_PORT === 7688 ? 'test' : `test-${TEST_PORT}`,
  port: TEST_PORT,
  heap: '1g',
  pagecache: '256m',
};

/** Set by global-setup: where the suite's database is (NEO4J_TEST_URI overrides the project-managed one). */
export function testConnection() {
  const uri = process.env.KB_TEST_NEO4J_URI;
  const password = process.env.KB_TEST_NEO4J_PASSWORD;
  if (!uri || !password) throw new Error('The test database is not set up: run the tests with `npm test`.');
  return { uri, user: process.env.KB_TEST_NEO4J_USER ?? 'neo4j', password };
}

/** A handle on the test database; a test that loads a whole corpus gives its queries a longer budget. */
export function openTestDb(settings: Partial<DbSettings> = {}): Db {
  return openDb(testConnection(), { DB_TIMEOUT_S: 5, ...settings });
}

/** Empties the database in batches. */
export const clearDatabase = (db: Db): Promise<void> => runInBatches(db, ['MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS']);

export async function resetToSeed(db: Db): Promise<void> {
  await clearDatabase(db);
  await loadSeed(db, () => {});
}

export { contentFingerprint } from '../../src/db/fingerprint';
