import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/settings';
import type { Db } from '../../src/db/query';
import { createLogger } from '../../src/http/logger';
import { openTestDb, resetToSeed } from './test-db';

export interface RunningApp {
  baseUrl: string;
  close: () => Promise<void>;
}

/** The real app on an ephemeral loopback port, over the given database; `env` adds settings (e.g. KB_API_TOKEN). */
export async function startTestApp(db: Db, env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = createApp({ db, config, logger: createLogger(config) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** GET a JSON route: status and parsed body. */
export async function getJson<T = any>(app: RunningApp, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(app.baseUrl + path, { headers: { accept: 'application/json' } });
  return { status: response.status, body: (await response.json()) as T };
}

export interface SeededApp {
  db: Db;
  app: RunningApp;
}

/**
 * The hooks of a test file that asks the app about the seed: the seed in the test database and the app
 * over it before the file's tests (handed to `use`); after them the app closed and the seed put back (a
 * file may add to it).
 */
export function useSeededApp(use: (suite: SeededApp) => void): void {
  let suite: SeededApp | undefined;
  beforeAll(async () => {
    const db = openTestDb();
    await resetToSeed(db);
    suite = { db, app: await startTestApp(db) };
    use(suite);
  });
  afterAll(async () => {
    await suite?.app.close();
    if (suite) await resetToSeed(suite.db);
    await suite?.db.driver.close();
  });
}
