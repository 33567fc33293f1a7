import { toParams } from '../../db/plain';
import { runInBatches } from '../../db/query';
import { EVENT_TYPES } from '../../domain/taxonomy';
import { REBUILD_MONTH_COUNTS } from '../../ingest/month-counts';
import type { Migration } from '../migration';

/** The counts per month and per actor and month (ingest/month-counts.ts), computed from the events (their constraints: step 7). */
export const monthCounts: Migration = {
  id: 8,
  name: 'event counts per month, and per actor and month, for the trends',
  async run(db) {
    await runInBatches(db, REBUILD_MONTH_COUNTS, toParams({ types: [...EVENT_TYPES] }) as Record<string, unknown>);
  },
};
