import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths';
import { read, type Db } from '../../src/db/query';
import { loadFactsPaths } from '../../src/ingest/load';
import { type Child, removeDir, startServerProcess, writeCorpus } from '../faults/support';
import { tempFactsDir } from '../helpers/facts-fixtures';
import { openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * A bounded loopback load on the real server (src/server.ts in a process of its own): CONNECTIONS
 * concurrent connections for LOAD_SECONDS (plus a warm-up) over the read routes, with a trickle of
 * authorised writes.
 * Zero errors, zero lost writes (every accepted article is stored as its draft), memory bounded; on runs of
 * 30 s or more, memory levels off. `npm test` runs it for 10 s; `npm run test:load` for 60 s. The figures go to test-artifacts/load-report.json.
 */

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const WRITE_EVERY_MS = 1000;
/** Load before memory is judged: the JIT, the pools and the heap settle first. */
const WARM_UP_S = 4;
/**
 * Memory is judged by reads served, not by seconds: the share of all reads that counts as warm-up, and where
 * the measured part's middle lies. On a busy machine a second serves fewer reads, and the heap, which grows
 * with the work done, would otherwise still be settling when a clock-based window opens.
 */
const SETTLED_AT = 0.4;
/** Resident memory the server must stay under at any moment of the run (it idles near 180 MB). */
const MEMORY_CEILING_MB = 512;
/** The shortest run long enough to judge whether memory levels off. */
const LEVELLING_MIN_S = 30;
const MIDDLE_AT = 0.7;
const TOKEN = 'load-test-token-5e0b7a9c13f24d68';

jest.setTimeout((SECONDS + 200) * 1000);

const READS = [
  '/api/events?limit=50',
  '/api/events?type=talks&limit=20',
  '/api/events?actor=belarus',
  '/api/events?q=minsk',
  '/api/events?from=2024-03-01&to=2024-06-30&limit=100',
  '/api/events/pardon-123-prisoners-2025-12',
  '/api/events/corpus-1-event-7',
  '/api/actors',
  '/api/actors?q=Washington',
  '/api/actors/john-coale',
  '/api/actors/corpus-actor-3',
  '/api/actors/belarus/relationships',
  '/api/articles',
  '/api/articles/minsk-talks-us-belarus-thaw',
  '/api/who-did-what?actor=donald-trump',
  '/api/who-did-what?action=talks&limit=50',
  '/api/timeline?from=2024-01-01&to=2025-12-31',
  '/api/timeline?from=2024-01-01&to=2024-12-31&groupBy=actor',
  '/api/graph',
  '/api/graph?actor=belarus',
  '/api/stats',
  '/api/health',
  '/',
  '/timeline',
  '/events/pardon-123-prisoners-2025-12',
  '/actors/john-coale',
  '/articles/minsk-talks-us-belarus-thaw',
];

let db: Db;
let dir: string;
let server: Child;
let port: number;

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  dir = tempFactsDir();
  writeCorpus(dir, 2, 250);
  await loadFactsPaths(db, [dir]);
  ({ server, port } = await startServerProcess({
    KB_API_TOKEN: TOKEN,
    KB_WRITE_RATE_LIMIT: '1000',
    // Capacity, not the budget a production request gets: on 2 shared cores, 50 requests at once queue for CPU,
    // and a queued read must not be cut short while the suite's other work shares the machine.
    DB_BUDGET_S: '15',
    // The server's own memory under load; the extractor's parse process (its start and its answers) has its own
    // tests and `npm run bench:parser`, and its first start would fall inside this short run.
    KB_PARSER: 'off',
  }));
});

afterAll(async () => {
  if (server && server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGTERM');
  await server?.exited;
  await resetToSeed(db);
  await db?.driver.close();
  removeDir(dir);
});

interface Answer {
  status: number;
  ms: number;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS + 2 });

function request(method: 'GET' | 'POST', url: string, body?: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers: http.OutgoingHttpHeaders = { accept: url.startsWith('/api') ? 'application/json' : 'text/html' };
    if (body !== undefined)
      Object.assign(headers, { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'content-length': Buffer.byteLength(body) });
    const req = http.request({ host: '127.0.0.1', port, path: url, method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, body: String(error) }));
    });
    req.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, body: String(error) }));
    req.end(body);
  });
}

/** Resident memory of the server process, in MB, from the kernel. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

test(`${CONNECTIONS} connections for ${SECONDS} s over the read routes with a trickle of writes: no error, no lost write, memory ${SECONDS >= LEVELLING_MIN_S ? 'bounded and steady' : 'bounded'}`, async () => {
  const pid = server.process.pid as number;
  const latencies: number[] = [];
  const errors: string[] = [];
  const accepted: Array<{ id: string; events: number }> = [];
  let writes = 0;
  /** Resident memory every half second, with how many reads had been answered by then. */
  const memory: Array<{ reads: number; mb: number }> = [];
  const end = Date.now() + (WARM_UP_S + SECONDS) * 1000;

  const sampler = setInterval(() => memory.push({ reads: latencies.length, mb: rssMb(pid) }), 500);
  const reader = async (worker: number) => {
    for (let i = worker; Date.now() < end; i += 1) {
      const url = READS[i % READS.length] as string;
      const answer = await request('GET', url);
      latencies.push(answer.ms);
      if (answer.status !== 200) errors.push(`GET ${url} → ${answer.status} ${answer.body.slice(0, 200)}`);
    }
  };
  /** One authorised write a second, each sent on time whether or not the previous one has been answered. */
  const writer = async () => {
    const pending: Array<Promise<void>> = [];
    for (let n = 0; Date.now() < end; n += 1) {
      const next = Date.now() + WRITE_EVERY_MS;
      const article = {
        id: `load-article-${n}`,
        title: `Load article ${n}`,
        publishedAt: '2025-12-20',
        text: `President Lukashenko met John Coale in Minsk on Friday, December 19. Belarus freed ${n + 10} prisoners, the envoy said.`,
      };
      writes += 1;
      pending.push(
        request('POST', '/api/articles', JSON.stringify(article)).then((answer) => {
          if (answer.status === 201) accepted.push({ id: article.id, events: (JSON.parse(answer.body) as { events: unknown[] }).events.length });
          else errors.push(`POST ${article.id} → ${answer.status} ${answer.body.slice(0, 200)}`);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
    await Promise.all(pending);
  };
  const started = Date.now();
  await Promise.all([...Array.from({ length: CONNECTIONS }, (_, w) => reader(w)), writer()]);
  const elapsed = (Date.now() - started) / 1000;
  clearInterval(sampler);
  agent.destroy();

  // Every accepted article is stored as its draft, with every event its answer listed.
  const stored = await read<{ id: string; events: number }>(
    db,
    "MATCH (d:Draft) WHERE d.articleId STARTS WITH 'load-article-' RETURN d.articleId AS id, d.eventCount AS events",
  );
  const inGraph = new Map(stored.map((row) => [row.id, row.events]));
  const lost = accepted.filter((a) => inGraph.get(a.id) !== a.events);

  const sorted = [...latencies].sort((a, b) => a - b);
  // Resident memory once SETTLED_AT of the reads were answered, at MIDDLE_AT and at the end (each the median
  // of the 2 s of samples up to that point).
  const at = (share: number) => {
    const index = memory.findIndex((sample) => sample.reads >= share * latencies.length);
    const upTo = index === -1 ? memory.length : index + 1;
    return median(memory.slice(Math.max(0, upTo - 4), upTo).map((sample) => sample.mb));
  };
  const rss = { start: at(SETTLED_AT), middle: at(MIDDLE_AT), end: at(1) };
  const report = {
    seconds: Number(elapsed.toFixed(1)),
    connections: CONNECTIONS,
    reads: latencies.length,
    readsPerSecond: Math.round(latencies.length / elapsed),
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 },
    writes: { attempted: writes, accepted: accepted.length, lost: lost.length },
    errors: errors.length,
    rssMb: { ...rss, max: Math.max(...memory.map((sample) => sample.mb)), every5s: memory.filter((_, i) => i % 10 === 0).map((sample) => sample.mb) },
  };
  const round = (value: unknown): unknown =>
    typeof value === 'number'
      ? Math.round(value * 10) / 10
      : Array.isArray(value)
        ? value.map(round)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]))
          : value;
  fs.mkdirSync(path.join(PROJECT_ROOT, 'test-artifacts'), { recursive: true });
  fs.writeFileSync(path.join(PROJECT_ROOT, 'test-artifacts', 'load-report.json'), JSON.stringify(round(report), null, 2));
  process.stderr.write(`load: ${JSON.stringify(round(report))}\n`);

  // The server's own account of what failed, next to the failures.
  const failures = server
    .output()
    .split('\n')
    .filter((line) => line.includes('request failed'));
  expect({ errors: errors.slice(0, 10), serverSaid: failures.slice(0, 3).map((line) => line.slice(0, 1500)) }).toEqual({ errors: [], serverSaid: [] });
  expect(accepted.length).toBeGreaterThanOrEqual(Math.floor(SECONDS / 2));
  expect(lost).toEqual([]);
  // A floor far below what even a busy 2-core machine serves (13/s at worst seen), so a stall shows.
  expect(latencies.length).toBeGreaterThan(SECONDS * 5);
  // Bounded: the server never holds more than MEMORY_CEILING_MB, however busy the machine.
  expect(report.rssMb.max).toBeLessThan(MEMORY_CEILING_MB);
  // Steady, judged on the long run only: the heap grows to its working size, then levels off. Over the last
  // 30 % of the reads memory grows by little (under 32 MB or 10 %), or at least by less than half of what it
  // grew over the 30 % before them; a leak grows with every read, at the same pace all along. Ten seconds on
  // two shared cores are too few to tell a leak from V8 growing its old space in steps (seen: +70 MB in the
  // last 3 s of a run with no leak), so `npm test` holds the ceiling and `npm run test:load` both.
  if (SECONDS >= LEVELLING_MIN_S) {
    const late = rss.end - rss.middle;
    const early = rss.middle - rss.start;
    const levelsOff = late < Math.max(32, rss.middle * 0.1) || late < early / 2;
    expect(levelsOff ? 'levels off' : `grows: ${JSON.stringify(report.rssMb)}`).toBe('levels off');
  }
  expect(server.process.exitCode).toBeNull();
});
