import { spanDays } from '../../db/cypher';
import { runInBatches } from '../../db/query';
import { ensureSchema } from '../../db/schema';
import type { Migration } from '../migration';

/** Events whose stored span is missing or no longer that of their dates, set in batches. */
const BACKFILL_SPANS = `
  MATCH (e:Event) WHERE e.date IS NOT NULL AND e.lastDate IS NOT NULL
  WITH e, ${spanDays('e.date', 'e.lastDate')} AS days
  WHERE e.spanDays IS NULL OR e.spanDays <> days
  CALL (e, days) { SET e.spanDays = days } IN TRANSACTIONS OF 10000 ROWS`;

/**
 * Each event's span in days (`e.spanDays`, db/cypher.ts) and its index (db/schema.ts, event_span), whose last entry
 * tells the map and the timeline how far before a window an event covering it may start. Events written since carry
 * it; running the step again finds none to set.
 */
export const eventSpans: Migration = {
  id: 11,
  name: 'events carry their span in days, indexed (the longest tells how far back a window reaches)',
  async run(db) {
    await runInBatches(db, [BACKFILL_SPANS]);
    await ensureSchema(db);
  },
};
