import { positiveInt } from '../cli/program';
import { writeCorpus } from '../corpus/write';
import { removeInstance, stopLocalNeo4j, type InstanceOptions } from '../db/local-neo4j';
import type { Db } from '../db/query';
import { ensureSchema } from '../db/schema';
import { bulkLoadFactsPaths, type BulkSummary } from '../ingest/bulk-load';
import { toGraphRows } from '../ingest/graph-rows';
import { loadFactsPaths, prepareForWrites } from '../ingest/load';
import { contentFingerprint } from '../db/fingerprint';
import {
  benchDb,
  type Machine,
  benchProgram,
  corpusOptions,
  describeMachine,
  elapsedMs,
  LOAD_BENCH_INSTANCE,
  log,
  machineLine,
  printFigures,
  round,
  runBench,
  startBenchNeo4j,
} from './common';
import { addRows, corpusFacts, emptyCounts, totalRows, type RowCounts } from './corpus-rows';
import { runLoadCsv, serverImportDir, writeCorpusCsv } from './load-csv';
import { naiveLoad } from './naive-load';

/**
 * `npm run bench:load -- --events 100000 [--seed 1] [--naive-events 2000]`
 *
 * The project's loader against Neo4j's own LOAD CSV and against one-transaction-per-fact writes, on the same
 * server configuration, the same machine and the same generated corpus. Each path starts from an empty
 * database (the instance folder is deleted and the server started anew), with the constraints and indexes
 * already in place. Rows are counted the same way for all three: articles + actors + events + participants
 * + sources + affiliations + links (every node and relationship written). Timing:
 *   - project: `loadFactsPaths` on the JSON Lines corpus, end to end (reading, validating, writing);
 *   - LOAD CSV: the LOAD CSV statements only (the CSV files are written into the import folder beforehand,
 *     untimed, which favours LOAD CSV); then, timed apart, the activity summaries the project's loader keeps
 *     as it goes (summaries, pairs, counts per month, places, measures), built over the loaded graph by the
 *     migration steps and the measures' refresh: the same end state, checked by node and relationship counts and
 *     by the content fingerprint (every property; `same_content`);
 *   - naive: the first --naive-events events, fact by fact, and the rate extrapolated;
 *   - bulk: `kb load --bulk` (ingest/bulk-load.ts) into an empty database, end to end, in its three phases:
 *     reading, checking and writing the import files; stopping the server, neo4j-admin's import, starting it;
 *     the schema, summaries, places and measures. `--bulk-only` runs this path alone (the million-event run);
 *     `--online-only` the project loader and LOAD CSV alone (to compare two versions of the loader).
 * The instance (`bench-load`, port 7690; `--port` another, in `.neo4j/bench-load-<port>`) is left running;
 * `npm run bench:stop` stops the one on 7690.
 */

async function freshDatabase(instance: InstanceOptions): Promise<Db> {
  await stopLocalNeo4j(instance.name, () => {});
  removeInstance(instance.name);
  const db = benchDb(await startBenchNeo4j(instance));
  await ensureSchema(db);
  return db;
}

/**
 * The stated graph: every node and relationship but the loader's derived data (activity summaries, pairs, role
 * links, counts per month, places, sanctions measures, the records of the migration steps): LOAD CSV does not
 * build them; the project's time includes building them. With `withSummaries`, everything.
 */
async function graphSize(db: Db, withSummaries = false): Promise<{ nodes: number; relationships: number }> {
  const { records } = await db.driver.executeQuery(
    `CALL () { MATCH (n) WHERE $withSummaries OR NOT (n:ActorPair OR n:RoleLink OR n:MonthCount OR n:ActorMonth OR n:Place OR n:PlaceYear OR n:PlaceMonth OR n:SummaryVersion OR n:Migration OR n:Measure OR n:MeasuresVersion) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() WHERE $withSummaries OR NOT (r:IN_PAIR OR r:IN_ROLE OR r:LOCATED_AT OR r:CHANGED_BY) RETURN count(r) AS relationships }
     RETURN nodes, relationships`,
    { withSummaries },
    { database: db.database },
  );
  const record = records[0];
  return { nodes: Number(record?.get('nodes') ?? 0), relationships: Number(record?.get('relationships') ?? 0) };
}

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const describeCounts = (counts: RowCounts) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n.toLocaleString('en')} ${name}`)
    .join(', ');

interface LoadBenchOptions {
  events: number;
  seed: number;
  naiveEvents: number;
  port: number;
  bulkOnly?: boolean;
  onlineOnly?: boolean;
}

/** The corpus's rows, counted as every path counts them (untimed: a pass over the files). */
async function corpusRows(corpusDir: string): Promise<RowCounts> {
  const counts = emptyCounts();
  for await (const facts of corpusFacts(corpusDir)) addRows(counts, toGraphRows(facts));
  return counts;
}

interface BulkRun {
  summary: BulkSummary;
  ms: number;
  size: { nodes: number; relationships: number };
  fullSize: { nodes: number; relationships: number };
  /** The content fingerprint (db/fingerprint.ts), unless asked not to read it (a million events). */
  content?: string;
}

/** `kb load --bulk`'s path, from an empty instance (started beforehand, untimed, as for the other paths). */
async function bulkRun(instance: InstanceOptions, corpusDir: string, fingerprint = true): Promise<BulkRun> {
  await stopLocalNeo4j(instance.name, () => {});
  removeInstance(instance.name);
  await startBenchNeo4j(instance);
  const summary = await bulkLoadFactsPaths(instance, [corpusDir], { settings: { DB_TIMEOUT_S: 600, DB_BUDGET_S: 600 }, log: (message) => log(`  ${message}`) });
  const { writeCsvMs, importMs, buildMs } = summary.phases;
  const db = benchDb(await startBenchNeo4j(instance));
  try {
    const content = fingerprint ? await contentFingerprint(db) : undefined;
    return { summary, ms: writeCsvMs + importMs + buildMs, size: await graphSize(db), fullSize: await graphSize(db, true), content };
  } finally {
    await db.driver.close();
  }
}

/** The bulk path's figures, as its own JSON line's fields or beside the others'. */
function bulkFigures(run: BulkRun, rows: number) {
  const { writeCsvMs, importMs, buildMs } = run.summary.phases;
  return {
    bulk_rows_per_s: perSecond(rows, run.ms),
    bulk_s: round(run.ms / 1000, 1),
    bulk_phases_s: { write_csv: round(writeCsvMs / 1000, 1), import: round(importMs / 1000, 1), build: round(buildMs / 1000, 1) },
  };
}

const describeBulk = (run: BulkRun, rows: number) => {
  const f = bulkFigures(run, rows);
  return `  bulk (kb load --bulk)  ${f.bulk_s} s  ${f.bulk_rows_per_s.toLocaleString('en')} rows/s  (import files ${f.bulk_phases_s.write_csv} s, import ${f.bulk_phases_s.import} s, schema ${f.bulk_phases_s.build} s) → ${run.size.nodes.toLocaleString('en')} nodes, ${run.size.relationships.toLocaleString('en')} relationships`;
};

/** The instance of the run: bench-load on 7690, or one of its own on another port. */
const loadInstance = (port: number): InstanceOptions =>
  port === LOAD_BENCH_INSTANCE.port ? LOAD_BENCH_INSTANCE : { ...LOAD_BENCH_INSTANCE, name: `bench-load-${port}`, port };

async function bulkOnly(instance: InstanceOptions, corpusDir: string, events: number, machineBefore: Machine): Promise<void> {
  const rows = totalRows(await corpusRows(corpusDir));
  log('\n[bulk] kb load --bulk: import files, neo4j-admin database import, then the schema …');
  const run = await bulkRun(instance, corpusDir, false);
  const machineAfter = describeMachine();
  log('\nload benchmark (bulk only)');
  log(machineLine(machineBefore));
  log(`  load average before ${machineBefore.load1}, after ${machineAfter.load1}`);
  log(`  rows: ${rows.toLocaleString('en')}`);
  log(describeBulk(run, rows));
  log(`  the ${instance.name} instance is left running (port ${instance.port})`);
  printFigures({
    bench: 'load',
    path: 'bulk',
    events,
    rows,
    ...bulkFigures(run, rows),
    nodes: run.fullSize.nodes,
    relationships: run.fullSize.relationships,
    load1_before: machineBefore.load1,
    load1_after: machineAfter.load1,
  });
}

const program = corpusOptions(benchProgram('bench:load', 'The project loader against LOAD CSV and one transaction per fact, on the same corpus'), 100_000)
  .option('--naive-events <n>', 'events of the corpus written one transaction per fact (that path is slow)', positiveInt, 2_000)
  .option('--port <n>', "Bolt port of the benchmark's Neo4j (another than 7690 gets an instance of its own)", positiveInt, LOAD_BENCH_INSTANCE.port)
  .option('--bulk-only', 'measure only kb load --bulk (the path for a million events)')
  .option('--online-only', 'measure only the project loader and LOAD CSV (to compare two versions of the loader quickly)');

async function main({ events, seed, naiveEvents, port, bulkOnly: onlyBulk, onlineOnly }: LoadBenchOptions): Promise<void> {
  const instance = loadInstance(port);
  const corpusDir = writeCorpus(events, seed, undefined, (message: string) => process.stderr.write(message));
  const machineBefore = describeMachine();
  log(`corpus: ${corpusDir}`);
  if (onlyBulk) return bulkOnly(instance, corpusDir, events, machineBefore);

  log('\n[1/4] the project loader (npm run kb / loadFactsPaths) …');
  let db = await freshDatabase(instance);
  let start = process.hrtime.bigint();
  let lastReport = Date.now();
  let firstWrittenMs: number | undefined;
  const summary = await loadFactsPaths(db, [corpusDir], (progress) => {
    firstWrittenMs ??= elapsedMs(start);
    if (Date.now() - lastReport < 10_000) return;
    lastReport = Date.now();
    log(`  … ${progress.index.toLocaleString('en')} / ${progress.total.toLocaleString('en')} articles`);
  });
  const projectMs = elapsedMs(start);
  const projectSize = await graphSize(db);
  const projectFullSize = await graphSize(db, true);
  const projectContent = await contentFingerprint(db);
  await db.driver.close();
  log(
    `  ${summary.articles.toLocaleString('en')} articles, ${summary.events.toLocaleString('en')} events in ${round(projectMs / 1000, 1)} s (checking everything before the first write: about ${round((firstWrittenMs ?? 0) / 1000, 1)} s)`,
  );

  log('\n[2/4] LOAD CSV … CALL { … } IN TRANSACTIONS OF 10000 ROWS …');
  db = await freshDatabase(instance);
  start = process.hrtime.bigint();
  const counts = await writeCorpusCsv(corpusDir, await serverImportDir(db));
  const csvWriteMs = elapsedMs(start);
  const rows = totalRows(counts);
  log(`  corpus rows: ${rows.toLocaleString('en')} (${describeCounts(counts)}); CSV files written in ${round(csvWriteMs / 1000, 1)} s (not timed)`);
  const timings = await runLoadCsv(db);
  const loadCsvMs = timings.reduce((sum, t) => sum + t.ms, 0);
  const csvSize = await graphSize(db);
  log(`  ${timings.map((t) => `${t.name} ${round(t.ms / 1000, 1)} s`).join(', ')}`);
  // The loader also keeps the derived data; LOAD CSV's graph gets it afterwards from the migration steps that
  // build it for any database written without it (set-based passes over the whole graph), then the measures.
  start = process.hrtime.bigint();
  await prepareForWrites(db);
  const csvSummariesMs = elapsedMs(start);
  const csvFullSize = await graphSize(db, true);
  const csvContent = await contentFingerprint(db);
  await db.driver.close();
  log(`  then the derived data (summaries, pairs, counts per month, places, measures), computed from the whole graph: ${round(csvSummariesMs / 1000, 1)} s`);

  if (onlineOnly) {
    const machineAfter = describeMachine();
    const same = projectSize.nodes === csvSize.nodes && projectSize.relationships === csvSize.relationships;
    const sameFull = projectFullSize.nodes === csvFullSize.nodes && projectFullSize.relationships === csvFullSize.relationships;
    const projectRate = perSecond(rows, projectMs);
    const loadCsvRate = perSecond(rows, loadCsvMs);
    log('\nload benchmark (the project loader and LOAD CSV only)');
    log(machineLine(machineBefore));
    log(`  project loader ${round(projectMs / 1000, 1)} s, LOAD CSV ${round(loadCsvMs / 1000, 1)} s: ratio ${round(projectRate / loadCsvRate)} (target ≥ 1.0)`);
    printFigures({
      bench: 'load',
      path: 'online',
      events,
      rows,
      project_rows_per_s: projectRate,
      load_csv_rows_per_s: loadCsvRate,
      ratio_vs_load_csv: round(projectRate / loadCsvRate),
      ratio_vs_load_csv_plus_summaries: round(projectRate / perSecond(rows, loadCsvMs + csvSummariesMs)),
      project_s: round(projectMs / 1000, 1),
      project_first_write_s: round((firstWrittenMs ?? 0) / 1000, 1),
      load_csv_s: round(loadCsvMs / 1000, 1),
      load_csv_summaries_s: round(csvSummariesMs / 1000, 1),
      same_graph: same && sameFull,
      same_content: projectContent === csvContent,
      load1_before: machineBefore.load1,
      load1_after: machineAfter.load1,
    });
    // nothing of a quick comparison is read again: a server left running would only slow what runs next
    await stopLocalNeo4j(instance.name, () => {});
    return;
  }

  log(`\n[3/4] naive: one transaction per fact, first ${naiveEvents.toLocaleString('en')} events …`);
  db = await freshDatabase(instance);
  const naive = await naiveLoad(db, corpusDir, naiveEvents);
  await db.driver.close();
  const naiveRows = totalRows(naive.counts);

  log('\n[4/4] kb load --bulk: import files, neo4j-admin database import, then the schema …');
  const bulk = await bulkRun(instance, corpusDir);

  const projectRate = perSecond(rows, projectMs);
  const loadCsvRate = perSecond(rows, loadCsvMs);
  const naiveRate = perSecond(naiveRows, naive.ms);
  const machineAfter = describeMachine();
  const sameSize = (a: typeof csvSize, b: typeof csvSize) => a.nodes === b.nodes && a.relationships === b.relationships;
  const same = sameSize(projectSize, csvSize) && sameSize(projectFullSize, csvFullSize);
  const sameContent = projectContent === csvContent;
  const bulkSameContent = projectContent === bulk.content;
  const withSummariesRate = perSecond(rows, loadCsvMs + csvSummariesMs);
  const bulkSame = sameSize(projectSize, bulk.size) && sameSize(projectFullSize, bulk.fullSize);
  const bulkRate = perSecond(rows, bulk.ms);
  log('\nload benchmark');
  log(machineLine(machineBefore));
  log(`  load average before ${machineBefore.load1}, after ${machineAfter.load1}`);
  log(`  rows (articles + actors + events + participants + sources + affiliations + links): ${rows.toLocaleString('en')}`);
  log(
    `  project loader  ${round(projectMs / 1000, 1)} s  ${projectRate.toLocaleString('en')} rows/s  → ${projectSize.nodes.toLocaleString('en')} nodes, ${projectSize.relationships.toLocaleString('en')} relationships`,
  );
  log(
    `  LOAD CSV        ${round(loadCsvMs / 1000, 1)} s  ${loadCsvRate.toLocaleString('en')} rows/s  → ${csvSize.nodes.toLocaleString('en')} nodes, ${csvSize.relationships.toLocaleString('en')} relationships`,
  );
  log(`  naive (sample)  ${round(naive.ms / 1000, 1)} s for ${naiveRows.toLocaleString('en')} rows  ${naiveRate.toLocaleString('en')} rows/s`);
  log(describeBulk(bulk, rows));
  log(`  same graph from the project loader and LOAD CSV: ${same ? 'yes' : 'NO'}; and from kb load --bulk: ${bulkSame ? 'yes' : 'NO'}`);
  log(
    `  same content (every node, relationship and property): LOAD CSV + derived ${sameContent ? 'yes' : 'NO'}, kb load --bulk ${bulkSameContent ? 'yes' : 'NO'}`,
  );
  log(
    `  LOAD CSV + summaries  ${round((loadCsvMs + csvSummariesMs) / 1000, 1)} s  ${withSummariesRate.toLocaleString('en')} rows/s (the same end state as the project loader's)`,
  );
  log(
    `  ratio vs LOAD CSV ${round(projectRate / loadCsvRate)} (target ≥ 1.0), vs LOAD CSV + summaries ${round(projectRate / withSummariesRate)}, vs naive ${round(projectRate / naiveRate, 1)} (target ≥ 20)`,
  );
  log(
    `  bulk vs LOAD CSV ${round(bulkRate / loadCsvRate)} (target ≥ 5 at a million events), vs LOAD CSV + summaries ${round(bulkRate / withSummariesRate)}, vs the project loader ${round(bulkRate / projectRate)}`,
  );
  log(`  the ${instance.name} instance is left running (port ${instance.port}); stop it with: npm run bench:stop`);
  printFigures({
    bench: 'load',
    events,
    rows,
    project_rows_per_s: projectRate,
    load_csv_rows_per_s: loadCsvRate,
    naive_rows_per_s: naiveRate,
    ratio_vs_load_csv: round(projectRate / loadCsvRate),
    ratio_vs_load_csv_plus_summaries: round(projectRate / withSummariesRate),
    ratio_vs_naive: round(projectRate / naiveRate, 1),
    project_s: round(projectMs / 1000, 1),
    project_first_write_s: round((firstWrittenMs ?? 0) / 1000, 1),
    load_csv_s: round(loadCsvMs / 1000, 1),
    load_csv_summaries_s: round(csvSummariesMs / 1000, 1),
    naive_sample_rows: naiveRows,
    same_graph: same,
    same_content: sameContent,
    ...bulkFigures(bulk, rows),
    bulk_ratio_vs_load_csv: round(bulkRate / loadCsvRate),
    bulk_ratio_vs_load_csv_plus_summaries: round(bulkRate / withSummariesRate),
    bulk_same_graph: bulkSame,
    bulk_same_content: bulkSameContent,
    load1_before: machineBefore.load1,
    load1_after: machineAfter.load1,
  });
}

runBench(program, main);
