import { loadConfig } from '../../src/config/settings';
import { startLocalNeo4j } from '../../src/db/local-neo4j';
import { ensureParser } from '../../src/nlp/provision';
import { parserSettingsOf } from '../../src/nlp/shared';
import { startSharedBrowser } from './browser';
import { missingPrerequisites } from './prerequisites';
import { TEST_INSTANCE } from './test-db';

/**
 * Starts what the suite needs: its own Neo4j (downloaded on first use), unless NEO4J_TEST_URI names a
 * server to use instead, and the one Chromium the browser tests share. The connection reaches the tests
 * through KB_TEST_NEO4J_* variables, the browser through KB_TEST_BROWSER_WS (tests/helpers/browser.ts).
 */
export default async function globalSetup(): Promise<void> {
  // Stop at once, saying how to install what is missing, rather than fail suite by suite minutes later.
  const missing = missingPrerequisites();
  if (missing.length > 0) throw new Error(`Missing prerequisites:\n  ${missing.join('\n  ')}`);
  // The extractor's parser, installed once here (on a fresh machine, about a minute) for every file that drafts.
  const parser = parserSettingsOf(loadConfig());
  if (parser.mode === 'auto') await ensureParser(parser, (message) => process.stderr.write(`\n[test parser] ${message}`));
  // Read by global-teardown.ts, which runs in this same process.
  (globalThis as { testBrowser?: unknown }).testBrowser = await startSharedBrowser();
  if (process.env.NEO4J_TEST_URI) {
    process.env.KB_TEST_NEO4J_URI = process.env.NEO4J_TEST_URI;
    process.env.KB_TEST_NEO4J_USER = process.env.NEO4J_TEST_USER ?? 'neo4j';
    process.env.KB_TEST_NEO4J_PASSWORD = process.env.NEO4J_TEST_PASSWORD ?? '';
    return;
  }
  const connection = await startLocalNeo4j(TEST_INSTANCE, (message) => process.stderr.write(`\n[test neo4j] ${message}`));
  process.env.KB_TEST_NEO4J_URI = connection.uri;
  process.env.KB_TEST_NEO4J_USER = connection.user;
  process.env.KB_TEST_NEO4J_PASSWORD = connection.password;
}
