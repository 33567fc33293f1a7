import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/db/query';
import { ensureBuilt, runKb, testDbEnv } from '../helpers/cli';
import { openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * `.env` is read at start from the folder a command starts in (the server and kb share the loader,
 * config/env-file.ts): its settings apply, and a variable set in the real environment wins over the file.
 * Shown with kb, whose database settings decide whether it can answer at all.
 */

const PARDON = 'pardon-123-prisoners-2025-12';

let db: Db;
let tmp: string;

beforeAll(async () => {
  ensureBuilt();
  db = openTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-env-'));
  await resetToSeed(db);
});

afterAll(async () => {
  await db.driver.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('.env in the folder kb starts in', () => {
  const noDbSettings = { NEO4J_URI: undefined, NEO4J_USER: undefined, NEO4J_PASSWORD: undefined };
  let folder: string;

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(tmp, 'env-'));
  });

  const writeEnv = (settings: Record<string, string>) =>
    fs.writeFileSync(
      path.join(folder, '.env'),
      `# settings of this checkout\n${Object.entries(settings)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n')}\n`,
    );
  const exportPardons = (env: Record<string, string | undefined>) => runKb(['export', '--format', 'csv', '--type', 'pardon'], { cwd: folder, env });

  test('its settings are read: the database it names is the one used', async () => {
    writeEnv(testDbEnv());
    const run = await exportPardons(noDbSettings);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain(PARDON);
  });

  test('a variable set in the environment wins over the file', async () => {
    writeEnv({ ...testDbEnv(), NEO4J_PASSWORD: 'not-the-password' });
    const refused = await exportPardons(noDbSettings);
    expect({ status: refused.status, stdout: refused.stdout }).toEqual({ status: 1, stdout: '' });
    expect(refused.stderr).toContain('The database refused the user name or password');
    const run = await exportPardons({ ...noDbSettings, NEO4J_PASSWORD: testDbEnv().NEO4J_PASSWORD });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain(PARDON);
  });
});
