import neo4j, { type Driver } from 'neo4j-driver';
import { budgetDeadline, remainingBudgetMs } from './budget';
import { DatabaseTimeoutError } from './errors';
import type { Gate } from './gate';
import { toParams, toPlain } from './plain';

/**
 * Everything a repository needs to read: the driver, the database name, the longest a query may take, and the
 * bounded queue the app's queries wait in (db/gate.ts; handles without one, the command line's, run queries at
 * once). Within a request, a query also keeps to what is left of the request's budget (db/budget.ts).
 */
export interface Db {
  driver: Driver;
  database?: string;
  timeoutMs: number;
  gate?: Gate;
}

/** Hears how long each query took, by name (the metrics); one per process. */
export type QueryObserver = (name: string, seconds: number, ok: boolean) => void;
let observer: QueryObserver | undefined;
export function observeQueries(next: QueryObserver | undefined): void {
  observer = next;
}

const names = new Map<string, string>();
const MAX_NAMES = 1_000;

/**
 * A query's name: the repository function that runs it (`events.listEvents`), read once per query text from the
 * call stack and kept, so the metrics name queries without every call site naming its own.
 */
function queryName(cypher: string): string {
  const known = names.get(cypher);
  if (known) return known;
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const caller = frames
    .map((line) => /at (?:async )?([\w.$<>]+) \((?:.*[\\/])?([\w.-]+?)(?:\.repository)?\.[jt]s:/.exec(line))
    .find((m) => m && m[2] !== 'query');
  const name = caller ? `${caller[2]}.${caller[1]!.replace(/^Object\./, '')}` : 'unnamed';
  if (names.size < MAX_NAMES) names.set(cypher, name);
  return name;
}

/** The time this query may take: the handle's deadline, or less when the request's budget has less left. */
function queryTimeMs(db: Db): number {
  const left = remainingBudgetMs();
  if (left !== undefined && left <= 0) throw new DatabaseTimeoutError(db.timeoutMs);
  return Math.ceil(left === undefined ? db.timeoutMs : Math.min(db.timeoutMs, left));
}

/**
 * Runs a query through the handle's queue (if any), waiting no longer than the request's budget allows, and
 * tells the observer how long it took. `work` gets the time the query itself may take.
 */
async function instrumented<T>(db: Db, cypher: string, work: (ms: number) => Promise<T>): Promise<T> {
  const name = observer ? queryName(cypher) : '';
  const started = performance.now();
  let ok = false;
  try {
    const run = () => work(queryTimeMs(db));
    const result = await (db.gate ? db.gate.run(run, remainingBudgetMs(), budgetDeadline()) : run());
    ok = true;
    return result;
  } finally {
    observer?.(name, (performance.now() - started) / 1000, ok);
  }
}

/**
 * The server-side transaction timeout cannot help when the server itself is frozen, so every read also
 * has a deadline on the client. (The driver's own AbortSignal support left later queries hanging.)
 */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(ms)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Runs one parameterised read and returns its records as plain objects. */
export function read<T>(db: Db, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return instrumented(db, cypher, async (ms) => {
    const query = db.driver.executeQuery(cypher, toParams(params) as Record<string, unknown>, {
      routing: neo4j.routing.READ,
      database: db.database,
      transactionConfig: { timeout: ms },
    });
    query.catch(() => {}); // a query abandoned at its deadline may still fail later; nobody is waiting for it
    const { records } = await withDeadline(query, ms + 1000);
    return records.map((record) => toPlain(record.toObject()) as T);
  });
}

/** The single value of the single row a query returns, or undefined when it returns no row. */
export async function readOne<T>(db: Db, cypher: string, params: Record<string, unknown> = {}): Promise<T | undefined> {
  const rows = await read<Record<string, T>>(db, cypher, params);
  const row = rows[0];
  return row === undefined ? undefined : (Object.values(row)[0] as T);
}

export interface WriteResult<T> {
  rows: T[];
  nodesCreated: number;
  nodesDeleted: number;
  propertiesSet: number;
}

/**
 * Runs one parameterised write in its own transaction (small writes: accounts, drafts), with the same
 * deadline as reads, and returns its records as plain objects and what it changed.
 */
export function write<T = Record<string, unknown>>(db: Db, cypher: string, params: Record<string, unknown> = {}): Promise<WriteResult<T>> {
  return instrumented(db, cypher, async (ms) => {
    const query = db.driver.executeQuery(cypher, toParams(params) as Record<string, unknown>, {
      database: db.database,
      transactionConfig: { timeout: ms },
    });
    query.catch(() => {});
    const { records, summary } = await withDeadline(query, ms + 1000);
    const { nodesCreated, nodesDeleted, propertiesSet } = summary.counters.updates();
    return { rows: records.map((record) => toPlain(record.toObject()) as T), nodesCreated, nodesDeleted, propertiesSet };
  });
}

/**
 * Runs statements that write in batches (`CALL … IN TRANSACTIONS`), one after the other. They need an
 * auto-commit transaction: a session's run, not executeQuery's managed one.
 */
export async function runInBatches(db: Db, statements: readonly string[], params: Record<string, unknown> = {}): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    for (const cypher of statements) await session.run(cypher, params);
  } finally {
    await session.close();
  }
}
