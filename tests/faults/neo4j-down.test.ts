import { startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j';
import { startTestApp, type RunningApp } from '../helpers/test-app';
import { resetToSeed } from '../helpers/test-db';
import { FAULTS_INSTANCE, HOT_READS, hammer, quiet, timed, useFaultsNeo4j } from './support';

/**
 * The project's own Neo4j stopped under the app, on an instance of these tests alone, then started again: a
 * down database answers 503 at once, and a cold one that health says is up answers a burst of clients without
 * an error. Longer runs (a restart the app does not see, a load of 60 s) and a kill during a load: tests/long/.
 */

/** The burst right after health says up: 50 connections for 20 s. */
const CONNECTIONS = 50;
const BURST_SECONDS = 20;

jest.setTimeout(240_000);

const faults = useFaultsNeo4j();

describe('Neo4j stopped while the app serves', () => {
  let app: RunningApp;

  beforeAll(async () => {
    await resetToSeed(faults.check);
    app = await startTestApp(faults.db);
  });
  afterAll(() => app.close());

  test('answers 503 within 3 s, reports it on /api/health and in words on pages, and recovers without a restart', async () => {
    expect((await timed(app.baseUrl, '/api/events')).status).toBe(200);

    await stopLocalNeo4j(FAULTS_INSTANCE.name, quiet);

    const apiRoutes = [
      '/api/events',
      '/api/events/talks-minsk-2025-12',
      '/api/actors/john-coale',
      '/api/who-did-what',
      '/api/stats',
      '/api/timeline?from=2025-01-01&to=2025-12-31',
      '/api/graph',
      '/api/export?format=csv',
    ];
    for (const path of apiRoutes) {
      const answer = await timed(app.baseUrl, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 503 });
      expect(answer.ms).toBeLessThan(3000);
      expect(JSON.parse(answer.text)).toEqual({ error: expect.stringMatching(/database is not reachable/) });
    }
    // Many at once: none waits for a connection that will not come.
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => timed(app.baseUrl, `/api/events?limit=${i + 1}`)));
    expect(burst.map((b) => b.status)).toEqual(Array(20).fill(503));
    expect(Math.max(...burst.map((b) => b.ms))).toBeLessThan(3000);

    const health = await timed(app.baseUrl, '/api/health');
    expect(health.status).toBe(503);
    expect(health.ms).toBeLessThan(3000);
    expect(JSON.parse(health.text)).toEqual({ status: 'unavailable', database: 'down' });

    for (const path of ['/', '/timeline', '/events/talks-minsk-2025-12', '/actors/john-coale']) {
      const page = await timed(app.baseUrl, path, 'text/html');
      expect({ path, status: page.status }).toEqual({ path, status: 503 });
      expect(page.ms).toBeLessThan(3000);
      expect(page.type).toMatch(/^text\/html/);
      expect(page.text).toContain('The database is not reachable right now');
      expect(page.text).not.toMatch(/ServiceUnavailable|Neo4jError|\n\s+at .+:\d+:\d+|bolt:\/\//);
    }

    await startLocalNeo4j(FAULTS_INSTANCE, quiet);

    // The same app and driver: no restart, only the database came back (cold, so give it a moment).
    const deadline = Date.now() + 60_000;
    const seen: number[] = [];
    for (;;) {
      const [health, events] = [await timed(app.baseUrl, '/api/health'), await timed(app.baseUrl, '/api/events?limit=100')];
      seen.push(health.status, events.status);
      if ((health.status === 200 && events.status === 200) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(seen.slice(-2)).toEqual([200, 200]);
    expect(seen.every((status) => status === 200 || status === 503)).toBe(true);
  });

  // Runs right after the test above, which ends as soon as health says up after the restart.
  test(`right after health says up, ${CONNECTIONS} connections for ${BURST_SECONDS} s get every answer: a cold database is slow, not down`, async () => {
    const { statuses, failures } = await hammer(app.baseUrl, HOT_READS, CONNECTIONS, BURST_SECONDS);
    const answers = [...statuses.values()].reduce((sum, n) => sum + n, 0);
    expect(answers).toBeGreaterThan(CONNECTIONS);
    expect({ statuses: Object.fromEntries(statuses), failures }).toEqual({ statuses: { 200: answers }, failures: [] });
    expect(JSON.parse((await timed(app.baseUrl, '/api/events?limit=100')).text).items).toHaveLength(13);
  });
});
