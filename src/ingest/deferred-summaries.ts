import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Neo4jError } from 'neo4j-driver';
import type { Db } from '../db/query';
import { retryOnLockConflict } from '../db/retry';
import { rebuildActivitySummaries } from '../migrations/steps/002-activity-summaries';
import { rebuildPairsLatestEvents } from '../migrations/steps/003-pairs-latest-events';
import { rebuildMonthCounts } from '../migrations/steps/008-month-counts';
import { rebuildPlaceCounts } from '../places/place-counts';
import { writeRoleLinkIds, writeSummaryRows } from './summaries';
import { SummaryTotals } from './summary-totals';
import type { SummaryRows } from './tally';
import type { Deferred } from './load.repository';

/**
 * A file load's activity summaries written once, at its end, instead of in every batch's transaction.
 *
 * Written per batch, a busy actor's counts, its months and its pairs are rewritten by every batch that names
 * it: about as many rows again as the stated graph, in the transactions the load waits for. A file load (`kb
 * load`, loadFactsPaths) instead sums the contributions of the events it creates in memory (summary-totals.ts) and
 * adds them at its end, one row per actor, pair and month. Batches still write the summaries' changes of the events
 * that existed before them (a reloaded article), in their own transaction.
 *
 * What keeps a load that dies from leaving summaries that miss its events: before its first batch, the load writes a
 * `(:PendingSummaries)` marker, and removes it only once its summaries are written. A marker whose load is over
 * (its process gone, or this process no longer running it; on another host, no heartbeat for STALE_MS) makes the
 * next load or the next start of the app compute every summary again from the events (the migration steps'
 * passes), then remove it. A marker of a load still running is marked `rebuiltAt`, and that load then computes
 * them again too, rather than add its events a second time. Until then, the summaries (counts, pairs, months) lag
 * behind the events the load has committed: what readers see mid-load, never after it.
 */

const STALE_MS = 10 * 60_000;
/** Rows per transaction of the summaries written at the end: a modest transaction, however large the load. */
const ROWS_PER_WRITE = 10_000;

/** The loads this process is running, by marker id: their markers are not abandoned. */
const running = new Set<string>();

const OPEN = `
  CREATE (:PendingSummaries {id: $id, host: $host, pid: $pid, startedAt: datetime(), beatAt: datetime()})`;
const BEAT = 'MATCH (m:PendingSummaries {id: $id}) SET m.beatAt = datetime()';
const CLOSE = `
  MATCH (m:PendingSummaries {id: $id})
  WITH m, m.rebuiltAt IS NOT NULL AS superseded
  DELETE m
  RETURN superseded`;
const MARKERS = `
  MATCH (m:PendingSummaries)
  RETURN m.id AS id, m.host AS host, m.pid AS pid, m.beatAt.epochMillis AS beatAt`;

const isCreateConflict = (error: unknown) => error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';

export class DeferredSummaries {
  private totals = new SummaryTotals();
  /** The events whose summaries are summed but not yet written. */
  private pending = new Set<string>();
  /** The role links of the load's affiliations, not yet written. */
  private roleLinks = new Set<string>();
  private lastBeat = Date.now();

  private constructor(
    private readonly db: Db,
    readonly id: string,
  ) {}

  /** Writes the marker (in its own transaction, before any of the load's batches). */
  static async open(db: Db): Promise<DeferredSummaries> {
    const id = randomUUID();
    running.add(id);
    try {
      await db.driver.executeQuery(OPEN, { id, host: os.hostname(), pid: process.pid }, { database: db.database });
    } catch (error) {
      running.delete(id);
      throw error;
    }
    return new DeferredSummaries(db, id);
  }

  /** What a committed batch left to the load's end: its created events' contributions, its role links (WriteOptions.defer). */
  add({ contributions, roleLinks }: Pick<Deferred, 'contributions' | 'roleLinks'>): void {
    this.totals.add(contributions);
    for (const c of contributions) this.pending.add(c.id);
    for (const id of roleLinks) this.roleLinks.add(id);
  }

  /**
   * Before a batch that writes to one of the load's own new events (a second article reporting it): a batch
   * computes the summaries' change of an existing event from what the database holds, so what is summed for it
   * must be there first.
   */
  async beforeBatch(eventIds: Iterable<string>): Promise<void> {
    for (const id of eventIds) {
      if (this.pending.has(id)) {
        await this.flush();
        break;
      }
    }
    if (Date.now() - this.lastBeat > STALE_MS / 10) {
      this.lastBeat = Date.now();
      await this.db.driver.executeQuery(BEAT, { id: this.id }, { database: this.db.database });
    }
  }

  /** Adds what is summed so far to the database's summaries, a few thousand rows per transaction, WRITERS at once. */
  async flush(): Promise<void> {
    const rows = this.totals.rows();
    this.totals = new SummaryTotals();
    this.pending = new Set();
    await writeJobs(this.db, jobsOf(rows));
    // After the actors' counts and pairs, which lock the same actors: a link's MERGE locks both of its actors.
    const roleLinks = [...this.roleLinks].sort();
    this.roleLinks = new Set();
    for (let i = 0; i < roleLinks.length; i += ROWS_PER_WRITE) await writeRoleLinkSlice(this.db, roleLinks.slice(i, i + ROWS_PER_WRITE));
  }

  /** The load's end: its summaries written, its marker removed (or, after a rebuild meanwhile, every summary again). */
  async close(log: (message: string) => void = () => {}): Promise<void> {
    await this.flush();
    const { records } = await this.db.driver.executeQuery(CLOSE, { id: this.id }, { database: this.db.database });
    running.delete(this.id);
    if (records[0]?.get('superseded') === true) await rebuildSummaries(this.db, log);
  }

  /** The load failed: its marker stays, for the next load or start to find abandoned. */
  abandon(): void {
    running.delete(this.id);
  }
}

/** The rows in slices of ROWS_PER_WRITE, in key order (the order concurrent writers lock them in). */
function slicesOf(rows: SummaryRows, kind: Exclude<keyof SummaryRows, 'places'>): SummaryRows[] {
  const none: SummaryRows = { actors: [], pairs: [], months: [], actorMonths: [] };
  const list = rows[kind];
  const slices: SummaryRows[] = [];
  for (let i = 0; i < list.length; i += ROWS_PER_WRITE) slices.push({ ...none, [kind]: list.slice(i, i + ROWS_PER_WRITE) });
  return slices;
}

/**
 * The slices as jobs, each a list of slices written one after another. The actors' counts and the pairs lock the
 * same actor nodes (a new pair is joined to its two actors): one job, so that they never wait for each other. The
 * months and the actors' months are nodes of their own, each slice a set of keys no other holds: a job each.
 */
const jobsOf = (rows: SummaryRows): SummaryRows[][] => [
  [...slicesOf(rows, 'actors'), ...slicesOf(rows, 'pairs')],
  ...slicesOf(rows, 'months').map((slice) => [slice]),
  ...slicesOf(rows, 'actorMonths').map((slice) => [slice]),
  ...placeSlicesOf(rows).map((slice) => [slice]),
];

/** The place counts in slices of ROWS_PER_WRITE: a place's own counts, its years', its months' (nodes no other slice holds). */
function placeSlicesOf(rows: SummaryRows): SummaryRows[] {
  const none: SummaryRows = { actors: [], pairs: [], months: [], actorMonths: [] };
  const empty = { places: [], years: [], months: [] };
  const slices: SummaryRows[] = [];
  for (const kind of ['places', 'years', 'months'] as const) {
    const list = rows.places?.[kind] ?? [];
    for (let i = 0; i < list.length; i += ROWS_PER_WRITE) slices.push({ ...none, places: { ...empty, [kind]: list.slice(i, i + ROWS_PER_WRITE) } });
  }
  return slices;
}

/** Slices written at once: the server writes one while it plans or commits another, on a second core. */
const WRITERS = 2;

/** Runs the jobs, WRITERS at a time; after a failure no job is started, and the first failure is thrown. */
async function writeJobs(db: Db, jobs: SummaryRows[][]): Promise<void> {
  let next = 0;
  let failed = false;
  const writer = async () => {
    for (let job = jobs[next++]; job && !failed; job = jobs[next++]) {
      for (const slice of job) {
        try {
          await writeSlice(db, slice);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: WRITERS }, writer));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/** One slice in one transaction; again with the pairs found when a concurrent write created one of them first. */
async function writeSlice(db: Db, slice: SummaryRows): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await retryOnLockConflict(async () => {
      try {
        await session.executeWrite((tx) => writeSummaryRows(tx, slice));
      } catch (error) {
        if (!isCreateConflict(error)) throw error;
        await session.executeWrite((tx) => writeSummaryRows(tx, slice));
      }
    });
  } finally {
    await session.close();
  }
}

/** One slice of role links in one transaction (MERGE: a link another write created meanwhile is found). */
async function writeRoleLinkSlice(db: Db, ids: string[]): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await retryOnLockConflict(() => session.executeWrite((tx) => writeRoleLinkIds(tx, ids)));
  } finally {
    await session.close();
  }
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const toNumber = (value: unknown) => (typeof value === 'number' ? value : (value as { toNumber(): number }).toNumber());

interface Marker {
  id: string;
  host: string;
  pid: number;
  beatAt: number;
}

const abandoned = (m: Marker) =>
  m.host === os.hostname() ? (m.pid === process.pid ? !running.has(m.id) : processGone(m.pid)) : Date.now() - m.beatAt > STALE_MS;

/** Every activity summary (actors, pairs and their latest events, role links, months) computed again from the events. */
async function rebuildSummaries(db: Db, log: (message: string) => void): Promise<void> {
  log('Computing the activity summaries again from the events (a load ended before writing them) …');
  await rebuildActivitySummaries(db);
  await rebuildPairsLatestEvents(db);
  await rebuildMonthCounts(db);
  await rebuildPlaceCounts(db);
}

/**
 * At a load's start and the app's: when a load ended before writing its summaries, they are computed again from
 * the events, and its marker removed; loads still running are told (`rebuiltAt`), so that they do the same.
 */
export async function rebuildAbandonedSummaries(db: Db, log: (message: string) => void = () => {}): Promise<void> {
  const { records } = await db.driver.executeQuery(MARKERS, {}, { database: db.database });
  const markers: Marker[] = records.map((r) => ({
    id: r.get('id') as string,
    host: r.get('host') as string,
    pid: toNumber(r.get('pid')),
    beatAt: toNumber(r.get('beatAt')),
  }));
  const dead = markers.filter(abandoned).map((m) => m.id);
  if (dead.length === 0) return;
  await rebuildSummaries(db, log);
  await db.driver.executeQuery('MATCH (m:PendingSummaries) WHERE m.id IN $dead DELETE m', { dead }, { database: db.database });
  await db.driver.executeQuery('MATCH (m:PendingSummaries) SET m.rebuiltAt = datetime()', {}, { database: db.database });
}
