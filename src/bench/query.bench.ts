import { positiveInt } from '../cli/program';
import { actorsByActivity, openBenchCorpus, startBenchApp } from './bench-corpus';
import { BENCH_INSTANCE, benchProgram, corpusOptions, describeMachine, log, machineLine, percentile, printFigures, round, runBench } from './common';
import { getJson } from './json-client';
import { recordingDb, replay } from './recording-db';
import { benchActors, buildRoutes, OVERHEAD_FLOOR_MS, OVERHEAD_RATIO, P95_TARGET_MS } from './routes';

/**
 * `npm run bench:query -- --events 1000000 [--seed 1] [--requests 60] [--routes connections,dyad]`
 *
 * With the corpus loaded into the bench instance (once; see bench-corpus.ts), each hot route is requested
 * --requests times through the HTTP API (the real app on loopback) and the very Cypher each request ran is
 * run again through the raw driver (same text, parameters and concurrency; recorded by recording-db.ts).
 * Each distinct request is made once untimed first (a warm server). Each request is timed through the API, then its recorded queries through the driver. Reported: p50 and p95 of both, and the p50 overhead ratio.
 *
 * Routes and actors: see routes.ts.
 */

/**
 * What any API answer costs without a query: the p50 of an unknown /api route (a 404 through the whole
 * middleware stack). The overhead ratio of a route whose query takes a few milliseconds is mostly this.
 */
async function measureHttpFloor(baseUrl: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 250; i++) samples.push((await getJson(`${baseUrl}/api/no-such-route`)).ms);
  return percentile(samples.slice(50), 50);
}

interface QueryBenchOptions {
  events: number;
  seed: number;
  requests: number;
  routes?: string;
}

const program = corpusOptions(benchProgram('bench:query', 'p50/p95 of the hot routes, through the API and as the same Cypher on the driver'), 1_000_000)
  .option('--requests <n>', 'requests per route', positiveInt, 60)
  .option('--routes <names>', 'only the routes whose names start with one of these, comma-separated (default: all)');

async function main({ events, seed, requests, routes }: QueryBenchOptions): Promise<void> {
  // Only the routes named (all by default): to measure a route after changing it.
  const only = (routes ?? '').split(',').filter(Boolean);
  const corpus = await openBenchCorpus(events, seed);
  const ranked = await actorsByActivity(corpus.db);
  const chosen = benchActors(ranked);
  log(`actors: ${chosen.map((a) => `${a.id} (${a.events.toLocaleString('en')} events)`).join(', ')}`);
  const recorder = recordingDb(corpus.db);
  const app = await startBenchApp(recorder.db);
  const machine = describeMachine();
  const results: Array<Record<string, unknown>> = [];
  let httpFloor = Number.NaN;
  try {
    httpFloor = await measureHttpFloor(app.baseUrl);
    log(`  HTTP floor (an unknown /api route: loopback, express, headers, error body; no query) p50 ${round(httpFloor)} ms`);
    for (const route of buildRoutes(chosen, requests, seed).filter((r) => only.length === 0 || only.some((prefix) => r.name.startsWith(prefix)))) {
      // Every distinct request once, untimed: the figures are of a warm server (plans cached, pages in memory).
      for (const path of new Set(route.paths)) {
        await getJson(app.baseUrl + path);
        await replay(corpus.db.driver, corpus.db.database, recorder.take());
      }
      const api: number[] = [];
      const driver: number[] = [];
      const statuses = new Map<number, number>();
      const byActor = new Map<string, number[]>();
      let queries = 0;
      for (const path of route.paths) {
        recorder.take();
        const { status, ms } = await getJson(app.baseUrl + path);
        const recorded = recorder.take();
        api.push(ms);
        const actor = chosen.find((a) => new RegExp(`(actor=|/actors/)${a.id}($|[&/?])`).test(path));
        if (actor) byActor.set(actor.id, [...(byActor.get(actor.id) ?? []), ms]);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        driver.push(await replay(corpus.db.driver, corpus.db.database, recorded));
        queries += recorded.length;
      }
      const row = {
        name: route.name,
        api_p50_ms: round(percentile(api, 50)),
        api_p95_ms: round(percentile(api, 95)),
        driver_p50_ms: round(percentile(driver, 50)),
        driver_p95_ms: round(percentile(driver, 95)),
        overhead_ratio: round(percentile(api, 50) / percentile(driver, 50)),
        overhead_ms: round(percentile(api, 50) - percentile(driver, 50)),
        api_max_ms: round(Math.max(...api)),
        queries_per_request: round(queries / route.paths.length, 1),
        non_200: [...statuses.entries()].filter(([status]) => status !== 200).reduce((sum, [, n]) => sum + n, 0),
      };
      results.push(row);
      log(
        `  ${route.name.padEnd(24)} API p50 ${String(row.api_p50_ms).padStart(7)} ms  p95 ${String(row.api_p95_ms).padStart(7)} ms` +
          `   driver p50 ${String(row.driver_p50_ms).padStart(7)} ms  p95 ${String(row.driver_p95_ms).padStart(7)} ms   overhead ×${row.overhead_ratio}` +
          (row.non_200 > 0 ? `   ${row.non_200} non-200 answers` : ''),
      );
      if (byActor.size > 0) {
        const medians = chosen.filter((a) => byActor.has(a.id)).map((a) => `${a.events.toLocaleString('en')}: ${round(percentile(byActor.get(a.id)!, 50), 1)}`);
        log(`      API p50 ms by the actor's number of events  ${medians.join('  ')}`);
      }
    }
  } finally {
    await app.close();
    await corpus.db.driver.close();
  }
  const after = describeMachine();
  const slow = results
    .filter((r) => (r.api_p95_ms as number) > P95_TARGET_MS(r.name as string))
    .map((r) => `${r.name} (target ${P95_TARGET_MS(r.name as string)} ms)`);
  // The API's own time may be ×1.3 the driver's or 3 ms, whichever is larger.
  const heavy = results
    .filter((r) => (r.overhead_ms as number) > Math.max(OVERHEAD_FLOOR_MS, (OVERHEAD_RATIO - 1) * (r.driver_p50_ms as number)))
    .map((r) => `${r.name} (${r.overhead_ms} ms)`);
  log(`\nquery benchmark: ${events.toLocaleString('en')} events, ${requests} requests per route and path`);
  log(machineLine(machine));
  log(`  load average after ${after.load1}`);
  log(`  API p95 over its target (100 ms for connections, 50 ms for the rest): ${slow.length === 0 ? 'none' : slow.join(', ')}`);
  log(`  p50 overhead over ×${OVERHEAD_RATIO} or ${OVERHEAD_FLOOR_MS} ms: ${heavy.length === 0 ? 'none' : heavy.join(', ')}`);
  log(`  the bench instance is left running (port ${BENCH_INSTANCE.port}); stop it with: npm run bench:stop`);
  printFigures({ bench: 'query', events, requests, http_floor_ms: round(httpFloor), load1_before: machine.load1, load1_after: after.load1, routes: results });
}

runBench(program, main);
