import { stopLocalNeo4j } from '../../src/db/local-neo4j';
import { TEST_INSTANCE } from './test-db';

/** Stops the suite's Neo4j, unless KEEP_TEST_NEO4J=1 keeps it warm for the next run. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.NEO4J_TEST_URI || process.env.KEEP_TEST_NEO4J === '1') return;
  await stopLocalNeo4j(TEST_INSTANCE.name, () => {});
}
