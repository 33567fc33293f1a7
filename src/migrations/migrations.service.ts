import type { Db } from '../db/query';
import { ensureSchema } from '../db/schema';
import { ConflictError } from '../domain/errors';
import { appliedMigrations, holdsData, recordMigration, recordMigrations } from './migrations.repository';
import type { MigrationPlan } from './migrations.schemas';
import { LATEST_MIGRATION, MIGRATIONS } from './steps';

/** A database migrated by a newer version of the code: this one would misread it, or write it in an older shape. */
export class NewerDatabaseError extends ConflictError {
  constructor(last: { id: number; name: string }) {
    super(
      `The database was migrated by a newer version of the knowledge base: its last step is ${last.id} ("${last.name}"), ` +
        `this version knows steps up to ${LATEST_MIGRATION}. Run the newer version, or restore a backup made by this one into an empty database.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

/** What has been applied and what is pending; refuses a database from a newer version. */
export async function planMigrations(db: Db): Promise<MigrationPlan> {
  const applied = await appliedMigrations(db);
  const newer = applied.find((step) => step.id > LATEST_MIGRATION);
  if (newer) throw new NewerDatabaseError(newer);
  const done = new Set(applied.map((step) => step.id));
  return { applied, pending: MIGRATIONS.filter((step) => !done.has(step.id)).map(({ id, name }) => ({ id, name })) };
}

/**
 * Applies the pending steps in order, each recorded with when it ran and how long it took, and returns the plan
 * it carried out (with `dryRun`, only says what it would do). A step that fails stops the run: the steps before
 * it stay recorded, it and those after it stay pending.
 */
export async function migrate(db: Db, options: { dryRun?: boolean; log?: (message: string) => void } = {}): Promise<MigrationPlan> {
  const log = options.log ?? (() => {});
  const plan = await planMigrations(db);
  if (options.dryRun) return plan;
  // An empty database is in every step's shape once it has the schema: its passes over the data have nothing to do.
  if (plan.applied.length === 0 && !(await holdsData(db))) {
    await adoptCurrentShape(db);
    return plan;
  }
  for (const { id } of plan.pending) {
    const step = MIGRATIONS.find((candidate) => candidate.id === id)!;
    const started = performance.now();
    await step.run(db, log);
    await recordMigration(db, { id: step.id, name: step.name, durationMs: Math.round(performance.now() - started) });
  }
  return plan;
}

/**
 * For a database in this version's shape but for its schema: an empty one, or one written whole by a bulk import
 * (ingest/bulk-load.ts, whose import files hold the derived data the steps would build from the events). The
 * schema is built, as only statements can, and every step is recorded as applied, without the others' passes
 * over the data.
 */
export async function adoptCurrentShape(db: Db): Promise<void> {
  const started = performance.now();
  await ensureSchema(db);
  const schemaMs = Math.round(performance.now() - started);
  await recordMigrations(
    db,
    MIGRATIONS.map((step) => ({ id: step.id, name: step.name, durationMs: step.id === 1 ? schemaMs : 0 })),
  );
}

/** Databases this process has migrated, each once (a write may follow many others on the same handle). */
const migrated = new WeakMap<Db, Promise<unknown>>();

export function migrateOnce(db: Db, log?: (message: string) => void): Promise<unknown> {
  let migrating = migrated.get(db);
  if (!migrating) {
    migrating = migrate(db, { log });
    migrated.set(db, migrating);
    // A migration that could not finish (the database down) is tried again by the next write.
    migrating.catch(() => migrated.delete(db));
  }
  return migrating;
}
