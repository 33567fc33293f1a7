import neo4j, { type Driver } from 'neo4j-driver';
import { toParams, toPlain } from './plain';

/** Everything a repository needs to read: the driver, the database name, the per-query timeout. */
export interface Db {
  driver: Driver;
  database?: string;
  timeoutMs: number;
}

/** Runs one parameterised read and returns its records as plain objects. */
export async function read<T>(db: Db, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await db.driver.executeQuery(cypher, toParams(params) as Record<string, unknown>, {
    routing: neo4j.routing.READ,
    database: db.database,
    transactionConfig: { timeout: db.timeoutMs },
    // The server-side timeout cannot help when the server itself is frozen: give up on the client too.
    signal: AbortSignal.timeout(db.timeoutMs + 1000),
  });
  return records.map((record) => toPlain(record.toObject()) as T);
}

/** The single value of the single row a query returns, or undefined when it returns no row. */
export async function readOne<T>(db: Db, cypher: string, params: Record<string, unknown> = {}): Promise<T | undefined> {
  const rows = await read<Record<string, T>>(db, cypher, params);
  const row = rows[0];
  return row === undefined ? undefined : (Object.values(row)[0] as T);
}
