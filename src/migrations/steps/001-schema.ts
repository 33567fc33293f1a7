import { ensureSchema } from '../../db/schema';
import type { Migration } from '../migration';

/** The constraints and indexes every write and read relies on (all IF NOT EXISTS: running it again changes nothing). */
export const schema: Migration = {
  id: 1,
  name: 'schema',
  run: (db) => ensureSchema(db),
};
