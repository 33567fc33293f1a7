import { BACKFILL_PARTICIPATION_KEYS } from '../../db/participation-order';
import { runInBatches } from '../../db/query';
import { ensureSchema } from '../../db/schema';
import type { Migration } from '../migration';

/**
 * Each participation's place in its actor's list of events (`p.actor`, `p.type`, `p.date`, `p.event`:
 * db/participation-order.ts) and the indexes over them (db/schema.ts, participation_order and
 * participation_type_order), so that a page of an actor's events is read in date order from them instead of sorted. Participations written since carry the keys; running it again finds none to set.
 */
export const participationOrder: Migration = {
  id: 10,
  name: "participations in their actor's date order (sort keys and their indexes)",
  async run(db) {
    await runInBatches(db, [BACKFILL_PARTICIPATION_KEYS]);
    await ensureSchema(db);
  },
};
