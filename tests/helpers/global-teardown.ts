import type { BrowserServer } from 'playwright-core';
import { stopLocalNeo4j } from '../../src/db/local-neo4j';
import { TEST_INSTANCE } from './test-db';

/** Closes the shared browser, and stops the suite's Neo4j unless KEEP_TEST_NEO4J=1 keeps it warm for the next run. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testBrowser?: BrowserServer }).testBrowser?.close();
  if (process.env.NEO4J_TEST_URI || process.env.KEEP_TEST_NEO4J === '1') return;
  await stopLocalNeo4j(TEST_INSTANCE.name, () => {});
}
