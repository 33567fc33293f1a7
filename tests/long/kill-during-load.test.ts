import { openDb } from '../../src/db/context';
import { isDatabaseUnavailable } from '../../src/db/errors';
import { startLocalNeo4j, stopLocalNeo4j, type Connection } from '../../src/db/local-neo4j';
import type { Db } from '../../src/db/query';
import { loadFactsPaths } from '../../src/ingest/load';
import { corpusArticleCount, FAULTS_INSTANCE, halfWrittenArticles, killNeo4j, quiet, removeDir, writeCorpus } from '../faults/support';
import { tempFactsDir } from '../helpers/facts-fixtures';
import { clearDatabase, contentFingerprint } from '../helpers/test-db';

/**
 * The project's own Neo4j killed outright in the middle of a load, on the fault tests' instance. Minutes long
 * (three loads of a corpus and a restart), so it runs in `npm run test:load`, not in `npm test`.
 */

jest.setTimeout(300_000);

let connection: Connection;
/** What the loader uses: the production timeouts. */
let db: Db;
/** What the test checks with: patient, so that a slow machine does not fail a fingerprint of the whole graph. */
let check: Db;

beforeAll(async () => {
  connection = await startLocalNeo4j(FAULTS_INSTANCE, quiet);
  db = openDb(connection, { DB_TIMEOUT_S: 3 });
  check = openDb(connection, { DB_TIMEOUT_S: 60, DB_BUDGET_S: 60 });
});

afterAll(async () => {
  await db?.driver.close();
  await check?.driver.close();
  await stopLocalNeo4j(FAULTS_INSTANCE.name, quiet);
});

describe('Neo4j killed during a load', () => {
  // Enough articles for several write batches (src/ingest/load.ts), so the stop lands mid-load.
  const ARTICLES = 60;
  const EVENTS = 150;
  let dir: string;
  let expected: Map<string, number>;
  let cleanLoad: string;

  beforeAll(async () => {
    dir = tempFactsDir();
    expected = writeCorpus(dir, ARTICLES, EVENTS);
    await clearDatabase(check);
    await loadFactsPaths(check, [dir]);
    cleanLoad = await contentFingerprint(check);
    await clearDatabase(check);
  });
  afterAll(() => removeDir(dir));

  test('the load fails cleanly; after recovery no article is half-written, and a second run equals a clean load', async () => {
    let stopping: Promise<unknown> | undefined;
    const started = Date.now();
    const outcome = await loadFactsPaths(db, [dir], ({ index }) => {
      // Killed outright, not asked to stop: a graceful shutdown may let the load finish first.
      if (index >= 1 && !stopping) stopping = killNeo4j(FAULTS_INSTANCE.name);
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await stopping;
    expect(stopping).toBeDefined();
    // It failed, as a database that went away (not a crash or a hang), in seconds.
    expect(outcome).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(Date.now() - started).toBeLessThan(60_000);

    await startLocalNeo4j(FAULTS_INSTANCE, quiet);
    const loaded = await corpusArticleCount(check);
    expect(loaded).toBeGreaterThanOrEqual(1);
    expect(loaded).toBeLessThan(ARTICLES);
    expect(await halfWrittenArticles(check, expected)).toEqual([]);

    await loadFactsPaths(db, [dir]);
    expect(await contentFingerprint(check)).toBe(cleanLoad);
  });
});
