import { loadConfig } from '../config';
import { resolveConnection } from '../db/connection';
import { createDriver } from '../db/driver';
import type { Db } from '../db/query';

/**
 * Runs `work` with a database connection, as `npm run seed` connects: NEO4J_URI if set, otherwise the
 * project's own Neo4j (started on demand). The driver is closed whatever happens.
 */
export async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const connection = await resolveConnection(config);
  const driver = createDriver(connection, config);
  try {
    return await work({ driver, database: config.NEO4J_DATABASE, timeoutMs: config.DB_TIMEOUT_S * 1000 });
  } finally {
    await driver.close();
  }
}
