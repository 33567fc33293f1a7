import http from 'node:http';
import net from 'node:net';
import { read, type Db } from '../../src/db/query';
import { tempFactsDir } from '../helpers/facts-fixtures';
import { clearDatabase, openTestDb, resetToSeed, testConnection } from '../helpers/test-db';
import { type Child, corpusArticleCount, halfWrittenArticles, removeDir, runTs, startServerProcess, writeCorpus } from './support';

/**
 * Process faults on the suite's shared Neo4j (nothing here stops it): the real server entry point
 * (src/server.ts) told to stop with SIGTERM while it streams responses, and a loader killed mid-load.
 */

jest.setTimeout(180_000);

let db: Db;
beforeAll(() => {
  db = openTestDb();
});
afterAll(() => db.driver.close());

interface Streamed {
  url: string;
  response: http.IncomingMessage;
  body: Promise<string>;
}

/** Starts a GET and resolves once the headers are in, with the body still to be read (paused). */
function startDownload(agent: http.Agent, port: number, url: string): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, agent }, (response) => {
        response.pause();
        const chunks: Buffer[] = [];
        const body = new Promise<string>((done, fail) => {
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
          response.on('error', fail);
          response.on('aborted', () => fail(new Error(`${url}: aborted`)));
        });
        resolve({ url, response, body });
      })
      .on('error', reject);
  });
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('SIGTERM to the server', () => {
  const EVENTS = 4 * 1500;
  let dir: string;
  let server: Child;
  let port: number;

  beforeAll(async () => {
    dir = tempFactsDir();
    writeCorpus(dir, 4, 1500);
    await clearDatabase(db);
    const { loadFactsPaths } = await import('../../src/ingest/load');
    await loadFactsPaths(db, [dir]);
    ({ server, port } = await startServerProcess({ LOG_LEVEL: 'info' }));
  });

  afterAll(async () => {
    if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    await server.exited;
    removeDir(dir);
  });

  test('finishes the responses in flight, stops taking connections, closes the driver and exits 0', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
    // An idle keep-alive connection must not hold the server open.
    const warm = await startDownload(agent, port, '/api/health');
    warm.response.resume();
    expect(JSON.parse(await warm.body)).toMatchObject({ status: 'ok' });

    const downloads = await Promise.all(
      ['/api/export?format=csv', '/api/export?format=plover', '/api/export?format=jsonld'].map((url) => startDownload(agent, port, url)),
    );
    expect(downloads.map((d) => d.response.statusCode)).toEqual([200, 200, 200]);

    server.process.kill('SIGTERM');
    await server.waitFor(/SIGTERM: finishing in-flight requests/, 10_000);
    // The listening socket closes on the next turn of the server's event loop: poll briefly.
    let accepting = true;
    for (let i = 0; i < 30 && accepting; i += 1) {
      accepting = await connects(port);
      if (accepting) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(accepting).toBe(false);
    // The readers have not read yet, so the exports cannot have finished: the server is still draining.
    expect(server.process.exitCode).toBeNull();

    for (const download of downloads) download.response.resume();
    const [csv = '', plover = '', jsonld = ''] = await Promise.all(downloads.map((d) => d.body));
    expect(csv.trimEnd().split('\n')).toHaveLength(EVENTS + 1);
    expect(plover.trimEnd().split('\n')).toHaveLength(EVENTS);
    expect(JSON.parse(jsonld)['@graph']).toHaveLength(EVENTS);

    // Exit code 0 only comes after server.close() and driver.close() have both resolved (src/server.ts).
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([server.exited, new Promise((resolve) => (timer = setTimeout(() => resolve('still running'), 20_000)))]);
    clearTimeout(timer);
    expect(code).toBe(0);
    agent.destroy();

    // Nothing the server printed, start to finish, carries the database password.
    expect(server.output()).not.toContain(testConnection().password);

    // The exports were still being sent when SIGTERM came: their request-completed lines follow it.
    const lines = server.output().split('\n');
    const sigterm = lines.findIndex((line) => line.includes('SIGTERM: finishing in-flight requests'));
    const completed = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => line.includes('"url":"/api/export') && line.includes('request completed'));
    expect(completed).toHaveLength(3);
    for (const { line, index } of completed) {
      expect(index).toBeGreaterThan(sigterm);
      expect(JSON.parse(line).res.statusCode).toBe(200);
    }
  });
});

describe('the server killed while it takes writes', () => {
  const STREAMS = 6;
  const ANSWERED_BEFORE_KILL = 3;
  /** A bound, should the kill never come. */
  const MAX_POSTS = 200;
  test('leaves no half-written article: each posted article is all there or not there at all', async () => {
    await resetToSeed(db);
    const token = 'crash-test-token-0a9b8c7d6e5f4321';
    const { server, port } = await startServerProcess({ KB_API_TOKEN: token, KB_WRITE_RATE_LIMIT: '1000' });
    try {
      const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json?: unknown }> => {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { status: response.status, json: response.ok ? await response.json() : undefined };
      };
      // Each write is an article drafted, all its events accepted, and committed: the commit is the
      // transaction that writes an article's facts, so it is the one the kill must not leave half done.
      const post = async (n: number): Promise<{ status: number; body?: { events: unknown[] } }> => {
        try {
          const draft = await call('POST', '/api/drafts', {
            id: `crash-article-${n}`,
            title: `Crash article ${n}`,
            published: '2025-12-21',
            text: `President Lukashenko met John Coale in Minsk on Saturday, December 20. Belarus freed ${n + 30} prisoners, the envoy said.`,
          });
          const { id } = draft.json as { id: string };
          await call('POST', `/api/drafts/${id}/accept`, { confidence: 0 });
          const committed = await call('POST', `/api/drafts/${id}/commit`);
          return { status: committed.status === 200 ? 201 : committed.status, body: committed.json as { events: unknown[] } | undefined };
        } catch {
          return { status: 0 };
        }
      };
      // Streams of writes, several always in flight, so the kill lands among them whatever the machine's
      // speed; the server is killed outright once a few have been answered.
      const answers: Array<{ status: number; body?: { events: unknown[] } }> = [];
      let posted = 0;
      let killed = false;
      const stream = async () => {
        while (!killed && posted < MAX_POSTS) {
          const n = posted++;
          answers[n] = await post(n);
          if (!killed && answers.filter((a) => a?.status === 201).length >= ANSWERED_BEFORE_KILL) {
            killed = true;
            server.process.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: STREAMS }, stream));
      expect(killed).toBe(true);
      expect(answers.some((a) => a.status === 0)).toBe(true);
      const perArticle = answers.find((a) => a.status === 201)?.body?.events.length ?? 0;
      expect(perArticle).toBeGreaterThan(0);
      const rows = await read<{ id: string; events: number }>(
        db,
        "MATCH (a:Article) WHERE a.id STARTS WITH 'crash-article-' RETURN a.id AS id, COUNT { (:Event)-[:REPORTED_IN]->(a) } AS events",
      );
      // Every answered write is there; every article there has all its events (the same text, the same facts).
      const stored = new Map(rows.map((r) => [r.id, r.events]));
      answers.forEach((answer, n) => {
        if (answer.status === 201) expect(stored.has(`crash-article-${n}`)).toBe(true);
      });
      expect(rows.filter((r) => r.events !== perArticle)).toEqual([]);
    } finally {
      if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
      await server.exited;
    }
  });
});

describe('a loader killed mid-load', () => {
  test('leaves no half-written article: each article is all there or not there at all', async () => {
    const dir = tempFactsDir();
    // Several write batches (src/ingest/load.ts): the loader prints as each one commits.
    const ARTICLES = 24;
    const expected = writeCorpus(dir, ARTICLES, 400);
    await clearDatabase(db);
    const connection = testConnection();
    const loader = runTs('tests/faults/load-child.ts', [dir], {
      NEO4J_URI: connection.uri,
      NEO4J_USER: connection.user,
      NEO4J_PASSWORD: connection.password,
    });
    await loader.waitFor(/loaded \d+\n/, 120_000);
    // The next batch's transaction starts as soon as the previous one commits: the kill lands inside one.
    await new Promise((resolve) => setTimeout(resolve, 150));
    loader.process.kill('SIGKILL');
    expect(await loader.exited).toBe('SIGKILL');
    const printed = Math.max(...[...loader.output().matchAll(/loaded (\d+)/g)].map((m) => Number(m[1])));

    const inGraph = await corpusArticleCount(db);
    expect(inGraph).toBeGreaterThanOrEqual(printed);
    expect(inGraph).toBeLessThan(ARTICLES);
    expect(await halfWrittenArticles(db, expected)).toEqual([]);
    removeDir(dir);
  });
});
