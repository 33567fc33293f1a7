import type { Command } from 'commander';

const action = () => import('./backup.action');

/**
 * `kb backup [--out FILE]`, `kb restore FILE [--force]` and `kb migrate [--dry-run]`: the database's care over the
 * years. The work is loaded when a command runs (see kb.ts).
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Write everything the database holds to one compressed file, online (one read transaction)')
    .option('-o, --out <file>', 'the file to write (whole or not at all); - for standard output; default: kb-backup-<time>.jsonl.gz here')
    .action(async (options: { out?: string }) => (await action()).runBackup(options));
  program
    .command('restore')
    .description('Restore a backup into an empty database (checked whole first; nothing is left half-restored), then migrate it')
    .argument('<file>', 'a file written by kb backup')
    .option('--force', 'empty a database that is not empty first (everything it holds is replaced)')
    .action(async (file: string, options: { force?: boolean }) => (await action()).runRestore(file, options));
  program
    .command('migrate')
    .description("Apply the pending migrations of the database's shape (the server also does at start)")
    .option('--dry-run', 'only list the applied and pending steps')
    .action(async (options: { dryRun?: boolean }) => (await action()).runMigrate(options));
}
