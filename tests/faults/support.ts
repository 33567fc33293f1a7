import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { testConnection } from '../helpers/test-db';
import { openDb } from '../../src/db/context';
import { runningPid, startLocalNeo4j, stopLocalNeo4j, type InstanceOptions } from '../../src/db/local-neo4j';
import { PROJECT_ROOT } from '../../src/config/paths';
import { read, type Db } from '../../src/db/query';
import { EVENT_TYPES } from '../../src/domain/taxonomy';
import { writeFacts } from '../helpers/facts-fixtures';

/**
 * Fault tests stop and start a Neo4j of their own, never the suite's shared instance or the dev one:
 * its port is the suite's plus 100 (7788 by default, clear of dev 7687, test 7688 and the benchmarks'
 * 7689–7692), and its data folder is named after the port.
 */
const TEST_PORT = Number(process.env.NEO4J_TEST_PORT ?? 7688);
const FAULTS_PORT = Number(process.env.NEO4J_FAULTS_PORT ?? TEST_PORT + 100);
export const FAULTS_INSTANCE: InstanceOptions = { name: `faults-${FAULTS_PORT}`, port: FAULTS_PORT, heap: '512m', pagecache: '128m' };

export const quiet = () => {};

/** The fault tests' own Neo4j, for one test file: `db` as the app and the loader open it, `check` patient. */
export interface FaultsNeo4j {
  /** The production timeouts (DB_TIMEOUT_S=3): a down server must be a 503 within 3 s. */
  db: Db;
  /** What the tests check with: patient, so that a slow machine does not fail a fingerprint of the whole graph. */
  check: Db;
}

/** Starts the fault tests' instance before the file's tests and stops it after them. */
export function useFaultsNeo4j(): FaultsNeo4j {
  const handles = {} as FaultsNeo4j;
  beforeAll(async () => {
    const connection = await startLocalNeo4j(FAULTS_INSTANCE, quiet);
    handles.db = openDb(connection, { DB_TIMEOUT_S: 3 });
    handles.check = openDb(connection, { DB_TIMEOUT_S: 60, DB_BUDGET_S: 60 });
  });
  afterAll(async () => {
    await handles.db?.driver.close();
    await handles.check?.driver.close();
    await stopLocalNeo4j(FAULTS_INSTANCE.name, quiet);
  });
  return handles;
}

/** What analysts ask most: lists, profiles, who-did-what, the graph, the timeline, the counts, pages. */
export const HOT_READS = [
  '/api/events?limit=50',
  '/api/events?actor=belarus',
  '/api/events/talks-minsk-2025-12',
  '/api/actors',
  '/api/actors/john-coale',
  '/api/actors/belarus/relationships',
  '/api/who-did-what?actor=donald-trump',
  '/api/graph?actor=belarus',
  '/api/timeline?from=2025-01-01&to=2025-12-31',
  '/api/stats',
  '/api/articles',
  '/timeline',
  '/actors/belarus',
];

/** One GET and how long its whole answer took. */
export async function timed(baseUrl: string, path: string, accept = 'application/json') {
  const started = Date.now();
  const response = await fetch(baseUrl + path, { headers: { accept } });
  const text = await response.text();
  return { status: response.status, text, ms: Date.now() - started, type: response.headers.get('content-type') ?? '' };
}

/**
 * A corpus of `articles` facts files, each one article reporting `events` events among shared actors,
 * written as JSON into `dir`. Returns how many events each article reports, by article id.
 */
export function writeCorpus(dir: string, articles: number, events: number): Map<string, number> {
  const actors = Array.from({ length: 8 }, (_, i) => ({ id: `corpus-actor-${i}`, name: `Corpus Actor ${i}`, kind: i % 2 ? 'state' : 'person' }));
  const expected = new Map<string, number>();
  for (let a = 0; a < articles; a += 1) {
    const sentence = (e: number) => `In article ${a}, event ${e} took place.`;
    const facts = {
      article: {
        id: `corpus-article-${a}`,
        title: `Corpus article ${a}`,
        publishedAt: '2024-06-30',
        text: Array.from({ length: events }, (_, e) => sentence(e)).join(' '),
      },
      actors,
      events: Array.from({ length: events }, (_, e) => ({
        id: `corpus-${a}-event-${e}`,
        type: EVENT_TYPES[(a + e) % EVENT_TYPES.length],
        title: `Corpus event ${e} of article ${a}`,
        date: { start: `2024-${String((e % 12) + 1).padStart(2, '0')}-${String((e % 28) + 1).padStart(2, '0')}` },
        participants: [
          { actor: `corpus-actor-${e % 8}`, role: 'agent' },
          { actor: `corpus-actor-${(e + 3) % 8}`, role: 'target' },
        ],
        sources: [{ quote: sentence(e) }],
      })),
      links: events > 1 ? [{ from: `corpus-${a}-event-1`, to: `corpus-${a}-event-0`, kind: 'follows' }] : [],
      reactions: [{ author: `Reader ${a}`, text: 'A comment.', stance: 'mixed', about: [`corpus-${a}-event-0`] }],
    };
    writeFacts(dir, `article-${String(a).padStart(3, '0')}.json`, facts);
    expected.set(facts.article.id, events);
  }
  return expected;
}

/**
 * Articles that are only partly in the graph: an article node whose reported events are not all there,
 * or events of the corpus with no article. An article is written in one transaction, so this must be empty.
 */
export async function halfWrittenArticles(db: Db, expected: Map<string, number>): Promise<string[]> {
  const rows = await read<{ id: string; events: number; reactions: number }>(
    db,
    `MATCH (a:Article) WHERE a.id STARTS WITH 'corpus-article-'
     RETURN a.id AS id, COUNT { (:Event)-[:REPORTED_IN]->(a) } AS events, COUNT { (:Reaction)-[:ON]->(a) } AS reactions`,
  );
  const orphans = await read<{ id: string }>(db, `MATCH (e:Event) WHERE e.id STARTS WITH 'corpus-' AND NOT (e)-[:REPORTED_IN]->() RETURN e.id AS id LIMIT 5`);
  return [
    ...rows.filter((r) => r.events !== expected.get(r.id) || r.reactions !== 1).map((r) => `${r.id}: ${r.events} events, ${r.reactions} reactions`),
    ...orphans.map((o) => `event ${o.id} without its article`),
  ];
}

export async function corpusArticleCount(db: Db): Promise<number> {
  const rows = await read<{ n: number }>(db, "MATCH (a:Article) WHERE a.id STARTS WITH 'corpus-article-' RETURN count(a) AS n");
  return rows[0]?.n ?? 0;
}

/** A port nobody listens on right now (the OS's choice), for a child server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  /** Everything the child wrote, stdout and stderr, as it arrives. */
  output: () => string;
  /** Resolves with the exit code (or the signal's name) once the child is gone. */
  exited: Promise<number | string>;
  waitFor: (pattern: RegExp, timeoutMs: number) => Promise<void>;
}

/** Runs a TypeScript entry of this project in a node child process (through tsx: no build needed). */
export function runTs(file: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, file), ...args], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const waitFor = (pattern: RegExp, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output)) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${pattern} in:\n${output.slice(-3000)}`));
      }, timeoutMs);
      listeners.add(check);
      void exited.then(() => {
        if (!pattern.test(output)) {
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`child exited before ${pattern}:\n${output.slice(-3000)}`));
        }
      });
      check();
    });
  return { process: child, output: () => output, exited, waitFor };
}

/**
 * The real server (src/server.ts) as a child process over the test database, on a free port, once it says
 * it is ready (killed if it never does). `env` adds or overrides settings.
 */
export async function startServerProcess(env: NodeJS.ProcessEnv = {}): Promise<{ server: Child; port: number }> {
  const port = await freePort();
  const connection = testConnection();
  const server = runTs('src/server.ts', [], {
    NEO4J_URI: connection.uri,
    NEO4J_USER: connection.user,
    NEO4J_PASSWORD: connection.password,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_ON_START: 'never',
    LOG_LEVEL: 'warn',
    ...env,
  });
  try {
    await server.waitFor(/Ready: http/, 90_000);
  } catch (error) {
    server.process.kill('SIGKILL');
    throw error;
  }
  return { server, port };
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Kills an instance outright (SIGKILL: no shutdown, as in a crash or an OOM kill) and waits until it is gone. */
export async function killNeo4j(name: string): Promise<void> {
  const pid = runningPid(name);
  if (pid === undefined) throw new Error(`Neo4j (${name}) is not running`);
  process.kill(pid, 'SIGKILL');
  while (fs.existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `connections` clients, each asking for the next of `paths` as soon as its last answer came, for `seconds`:
 * how many answers of each status they got (0: no answer at all).
 */
/** An answer other than 200 during a hammer: when (ms after it began), what, and the start of what it said. */
export interface HammerFailure {
  atMs: number;
  path: string;
  status: number;
  ms: number;
  said: string;
}

/**
 * `connections` clients asking `paths` in turn for `seconds`: how many answers of each status, and the first
 * failures, so that a red run says what failed, when and why.
 */
export async function hammer(
  baseUrl: string,
  paths: readonly string[],
  connections: number,
  seconds: number,
): Promise<{ statuses: Map<number, number>; failures: HammerFailure[] }> {
  const statuses = new Map<number, number>();
  const failures: HammerFailure[] = [];
  const began = Date.now();
  const until = began + seconds * 1000;
  let next = 0;
  const client = async () => {
    // Each client keeps its own connection, as a load tool's connection does: a pool shared by all could leave a
    // socket idle until the server closes it just as it is reused, a failure of the client's pool, not of the app.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (Date.now() < until) {
        const path = paths[next++ % paths.length]!;
        const sent = Date.now();
        const { status, said } = await get(agent, baseUrl + path, path.startsWith('/api') ? 'application/json' : 'text/html');
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status !== 200 && failures.length < 10) failures.push({ atMs: sent - began, path, status, ms: Date.now() - sent, said });
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  return { statuses, failures };
}

/** A GET over the agent: its status and the start of its body, or status 0 and the error (with its code) when no answer came. */
function get(agent: http.Agent, url: string, accept: string): Promise<{ status: number; said: string }> {
  const failed = (error: NodeJS.ErrnoException) => ({ status: 0, said: error.code ? `${error.message} (${error.code})` : error.message });
  return new Promise((resolve) => {
    const request = http.get(url, { agent, headers: { accept } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, said: Buffer.concat(chunks).toString('utf8').slice(0, 200) }));
      response.on('error', (error) => resolve(failed(error)));
    });
    request.on('error', (error) => resolve(failed(error)));
  });
}
