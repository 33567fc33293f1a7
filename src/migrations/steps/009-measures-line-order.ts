import { MEASURE_SORT_KEYS } from '../../db/cypher';
import { runInBatches } from '../../db/query';
import { ensureSchema } from '../../db/schema';
import type { Migration } from '../migration';

/** The sort keys of the measures written before they were stored (measures written since carry them). */
export const BACKFILL_LINE_ORDER_KEYS = [
  `MATCH (m:Measure) WHERE m.scopeKey IS NULL OR m.startKey IS NULL
   CALL (m) { SET m += { ${MEASURE_SORT_KEYS('m')} } } IN TRANSACTIONS OF 10000 ROWS`,
];

/**
 * Each measure's place in the order measures are listed, as properties (`scopeKey`, `startKey`), and the index
 * over them (db/schema.ts, measure_line_order), so that the measures in force on a day are read in order from
 * it instead of sorted. Running it again finds nothing to set and the index there.
 */
export const measuresLineOrder: Migration = {
  id: 9,
  name: 'measures in their listed order (sort keys and their index)',
  async run(db) {
    await runInBatches(db, BACKFILL_LINE_ORDER_KEYS);
    await ensureSchema(db);
  },
};
