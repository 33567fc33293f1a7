import { locateAllEvents } from '../../places/places.repository';
import type { Migration } from '../migration';

/**
 * Events loaded before places existed, located by the gazetteer as the loader now locates each event it
 * writes: at its place, else at the countries of the states taking part (places/). Idempotent: an event already
 * located, or known to have a place the gazetteer lacks, is left alone.
 */
export const eventsLocated: Migration = {
  id: 5,
  name: 'events located by the gazetteer',
  async run(db, log) {
    const located = await locateAllEvents(db, log);
    if (located > 0) log(`places: ${located.toLocaleString('en')} events located`);
  },
};
