import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/db/query';
import { createLogger } from '../../src/http/logger';

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
