import { ensureSchema } from '../../db/schema';
import type { Migration } from '../migration';

/**
 * The indexes added to the schema since step 1 for a database that had it already: the (review, date) index the
 * dashboard's latest reviewed events are read through, and any other the schema lists. Every statement is
 * IF NOT EXISTS, so a database that has them (a fresh one, whose step 1 made them) is left as it is. Nothing to
 * backfill: reviewed events have carried `review` since the review workbench.
 */
export const reviewedEventsIndex: Migration = {
  id: 7,
  name: 'indexes added since the schema step (reviewed events by date)',
  run: (db) => ensureSchema(db),
};
