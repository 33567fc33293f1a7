import { createHash } from 'node:crypto';
import { openDb } from '../../src/db/context';
import type { InstanceOptions } from '../../src/db/local-neo4j';
import { read, runInBatches, type Db } from '../../src/db/query';
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

export function openTestDb(): Db {
  return openDb(testConnection(), { DB_TIMEOUT_S: 5 });
}

/** Empties the database in batches. */
export const clearDatabase = (db: Db): Promise<void> => runInBatches(db, ['MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS']);

export async function resetToSeed(db: Db): Promise<void> {
  await clearDatabase(db);
  await loadSeed(db, () => {});
}

/**
 * A fingerprint of everything the database holds: every node with its labels and properties and every
 * relationship with its type, ends and properties, in a stable order. Equal fingerprints, equal contents.
 * The migration records are left out: they say when a step ran (once per process and handle), not what is stored;
 * so is an event's `addedAt`, the moment this database first learned of it (two loads of the same facts differ
 * in it and in nothing else).
 */
export async function contentFingerprint(db: Db): Promise<string> {
  const nodes = await read<{ n: unknown }>(db, 'MATCH (n) WHERE NOT n:Migration RETURN n {.*, addedAt: null, labels: labels(n)} AS n');
  const rels = await read<{ r: unknown }>(db, 'MATCH (a)-[r]->(b) RETURN { type: type(r), from: a.id, to: b.id, props: properties(r) } AS r');
  const canonical = [...nodes.map((x) => stableJson(x.n)), ...rels.map((x) => stableJson(x.r))].sort();
  return `${nodes.length}n/${rels.length}r:${createHash('sha256').update(canonical.join('\n')).digest('hex')}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
