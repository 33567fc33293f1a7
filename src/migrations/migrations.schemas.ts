import { z } from 'zod';

/** One step as a database records it: `(:Migration {id, name, appliedAt, durationMs})`. */
export const AppliedMigration = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  appliedAt: z.string(),
  durationMs: z.number().int().min(0),
});
export type AppliedMigration = z.infer<typeof AppliedMigration>;

/** What `kb migrate` (and the start) did or, with --dry-run, would do. */
export interface MigrationPlan {
  applied: AppliedMigration[];
  pending: Array<{ id: number; name: string }>;
}
