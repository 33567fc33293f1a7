import { isDatabaseUnavailable } from '../db/errors';
import type { Db } from '../db/query';
import { readCounts } from './health.repository';
import type { Health } from './health.schemas';

/** Up when Neo4j answers a query (within the configured timeout), down when it cannot answer now. */
export async function checkHealth(db: Db): Promise<Health> {
  try {
    return { status: 'ok', database: 'up', counts: await readCounts(db) };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { status: 'unavailable', database: 'down' };
  }
}
