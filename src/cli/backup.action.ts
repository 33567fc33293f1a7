import { backupFileName, backupToFile, createBackup, restoreBackup } from '../backup/backup.service';
import { withDb } from '../db/context';
import { migrate } from '../migrations/migrations.service';
import { isStdio } from './stdio';
import { packageVersion } from './version';

const say = (message: string) => process.stderr.write(`${message}\n`);

/** What `kb backup`, `kb restore` and `kb migrate` do (declared in backup.command.ts). */
export async function runBackup(options: { out?: string }): Promise<void> {
  const file = options.out ?? backupFileName();
  await withDb(async (db) => {
    const counts = isStdio(file) ? await createBackup(db, process.stdout, packageVersion()) : await backupToFile(db, file, packageVersion());
    say(`Backed up ${counts.nodes} nodes and ${counts.relationships} relationships${isStdio(file) ? '' : ` to ${file}`}.`);
  });
}

export async function runRestore(file: string, options: { force?: boolean }): Promise<void> {
  await withDb(async (db) => {
    const restored = await restoreBackup(db, file, { force: options.force, log: say });
    say(
      `Restored ${restored.nodes} nodes and ${restored.relationships} relationships from a backup of ${restored.createdAt} (version ${restored.appVersion}).`,
    );
  });
}

export async function runMigrate(options: { dryRun?: boolean }): Promise<void> {
  await withDb(async (db) => {
    const plan = await migrate(db, { dryRun: options.dryRun, log: say });
    for (const step of plan.applied) process.stdout.write(`applied\t${step.id}\t${step.name}\t${step.appliedAt}\t${step.durationMs} ms\n`);
    for (const step of plan.pending) process.stdout.write(`${options.dryRun ? 'pending' : 'now applied'}\t${step.id}\t${step.name}\n`);
    if (plan.pending.length === 0) say('The database is up to date.');
  });
}
