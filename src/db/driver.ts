import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config/settings';
import type { Connection } from './local-neo4j';

/** Connections the driver keeps to the database; the app's queue (db/gate.ts) lets this many queries run at once. */
export const POOL_SIZE = 50;

/**
 * One driver per process. Timeouts are short on purpose: a database that is down must turn into a 503
 * within seconds, not a request that hangs while the driver retries (its default is 30 s of retries).
 */
export function createDriver(connection: Connection, config: Pick<Config, 'DB_TIMEOUT_S'>): Driver {
  const timeoutMs = config.DB_TIMEOUT_S * 1000;
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    connectionTimeout: Math.min(timeoutMs, 2000),
    connectionAcquisitionTimeout: timeoutMs,
    // The driver's first retry waits 0.8–1.2 s and the second another 1.6–2.4 s: a window shorter than
    // the first wait allows exactly one retry, so a down database costs about a second, never three.
    maxTransactionRetryTime: Math.min(timeoutMs / 4, 500),
    maxConnectionPoolSize: POOL_SIZE,
    disableLosslessIntegers: false,
    userAgent: 'diplomatic-events-kb',
  });
}
