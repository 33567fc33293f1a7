import { isDatabaseUnavailable } from '../db/errors';
import type { Db } from '../db/query';
import { readCounts } from './health.repository';
import type { Health } from './health.schemas';
import { ensureWarm, markCold } from './warm-up';

/**
 * Up when Neo4j answers a query (within the configured timeout) and has run the hot queries once since it was last
 * seen down (warm-up.ts); down when it cannot answer now.
 */
export async function checkHealth(db: Db): Promise<Health> {
  try {
    const counts = await readCounts(db);
    await ensureWarm(db);
    return { status: 'ok', database: 'up', counts };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    markCold(db);
    return { status: 'unavailable', database: 'down' };
  }
}
