import { BACKFILL_AFFILIATION_KEYS, REMOVE_DUPLICATE_AFFILIATIONS } from '../../db/affiliation-key';
import { runInBatches } from '../../db/query';
import { ensureSchema } from '../../db/schema';
import type { Migration } from '../migration';

/**
 * Each affiliation's key and the constraint that makes it unique (db/affiliation-key.ts): copies written before are
 * removed first, then the keys set, then the constraint created. Run again, it finds nothing to remove or set.
 */
export const affiliationKeys: Migration = {
  id: 13,
  name: 'one affiliation per holder, counterpart and role (a key and its uniqueness constraint)',
  async run(db) {
    await runInBatches(db, [REMOVE_DUPLICATE_AFFILIATIONS, BACKFILL_AFFILIATION_KEYS]);
    await ensureSchema(db);
  },
};
