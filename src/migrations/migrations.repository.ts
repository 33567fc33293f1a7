import { read, write, type Db } from '../db/query';
import type { AppliedMigration } from './migrations.schemas';

/** The steps a database has had, in order. */
export function appliedMigrations(db: Db): Promise<AppliedMigration[]> {
  return read<AppliedMigration>(
    db,
    `MATCH (m:Migration)
     RETURN m.id AS id, m.name AS name, toString(m.appliedAt) AS appliedAt, m.durationMs AS durationMs
     ORDER BY m.id`,
  );
}

/** Records a step as applied (MERGE: a step run again after a crash between its work and its record is recorded once). */
export async function recordMigration(db: Db, step: { id: number; name: string; durationMs: number }): Promise<void> {
  await write(db, 'MERGE (m:Migration {id: $id}) SET m.name = $name, m.appliedAt = datetime(), m.durationMs = $durationMs', step);
}

/** Records several steps as applied at once (one statement), as recordMigration does each. */
export async function recordMigrations(db: Db, steps: ReadonlyArray<{ id: number; name: string; durationMs: number }>): Promise<void> {
  await write(db, 'UNWIND $steps AS step MERGE (m:Migration {id: step.id}) SET m.name = step.name, m.appliedAt = datetime(), m.durationMs = step.durationMs', {
    steps,
  });
}

/**
 * Whether the database holds anything at all but the migration records: a database with data and no record was
 * written before migrations existed, and needs every step (which is why every step is idempotent).
 */
export async function holdsData(db: Db): Promise<boolean> {
  const rows = await read<{ any: boolean }>(db, 'RETURN EXISTS { MATCH (n) WHERE NOT n:Migration } AS any');
  return rows[0]?.any === true;
}
