import { startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j';
import { FAULTS_INSTANCE, HOT_READS, hammer, quiet, timed, useFaultsNeo4j } from '../faults/support';
import { startTestApp, type RunningApp } from '../helpers/test-app';
import { resetToSeed } from '../helpers/test-db';

/**
 * Neo4j restarted under the running app without the app seeing it down (no request while it was), then a burst
 * of clients right after health says up: health must notice the restart by itself (the database's start time)
 * and warm it up first, and the answers must all be 200. `npm run test:load` runs it for LOAD_SECONDS, 60 s;
 * `npm test` runs the 20 s burst after a restart the app does see (tests/faults/neo4j-down.test.ts).
 */

/** The load right after a restart: 50 connections for LOAD_SECONDS (60 in `npm run test:load`). */
const CONNECTIONS = 50;
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 20);

jest.setTimeout(240_000 + LOAD_SECONDS * 1000);

const faults = useFaultsNeo4j();

describe('Neo4j restarted under the running app', () => {
  let app: RunningApp;

  beforeAll(async () => {
    await resetToSeed(faults.check);
    app = await startTestApp(faults.db);
  });
  afterAll(() => app.close());

  test(`right after health says up, ${CONNECTIONS} connections for ${LOAD_SECONDS} s get no error: a cold database is slow, not down`, async () => {
    await stopLocalNeo4j(FAULTS_INSTANCE.name, quiet);
    await startLocalNeo4j(FAULTS_INSTANCE, quiet);
    const deadline = Date.now() + 60_000;
    while ((await timed(app.baseUrl, '/api/health')).status !== 200) {
      if (Date.now() > deadline) throw new Error('health did not say up within 60 s of the restart');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { statuses, failures } = await hammer(app.baseUrl, HOT_READS, CONNECTIONS, LOAD_SECONDS);
    const answers = [...statuses.values()].reduce((sum, n) => sum + n, 0);
    expect(answers).toBeGreaterThan(CONNECTIONS);
    expect({ statuses: Object.fromEntries(statuses), failures }).toEqual({ statuses: { 200: answers }, failures: [] });
  });
});
