import { isDatabaseUnavailable } from '../../src/db/errors';
import { startLocalNeo4j } from '../../src/db/local-neo4j';
import { loadFactsPaths } from '../../src/ingest/load';
import { corpusArticleCount, FAULTS_INSTANCE, halfWrittenArticles, killNeo4j, quiet, removeDir, useFaultsNeo4j, writeCorpus } from '../faults/support';
import { tempFactsDir } from '../helpers/facts-fixtures';
import { clearDatabase, contentFingerprint } from '../helpers/test-db';

/**
 * The project's own Neo4j killed outright in the middle of a load, on the fault tests' instance. Minutes long
 * (three loads of a corpus and a restart), so it runs in `npm run test:load`, not in `npm test`.
 */

jest.setTimeout(300_000);

const faults = useFaultsNeo4j();

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
    await clearDatabase(faults.check);
    await loadFactsPaths(faults.check, [dir]);
    cleanLoad = await contentFingerprint(faults.check);
    await clearDatabase(faults.check);
  });
  afterAll(() => removeDir(dir));

  test('the load fails cleanly; after recovery no article is half-written, and a second run equals a clean load', async () => {
    let stopping: Promise<unknown> | undefined;
    const started = Date.now();
    const outcome = await loadFactsPaths(faults.db, [dir], ({ index }) => {
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
    const loaded = await corpusArticleCount(faults.check);
    expect(loaded).toBeGreaterThanOrEqual(1);
    expect(loaded).toBeLessThan(ARTICLES);
    expect(await halfWrittenArticles(faults.check, expected)).toEqual([]);

    await loadFactsPaths(faults.db, [dir]);
    expect(await contentFingerprint(faults.check)).toBe(cleanLoad);
  });
});
