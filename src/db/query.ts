import neo4j, { type Driver } from 'neo4j-driver';
import { DatabaseTimeoutError } from './errors';
import { toParams, toPlain } from './plain';

/** Everything a repository needs to read: the driver, the database name, the per-query timeout. */
export interface Db {
  driver: Driver;
  database?: string;
  timeoutMs: number;
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
export async function read<T>(db: Db, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const query = db.driver.executeQuery(cypher, toParams(params) as Record<string, unknown>, {
    routing: neo4j.routing.READ,
    database: db.database,
    transactionConfig: { timeout: db.timeoutMs },
  });
  query.catch(() => {}); // a query abandoned at its deadline may still fail later; nobody is waiting for it
  const { records } = await withDeadline(query, db.timeoutMs + 1000);
  return records.map((record) => toPlain(record.toObject()) as T);
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
export async function write<T = Record<string, unknown>>(db: Db, cypher: string, params: Record<string, unknown> = {}): Promise<WriteResult<T>> {
  const query = db.driver.executeQuery(cypher, toParams(params) as Record<string, unknown>, {
    database: db.database,
    transactionConfig: { timeout: db.timeoutMs },
  });
  query.catch(() => {});
  const { records, summary } = await withDeadline(query, db.timeoutMs + 1000);
  const { nodesCreated, nodesDeleted, propertiesSet } = summary.counters.updates();
  return { rows: records.map((record) => toPlain(record.toObject()) as T), nodesCreated, nodesDeleted, propertiesSet };
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
