import { ensureSchema } from '../../db/schema';
import { rebuildPlaceCounts } from '../../places/place-counts';
import type { Migration } from '../migration';

/**
 * The counts of located events per place, place and year, place and month (places/place-counts.ts), computed from
 * the events, with their constraints and indexes and the index of events by their last day (db/schema.ts). Run
 * again, it computes the same counts afresh.
 */
export const placeCounts: Migration = {
  id: 12,
  name: 'located events counted per place, year and month, for the map and the series by country',
  async run(db) {
    await ensureSchema(db);
    await rebuildPlaceCounts(db);
  },
};
