import { HEADLESS_CHROMIUM_SWITCHES } from './chromium-switches';
import { chromium, type Browser } from 'playwright-core';
import { positiveInt } from '../cli/program';
import { databaseIsEmpty, loadSeed } from '../ingest/seed';
import { openBenchCorpus, startBenchApp } from './bench-corpus';
import {
  benchDb,
  BENCH_INSTANCE,
  benchProgram,
  corpusOptions,
  describeMachine,
  log,
  machineLine,
  percentile,
  printFigures,
  round,
  runBench,
  SEED_INSTANCE,
  startBenchNeo4j,
} from './common';

/**
 * `npm run bench:page [-- --events 1000000 --runs 9]`
 *
 * Headless Chromium opens /timeline over two databases: the million-event corpus (the bench instance) and
 * the seed alone (its own small `bench-seed` instance), on the same window, a dense year of the corpus.
 * Measured: the time from navigation until the visible items are drawn (the timeline marks its root with
 * `data-mode` and drops `aria-busy` once the window's items or buckets are on screen), median of --runs
 * fresh page loads after one warm-up (the databases taken in turn), and the most items or buckets the browser was handed by
 * /api/timeline in any response (and drawn, counted as .vis-item elements).
 */

const WINDOW = '/timeline?from=2025-01-01&to=2025-12-31';

interface Measure {
  ms: number[];
  maxItemsGiven: number;
  maxItemsDrawn: number;
}

/** One fresh page load of `path`: milliseconds until drawn, items handed over, items drawn. */
async function loadOnce(browser: Browser, baseUrl: string, path: string): Promise<{ ms: number; given: number; drawn: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    let given = 0;
    const responses: Array<Promise<void>> = [];
    page.on('response', (response) => {
      if (!response.url().includes('/api/timeline')) return;
      responses.push(
        response.json().then(
          (body: { items?: unknown[]; buckets?: unknown[] }) => {
            given = Math.max(given, (body.items?.length ?? 0) + (body.buckets?.length ?? 0));
          },
          () => {},
        ),
      );
    });
    const start = Date.now();
    await page.goto(baseUrl + path, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => {
        const root = (
          globalThis as unknown as { document: { querySelector: (s: string) => { dataset: { mode?: string }; hasAttribute: (a: string) => boolean } | null } }
        ).document.querySelector('[data-timeline]');
        return Boolean(root?.dataset.mode && !root.hasAttribute('aria-busy'));
      },
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    const ms = Date.now() - start;
    const drawn = await page.locator('.vis-item').count();
    await Promise.all(responses);
    return { ms, given, drawn };
  } finally {
    await context.close();
  }
}

/**
 * The targets are loaded in turn, run after run (not all runs of one, then all of the other), so that a
 * change in the machine's load during the benchmark weighs on all of them alike. Run 0 is a warm-up.
 */
async function measure(browser: Browser, targets: Array<{ baseUrl: string; path: string }>, runs: number): Promise<Measure[]> {
  const results: Measure[] = targets.map(() => ({ ms: [], maxItemsGiven: 0, maxItemsDrawn: 0 }));
  for (let run = 0; run <= runs; run++) {
    for (const [i, target] of targets.entries()) {
      const { ms, given, drawn } = await loadOnce(browser, target.baseUrl, target.path);
      const result = results[i] as Measure;
      result.maxItemsGiven = Math.max(result.maxItemsGiven, given);
      result.maxItemsDrawn = Math.max(result.maxItemsDrawn, drawn);
      if (run > 0) result.ms.push(ms);
    }
  }
  return results;
}

interface PageBenchOptions {
  events: number;
  seed: number;
  runs: number;
  chromium: string;
}

const program = corpusOptions(benchProgram('bench:page', '/timeline in Chromium: the million-event corpus against the seed alone'), 1_000_000)
  .option('--runs <n>', 'page loads measured per database (after one warm-up)', positiveInt, 9)
  .option('--chromium <path>', 'the Chromium to drive', '/usr/bin/chromium');

async function main({ events, seed, runs, chromium: executablePath }: PageBenchOptions): Promise<void> {
  const corpus = await openBenchCorpus(events, seed);
  const seedDb = benchDb(await startBenchNeo4j(SEED_INSTANCE));
  if (await databaseIsEmpty(seedDb)) await loadSeed(seedDb, () => {});
  const million = await startBenchApp(corpus.db);
  const seedApp = await startBenchApp(seedDb);
  const browser = await chromium.launch({
    executablePath,
    args: [...HEADLESS_CHROMIUM_SWITCHES],
  });
  const machine = describeMachine();
  let seedResult: Measure;
  let millionResult: Measure;
  let millionFull: Measure;
  try {
    [seedResult, millionResult, millionFull] = (await measure(
      browser,
      [
        { baseUrl: seedApp.baseUrl, path: WINDOW },
        { baseUrl: million.baseUrl, path: WINDOW },
        { baseUrl: million.baseUrl, path: '/timeline' },
      ],
      runs,
    )) as [Measure, Measure, Measure];
  } finally {
    await browser.close();
    await million.close();
    await seedApp.close();
    await corpus.db.driver.close();
    await seedDb.driver.close();
  }
  const seedMs = percentile(seedResult.ms, 50);
  const millionMs = percentile(millionResult.ms, 50);
  const fullMs = percentile(millionFull.ms, 50);
  const maxGiven = Math.max(seedResult.maxItemsGiven, millionResult.maxItemsGiven, millionFull.maxItemsGiven);
  const maxDrawn = Math.max(seedResult.maxItemsDrawn, millionResult.maxItemsDrawn, millionFull.maxItemsDrawn);
  log(`\npage benchmark: /timeline, median of ${runs} loads after a warm-up`);
  log(machineLine(machine));
  log(`  seed alone        ${WINDOW}: ${seedMs} ms (p95 ${percentile(seedResult.ms, 95)} ms), ${seedResult.maxItemsGiven} items given`);
  log(
    `  ${events.toLocaleString('en')} events ${WINDOW}: ${millionMs} ms (p95 ${percentile(millionResult.ms, 95)} ms), ${millionResult.maxItemsGiven} items/buckets given`,
  );
  log(`  ${events.toLocaleString('en')} events /timeline (everything): ${fullMs} ms, ${millionFull.maxItemsGiven} items/buckets given`);
  log(`  ratio ${round(millionMs / seedMs)} (target ≤ 1.5); at most ${maxGiven} items handed to the browser (target ≤ 500), ${maxDrawn} drawn`);
  log(`  instances left running: bench (${BENCH_INSTANCE.port}) and bench-seed (7691); stop them with: npm run bench:stop`);
  printFigures({
    bench: 'page',
    seed_ms: seedMs,
    million_ms: millionMs,
    ratio: round(millionMs / seedMs),
    max_items_rendered: maxGiven,
    max_items_drawn: maxDrawn,
    million_full_view_ms: fullMs,
    load1: machine.load1,
  });
}

runBench(program, main);
