import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/query';
import { backupFileName, backupToFile } from './backup.service';

export interface BackupSchedule {
  dir: string;
  everyMs: number;
  keep: number;
  appVersion: string;
}

const BACKUP_FILE = /^kb-backup-\d{8}T\d{6}Z\.jsonl\.gz$/;

/** The backups in `dir` beyond the newest `keep` (names sort by time), removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const files = fs
    .readdirSync(dir)
    .filter((name) => BACKUP_FILE.test(name))
    .sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const name of old) fs.rmSync(path.join(dir, name), { force: true });
  return old;
}

/**
 * Takes a backup into `dir` every `everyMs` while the app runs (the first one interval after the start), keeping the
 * newest `keep`. A backup that fails is logged and tried again at the next interval; two never overlap.
 * Returns what stops the schedule.
 */
export function scheduleBackups(db: Db, schedule: BackupSchedule, log: (message: string, error?: unknown) => void): () => void {
  fs.mkdirSync(schedule.dir, { recursive: true });
  let running = false;
  const take = async () => {
    if (running) return;
    running = true;
    try {
      const file = path.join(schedule.dir, backupFileName());
      const counts = await backupToFile(db, file, schedule.appVersion);
      const removed = pruneBackups(schedule.dir, schedule.keep);
      log(
        `Backup ${path.basename(file)}: ${counts.nodes} nodes, ${counts.relationships} relationships${removed.length ? `; removed ${removed.length} older` : ''}`,
      );
    } catch (error) {
      log('The scheduled backup failed', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void take(), schedule.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
