import { remainingBudgetMs } from '../db/budget';
import { isDatabaseUnavailable } from '../db/errors';
import type { Db } from '../db/query';
import { readCounts } from './health.repository';
import type { Health } from './health.schemas';
import { ensureWarm, markCold, noticeRestart } from './warm-up';

/**
 * Up when Neo4j answers a query (within the route's budget) and has run the hot queries once since it last
 * started or was seen down (warm-up.ts); warming while those still run; down when it cannot answer now.
 */
export async function checkHealth(db: Db): Promise<Health> {
  try {
    const counts = await readCounts(db);
    await noticeRestart(db);
    if (!(await settlesWithinBudget(ensureWarm(db)))) return { status: 'unavailable', database: 'warming' };
    return { status: 'ok', database: 'up', counts };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    markCold(db);
    return { status: 'unavailable', database: 'down' };
  }
}

/** Whether `work` finishes before the request's database budget runs out (it goes on either way). */
async function settlesWithinBudget(work: Promise<void>): Promise<boolean> {
  const left = remainingBudgetMs();
  if (left === undefined) return work.then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, left - 100));
  });
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}
