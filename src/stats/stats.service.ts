import type { Db } from '../db/query';
import { readStats } from './stats.repository';
import type { Stats } from './stats.schemas';

/** What the knowledge base holds: counts, the span of its events, and the `latest` newest events. */
export function getStats(db: Db, latest: number): Promise<Stats> {
  return readStats(db, latest);
}
