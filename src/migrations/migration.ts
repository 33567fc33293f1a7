import type { Db } from '../db/query';

/**
 * One numbered step of the database's shape. Every step is idempotent: a database written before migrations
 * were recorded gets them all, and a step interrupted before its record is run again from the start.
 */
export interface Migration {
  /** Its place in the order, from 1; never reused, never renumbered. */
  id: number;
  /** Says what it does, as `kb migrate` lists it. */
  name: string;
  run(db: Db, log: (message: string) => void): Promise<void>;
}
