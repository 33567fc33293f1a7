import { loadConfig, type Config } from '../config/settings';
import { devInstance, resolveConnection } from './connection';
import { createDriver, POOL_SIZE } from './driver';
import { Gate } from './gate';
import { connectionFor, runningPid, type Connection, type Log } from './local-neo4j';
import type { Db } from './query';

/**
 * The one way to build a database handle ({ driver, database, timeoutMs, gate }) and to close it: the server, the
 * command line, the benchmarks and the tests all open their databases here.
 */
export type DbSettings = Pick<Config, 'DB_TIMEOUT_S'> & Partial<Pick<Config, 'NEO4J_DATABASE' | 'DB_QUEUE_MAX' | 'DB_BUDGET_S'>>;

/** Queries that may wait for a free connection before more are refused with 503 (DB_QUEUE_MAX). */
const DEFAULT_QUEUE_MAX = 500;
/** The longest one query may take (DB_BUDGET_S); a request's own budget may leave it less. */
const DEFAULT_BUDGET_S = 10;

export function openDb(connection: Connection, settings: DbSettings): Db {
  return {
    driver: createDriver(connection, settings),
    database: settings.NEO4J_DATABASE,
    timeoutMs: (settings.DB_BUDGET_S ?? DEFAULT_BUDGET_S) * 1000,
    gate: new Gate(POOL_SIZE, settings.DB_QUEUE_MAX ?? DEFAULT_QUEUE_MAX),
  };
}

export const closeDb = (db: Db): Promise<void> => db.driver.close();

/** The configured database (NEO4J_URI, or the project's own Neo4j, started on demand), answering. */
export async function connectDb(config: Config, log?: Log): Promise<{ db: Db; uri: string }> {
  const connection = await resolveConnection(config, log);
  const db = openDb(connection, config);
  await db.driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
  return { db, uri: connection.uri };
}

/** Runs `work` with the configured database, which is closed whatever happens. */
export async function withDb<T>(work: (db: Db) => Promise<T>, config: Config = loadConfig()): Promise<T> {
  const connection = await resolveConnection(config);
  const db = openDb(connection, config);
  try {
    return await work(db);
  } finally {
    await closeDb(db);
  }
}

/**
 * Runs `work` with the database when one is reachable without starting anything (NEO4J_URI, or the project's
 * own Neo4j if it runs), otherwise with null; `onNote` hears why there is none.
 */
export async function withReachableDb<T>(work: (db: Db | null) => Promise<T>, onNote: (note: string) => void, config: Config = loadConfig()): Promise<T> {
  const connection = reachableConnection(config);
  if (!connection) {
    onNote('no database is running');
    return work(null);
  }
  const db = openDb(connection, config);
  try {
    try {
      await db.driver.getServerInfo({ database: config.NEO4J_DATABASE });
    } catch {
      onNote(`the database at ${connection.uri} does not answer`);
      return await work(null);
    }
    return await work(db);
  } finally {
    await closeDb(db);
  }
}

function reachableConnection(config: Config): Connection | undefined {
  if (config.NEO4J_URI && config.NEO4J_PASSWORD) return { uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD };
  if (!config.NEO4J_URI && runningPid(devInstance(config).name) !== undefined) return connectionFor(devInstance(config));
  return undefined;
}
