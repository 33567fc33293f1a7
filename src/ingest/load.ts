import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/query';
import { migrateOnce } from '../migrations/migrations.service';
import { LINK_KINDS } from '../domain/taxonomy';
import { FactsChecker, type FactsEntry } from './check-facts';
import { listFactsFiles, readFactsDocuments, readLines } from './facts-files';
import { FactsValidationError, type FileProblem } from '../domain/errors';
import { toGraphRows, type GraphRows } from './graph-rows';
import { existingActorIds, holdsEvents, noWrites, warmUpWrites, writeFactsBatch, type WriteCounts, type WriteOptions } from './load.repository';
import { ensureMeasures, refreshMeasures } from '../sanctions/refresh';
import { DeferredSummaries, rebuildAbandonedSummaries } from './deferred-summaries';
import { checkFactsFilesInParallel, checkThreadsFor, MAX_PROBLEMS } from './parallel-check';
import { type BatchFootprint, dependsOn, footprintOf, WrittenActors } from './write-pipeline';

export interface LoadProgress {
  file: string;
  index: number;
  total: number;
  events: number;
}

export interface LoadSummary extends WriteCounts {
  articles: number;
  events: number;
  actors: number;
}

/**
 * A batch (one transaction) closes once it holds this many rows (nodes and relationships to write) or this
 * many articles: thousands of rows per UNWIND, few enough that a batch is a modest transaction.
 */
export const BATCH_ROWS = 10_000;
export const BATCH_ARTICLES = 500;
/** Where a batch closes: tests make them small, to see several batches without loading thousands of events. */
export interface BatchSize {
  rows: number;
  articles: number;
}
const DEFAULT_BATCH: BatchSize = { rows: BATCH_ROWS, articles: BATCH_ARTICLES };
/** Transactions a file load keeps open at once: two cores' worth on a small server. */
export const WRITES_IN_FLIGHT = 2;

/**
 * The pending migrations first (once per database handle: the schema's statements, each taking a schema lock,
 * before every posted article were round trips that only added waiting under concurrent posts; the summaries of
 * events written before they existed); then the sanctions measures for a database that never had them, and any
 * a crash left stale.
 */
export async function prepareForWrites(db: Db, log?: (message: string) => void): Promise<void> {
  await migrateOnce(db, log);
  await rebuildAbandonedSummaries(db, log);
  await ensureMeasures(db, log);
}

/** Reads every facts file under the given paths; throws FactsValidationError listing every problem found. */
export function readFactsPaths(paths: readonly string[]): FactsEntry[] {
  const entries: FactsEntry[] = [];
  const problems: FileProblem[] = [];
  for (const file of paths.flatMap(listFactsFiles)) {
    for (const document of readFactsDocuments(file)) {
      problems.push(...document.problems);
      if (document.facts) entries.push({ file: document.file, facts: document.facts });
    }
  }
  if (problems.length > 0) throw new FactsValidationError(problems);
  return entries;
}

const rowCount = (rows: GraphRows) =>
  1 +
  rows.actors.length +
  rows.events.length +
  rows.participants.length +
  rows.sources.length +
  rows.affiliations.length +
  LINK_KINDS.reduce((sum, kind) => sum + rows.links[kind].length, 0) +
  rows.reactions.length * 2;

/** Groups articles into batches of about `size.rows` rows. */
async function* batches<T extends { rows: GraphRows }>(items: AsyncIterable<T> | Iterable<T>, size: BatchSize): AsyncGenerator<T[]> {
  let batch: T[] = [];
  let rows = 0;
  for await (const item of items) {
    batch.push(item);
    rows += rowCount(item.rows);
    if (rows >= size.rows || batch.length >= size.articles) {
      yield batch;
      batch = [];
      rows = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

function addCounts(summary: LoadSummary, counts: WriteCounts): void {
  summary.nodesCreated += counts.nodesCreated;
  summary.relationshipsCreated += counts.relationshipsCreated;
  summary.relationshipsDeleted += counts.relationshipsDeleted;
  summary.nodesDeleted += counts.nodesDeleted;
}

/**
 * How a load writes its batches. `inFlight`: how many transactions may be open at once (a file load keeps two,
 * so the server writes one batch while it plans or commits another, on a second core; write-pipeline.ts keeps
 * them from seeing each other half-written). `actors`: leave out the rows of actors the load has already written
 * as they stand. `size`: where a batch closes.
 */
interface Pipeline {
  inFlight: number;
  actors?: WrittenActors;
  size: BatchSize;
}

/**
 * Writes batches one transaction each, preparing the next batch while the database writes the current one.
 * Each article is in exactly one batch, so each is written whole or not at all.
 */
async function writeBatches(
  db: Db,
  items: AsyncIterable<{ file: string; rows: GraphRows }> | Iterable<{ file: string; rows: GraphRows }>,
  total: number,
  onProgress: (progress: LoadProgress) => void,
  pipeline: Pipeline,
  options?: WriteOptions,
  beforeBatch?: (eventIds: string[]) => Promise<void>,
): Promise<LoadSummary> {
  const summary: LoadSummary = { articles: 0, events: 0, actors: 0, ...noWrites() };
  const report = (batch: Array<{ file: string; rows: GraphRows }>, counts: WriteCounts) => {
    addCounts(summary, counts);
    for (const { file, rows } of batch) {
      summary.articles += 1;
      summary.events += rows.events.length;
      summary.actors += rows.actors.length;
      onProgress({ file, index: summary.articles, total, events: rows.events.length });
    }
  };
  /** The batches in flight, oldest first. */
  let writing: Array<{ footprint: BatchFootprint; done: Promise<void> }> = [];
  const waitFor = async (count: number) => {
    const waited = writing.slice(0, count);
    writing = writing.slice(count);
    for (const { done } of waited) await done;
  };
  for await (const batch of batches(items, pipeline.size)) {
    const rows = pipeline.actors ? pipeline.actors.leaveOutUnchanged(batch.map((item) => item.rows)) : batch.map((item) => item.rows);
    const footprint = footprintOf(rows);
    // Waits, in order, up to the last batch in flight it depends on, and for the oldest if none is free.
    let dependencies = 0;
    writing.forEach((earlier, i) => {
      if (dependsOn(footprint, earlier.footprint)) dependencies = i + 1;
    });
    await waitFor(Math.max(dependencies, writing.length - pipeline.inFlight + 1));
    await beforeBatch?.(batch.flatMap((item) => item.rows.events.map((e) => e.id)));
    const done = writeFactsBatch(db, rows, options).then((counts) => report(batch, counts));
    done.catch(() => {}); // awaited below or by a later batch; not an unhandled rejection meanwhile
    writing.push({ footprint, done });
  }
  await waitFor(writing.length);
  return summary;
}

/** Waits for both, whichever fails first; throws the first failure once both are over (none left running). */
async function bothOrThrow(first: Promise<unknown>, second: Promise<unknown>): Promise<void> {
  const failure = (await Promise.allSettled([first, second])).find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Once per load, not per batch: a busy line touched by every batch is recomputed once. */
async function finishLoad(db: Db, summary: LoadSummary): Promise<LoadSummary> {
  await refreshMeasures(db);
  return summary;
}

/**
 * Checks every entry before the first write, so a bad file anywhere in a load leaves the database as it
 * was; then writes the articles in batches, several per transaction. Idempotent: a second load of the same
 * files changes nothing.
 */
export async function loadEntries(
  db: Db,
  entries: readonly FactsEntry[],
  onProgress: (progress: LoadProgress) => void = () => {},
  options?: WriteOptions,
  size: BatchSize = DEFAULT_BATCH,
): Promise<LoadSummary> {
  const checker = new FactsChecker();
  for (const entry of entries) checker.add(entry);
  const problems = checker.finish(await existingActorIds(db, checker.undefinedActorRefs()));
  if (problems.length > 0) throw new FactsValidationError(problems);
  await prepareForWrites(db);
  const items = entries.map(({ file, facts }) => ({ file, rows: toGraphRows(facts) }));
  return finishLoad(db, await writeBatches(db, items, entries.length, onProgress, { inFlight: 1, size }, options));
}

/**
 * Reads and checks every document of the files (schema, ids, references, quotes), keeping only id sets, and hands
 * each one's graph rows to `take` in load order, until a problem is found (then nothing will be written: it goes
 * on checking, handing nothing more). Throws FactsValidationError listing every problem; answers how many
 * documents it handed. The first pass of both loads: the online one spools the rows, the bulk one writes them
 * as import files (bulk-load.ts).
 */
export async function checkFactsFiles(db: Db, files: readonly string[], take: (file: string, rows: GraphRows) => void): Promise<number> {
  const checker = new FactsChecker();
  const problems: FileProblem[] = [];
  let total = 0;
  for (const file of files) {
    for (const document of readFactsDocuments(file)) {
      if (problems.length < MAX_PROBLEMS) problems.push(...document.problems);
      if (!document.facts) continue;
      checker.add({ file: document.file, facts: document.facts });
      if (problems.length > 0) continue; // nothing will be written: stop handing rows, keep checking
      take(document.file, toGraphRows(document.facts));
      total += 1;
    }
  }
  problems.push(...checker.finish(await existingActorIds(db, checker.undefinedActorRefs())));
  if (problems.length > 0) throw new FactsValidationError(problems.slice(0, MAX_PROBLEMS));
  return total;
}

/**
 * Loads facts files of any size (a folder of JSON Lines shards with a million events included) in two passes
 * over the files, never holding more than a batch in memory:
 *  1. every document is read and checked; its graph rows are spooled to temporary files. Several files are read,
 *     schema-checked and flattened by several threads at once (parallel-check.ts), one file or a small load by
 *     this one (checkFactsFiles). Any problem anywhere: nothing is written, every problem reported.
 *     Meanwhile the server plans the write statements (warmUpWrites: nothing is written).
 *  2. the spooled rows are written in batches of several articles per transaction, two transactions in flight
 *     (write-pipeline.ts); the activity summaries of the events they create once at the end (deferred-summaries.ts),
 *     while the sanctions measures of the events they marked are recomputed (the two share no node).
 * `checkThreads`: how many threads check the files (by default checkThreadsFor); `batchSize`: where a batch closes.
 */
export async function loadFactsPaths(
  db: Db,
  paths: readonly string[],
  onProgress: (p: LoadProgress) => void = () => {},
  { checkThreads, batchSize = DEFAULT_BATCH }: { checkThreads?: number; batchSize?: BatchSize } = {},
) {
  const files = paths.flatMap(listFactsFiles);
  const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-load-'));
  try {
    const warming = warmUpWrites(db);
    let checked: { total: number; spools: string[] };
    try {
      const threads = checkThreads ?? checkThreadsFor(files);
      checked =
        threads > 1 ? await checkFactsFilesInParallel(db, files, spoolDir, threads) : await checkIntoSpool(db, files, path.join(spoolDir, 'rows.jsonl'));
    } finally {
      await warming;
    }
    await prepareForWrites(db);
    // Before the marker and the first batch: a first load's batches then look only for the events it created.
    const ownEvents = (await holdsEvents(db)) ? undefined : new Set<string>();
    const deferred = await DeferredSummaries.open(db);
    let summary: LoadSummary;
    try {
      const options: WriteOptions = {
        review: 'auto',
        ownEvents,
        defer: (batch) => {
          deferred.add(batch);
          for (const id of batch.created) ownEvents?.add(id);
        },
      };
      const pipeline = { inFlight: WRITES_IN_FLIGHT, actors: new WrittenActors(), size: batchSize };
      summary = await writeBatches(db, spooled(checked.spools), checked.total, onProgress, pipeline, options, (ids) => deferred.beforeBatch(ids));
      // The activity summaries and the sanctions measures are nodes of their own: written at once, each on a core.
      await bothOrThrow(deferred.close(), refreshMeasures(db));
    } catch (error) {
      deferred.abandon();
      throw error;
    }
    return summary;
  } finally {
    fs.rmSync(spoolDir, { recursive: true, force: true });
  }
}

/** The first pass in this thread (checkFactsFiles), the rows spooled to one file. */
async function checkIntoSpool(db: Db, files: readonly string[], spool: string): Promise<{ total: number; spools: string[] }> {
  const fd = fs.openSync(spool, 'w');
  try {
    let pending: string[] = [];
    let pendingChars = 0;
    const total = await checkFactsFiles(db, files, (file, rows) => {
      const line = JSON.stringify({ file, rows });
      pending.push(line);
      pendingChars += line.length;
      if (pendingChars > 1 << 22) {
        fs.writeSync(fd, `${pending.join('\n')}\n`);
        pending = [];
        pendingChars = 0;
      }
    });
    if (pending.length > 0) fs.writeSync(fd, `${pending.join('\n')}\n`);
    return { total, spools: [spool] };
  } finally {
    fs.closeSync(fd);
  }
}

/** The spooled articles back, one at a time, yielding to the event loop now and then so writes proceed. */
async function* spooled(spools: readonly string[]): AsyncGenerator<{ file: string; rows: GraphRows }> {
  let count = 0;
  for (const spool of spools) {
    for (const { text } of readLines(spool)) {
      yield JSON.parse(text) as { file: string; rows: GraphRows };
      if (++count % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
