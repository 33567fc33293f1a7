import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { positiveInt } from '../cli/program';
import { PROJECT_ROOT } from '../config/paths';
import { actorsByActivity, openBenchCorpus } from './bench-corpus';
import {
  BENCH_INSTANCE,
  benchProgram,
  corpusOptions,
  describeMachine,
  elapsedMs,
  log,
  machineLine,
  percentile,
  printFigures,
  residentKiB,
  round,
  runBench,
} from './common';
import { benchActors, buildRoutes } from './routes';

/**
 * `npm run bench:http [-- --events 1000000 --connections 50 --seconds 30]`
 *
 * A bounded load on loopback: the app runs as its own process (`node dist/server.js`, as users start it,
 * over the bench instance), and this process keeps --connections requests in flight for --seconds, cycling
 * through the mixed hot read routes of the query benchmark. Bounded in time and in connections: no request
 * is started after the deadline. Reported: requests per second, p50 and p99 latency, errors (connection
 * failures and non-2xx answers) and the app's resident memory before (after a warm-up of the same mix, as
 * long as the load), every 5 s during the load, and after.
 */

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startAppProcess(uri: string, password: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_URI: uri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: password,
      SEED_ON_START: 'never',
      LOG_LEVEL: 'warn',
      DB_TIMEOUT_S: '10',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited during start-up:\n${stderr}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { child, baseUrl };
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the app did not answer within 60 s:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface LoadResult {
  requests: number;
  errors: number;
  /** Failed requests (connection errors and non-2xx answers) per route. */
  errorsByRoute: Map<string, number>;
  statuses: Map<number, number>;
  latencies: number[];
  ms: number;
}

/** Keeps `connections` requests in flight until `seconds` have passed; each loop reuses its own socket. */
async function boundedLoad(baseUrl: string, paths: ReadonlyArray<{ route: string; path: string }>, connections: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const result: LoadResult = { requests: 0, errors: 0, errorsByRoute: new Map(), statuses: new Map(), latencies: [], ms: 0 };
  const start = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  let next = 0;
  const get = (url: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.get(url, { agent, headers: { accept: 'application/json' }, timeout: 30_000 }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', reject);
    });
  const loop = async () => {
    while (Date.now() < deadline) {
      const { route, path } = paths[next++ % paths.length] as { route: string; path: string };
      const begun = process.hrtime.bigint();
      const failed = () => {
        result.errors += 1;
        result.errorsByRoute.set(route, (result.errorsByRoute.get(route) ?? 0) + 1);
      };
      try {
        const status = await get(baseUrl + path);
        result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
        if (status < 200 || status >= 300) failed();
      } catch {
        failed();
      }
      result.latencies.push(elapsedMs(begun));
      result.requests += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  result.ms = elapsedMs(start);
  agent.destroy();
  return result;
}

/** Interleaves the routes' request lists: one of each route in turn. */
function mixedPaths(routes: ReturnType<typeof buildRoutes>): Array<{ route: string; path: string }> {
  const longest = Math.max(...routes.map((r) => r.paths.length));
  return Array.from({ length: longest }, (_, i) => routes.flatMap((r) => (i < r.paths.length ? [{ route: r.name, path: r.paths[i] as string }] : []))).flat();
}

interface HttpBenchOptions {
  events: number;
  seed: number;
  connections: number;
  seconds: number;
  warmup?: number;
}

const program = corpusOptions(benchProgram('bench:http', '50 connections over the hot read routes for 30 s: rps, p50/p99, errors, memory'), 1_000_000)
  .option('--connections <n>', 'requests kept in flight', positiveInt, 50)
  .option('--seconds <n>', 'how long the load lasts', positiveInt, 30)
  .option('--warmup <n>', 'seconds of warm-up before it (default: as long as --seconds)', positiveInt);

async function main({ events, seed, connections, seconds, warmup }: HttpBenchOptions): Promise<void> {
  // The warm-up is as long as the load: V8's heap grows to its working size under the first minutes of
  // traffic, and "before" should be that steady state, not a cold process.
  const warmupSeconds = warmup ?? seconds;
  const corpus = await openBenchCorpus(events, seed);
  const routes = buildRoutes(benchActors(await actorsByActivity(corpus.db)), 100, seed + 1);
  const paths = mixedPaths(routes);
  await corpus.db.driver.close();
  const { child, baseUrl } = await startAppProcess(corpus.connection.uri, corpus.connection.password);
  const pid = child.pid as number;
  let warm: LoadResult;
  let load: LoadResult;
  let before: number | undefined;
  let after: number | undefined;
  const samples: number[] = [];
  const startRss = residentKiB(pid);
  const machine = describeMachine();
  try {
    log(`warm-up: ${connections} connections for ${warmupSeconds} s …`);
    warm = await boundedLoad(baseUrl, paths, connections, warmupSeconds);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    before = residentKiB(pid);
    log(`load: ${connections} connections for ${seconds} s over ${paths.length} request shapes (${routes.length} routes) …`);
    const sampler = setInterval(() => samples.push(residentKiB(pid) ?? 0), 5000);
    load = await boundedLoad(baseUrl, paths, connections, seconds).finally(() => clearInterval(sampler));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    after = residentKiB(pid);
  } finally {
    child.kill('SIGTERM');
  }
  const after1 = describeMachine();
  const rps = load.requests / (load.ms / 1000);
  const growth = before && after ? (after - before) / before : Number.NaN;
  const mib = (kib: number | undefined) => (kib === undefined ? null : round(kib / 1024, 1));
  log(`\nHTTP benchmark: ${connections} connections, ${seconds} s, loopback, mixed read routes`);
  log(machineLine(machine));
  log(`  load average after ${after1.load1}`);
  log(
    `  ${load.requests.toLocaleString('en')} requests, ${round(rps, 1)} per second, p50 ${round(percentile(load.latencies, 50))} ms, p99 ${round(percentile(load.latencies, 99))} ms`,
  );
  log(`  errors: ${load.errors} (statuses ${JSON.stringify(Object.fromEntries(load.statuses))}); warm-up errors ${warm.errors}`);
  if (load.errors > 0) log(`  errors by route: ${JSON.stringify(Object.fromEntries(load.errorsByRoute))}`);
  log(`  app memory (RSS): at start ${mib(startRss)} MiB, after warm-up ${mib(before)} MiB, after the load ${mib(after)} MiB (${round(growth * 100, 1)} %)`);
  log(`  RSS every 5 s during the load (MiB): ${samples.map((kib) => mib(kib)).join(', ')}`);
  log(`  the bench instance is left running (port ${BENCH_INSTANCE.port}); stop it with: npm run bench:stop`);
  printFigures({
    bench: 'http',
    events,
    connections,
    seconds,
    requests: load.requests,
    rps: round(rps, 1),
    p50_ms: round(percentile(load.latencies, 50)),
    p99_ms: round(percentile(load.latencies, 99)),
    errors: load.errors,
    errors_by_route: Object.fromEntries(load.errorsByRoute),
    rss_before_mib: mib(before),
    rss_after_mib: mib(after),
    rss_growth_pct: round(growth * 100, 1),
    rss_during_mib: samples.map((kib) => mib(kib)),
    warmup_s: warmupSeconds,
    load1_before: machine.load1,
    load1_after: after1.load1,
  });
}

runBench(program, main);
