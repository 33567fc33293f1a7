import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupFileName } from '../../../src/backup/backup.service';
import { pruneBackups } from '../../../src/backup/schedule';
import { loadConfig } from '../../../src/config/settings';

test('a backup is named by its time, and names sort as times do', () => {
  expect(backupFileName(new Date('2026-03-04T05:06:07.891Z'))).toBe('kb-backup-20260304T050607Z.jsonl.gz');
  const names = ['2026-12-01T00:00:00Z', '2026-02-01T10:00:00Z', '2026-02-01T09:59:59Z'].map((t) => backupFileName(new Date(t)));
  expect([...names].sort()).toEqual([names[2], names[1], names[0]]);
});

test('retention keeps the newest BACKUP_KEEP backups and touches no other file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-backups-'));
  try {
    const times = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'].map((day) => backupFileName(new Date(`${day}T12:00:00Z`)));
    for (const name of [...times, 'notes.txt', 'kb-backup-20260105T120000Z.jsonl.gz.partial']) fs.writeFileSync(path.join(dir, name), '');
    expect(pruneBackups(dir, 2)).toEqual(times.slice(0, 2));
    expect(fs.readdirSync(dir).sort()).toEqual([...times.slice(2), 'kb-backup-20260105T120000Z.jsonl.gz.partial', 'notes.txt'].sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('BACKUP_EVERY takes minutes, hours or days, and says what it wants otherwise', () => {
  expect(loadConfig({ BACKUP_EVERY: '30m' }).BACKUP_EVERY).toBe(30 * 60_000);
  expect(loadConfig({ BACKUP_EVERY: '6h' }).BACKUP_EVERY).toBe(6 * 3_600_000);
  expect(loadConfig({}).BACKUP_EVERY).toBe(86_400_000);
  expect(() => loadConfig({ BACKUP_EVERY: 'weekly' })).toThrow(/30m, 6h, 1d/);
});
