import type { AddressInfo } from 'node:net';
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { z } from 'zod';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/settings';
import type { Db } from '../../src/db/query';
import { createLogger } from '../../src/http/logger';
import { parseExact, type RunningApp } from '../helpers/test-app';

/** A token long enough for the config's rule; tests pass it as KB_API_TOKEN. */
export const TOKEN = 'security-test-token-7d41c09be2a85f36';

/** One query as the driver received it: the Cypher text and its parameters. */
export interface SentQuery {
  cypher: string;
  params: unknown;
}

const textOf = (query: unknown) => (typeof query === 'string' ? query : String((query as { text?: unknown })?.text ?? query));

/**
 * The same database, with every query the app sends recorded on its way to the driver: single reads
 * (executeQuery), and session runs and managed transactions (the loader's writes).
 */
export function recordingDb(db: Db, sent: SentQuery[]): Db {
  const bind = <T extends object>(target: T, property: string | symbol) => {
    const value = Reflect.get(target, property, target) as unknown;
    return typeof value === 'function' ? value.bind(target) : value;
  };
  const recordRun =
    (target: ManagedTransaction | Session) =>
    (query: unknown, params?: unknown, ...rest: unknown[]) => {
      sent.push({ cypher: textOf(query), params });
      return (target.run as (...args: unknown[]) => unknown)(query, params, ...rest);
    };
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, { get: (target, property) => (property === 'run' ? recordRun(target) : bind(target, property)) });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get: (target, property) => {
        if (property === 'run') return recordRun(target);
        if (property === 'executeRead' || property === 'executeWrite') {
          return (work: (tx: ManagedTransaction) => unknown, config?: unknown) =>
            (target[property] as (w: unknown, c?: unknown) => unknown)((tx: ManagedTransaction) => work(wrapTx(tx)), config);
        }
        return bind(target, property);
      },
    });
  const driver = new Proxy(db.driver, {
    get: (target, property) => {
      if (property === 'executeQuery') {
        return (query: unknown, params?: unknown, ...rest: unknown[]) => {
          sent.push({ cypher: textOf(query), params });
          return (target.executeQuery as (...args: unknown[]) => unknown)(query, params, ...rest);
        };
      }
      if (property === 'session') return (...args: unknown[]) => wrapSession((target.session as (...a: unknown[]) => Session)(...args));
      return bind(target, property);
    },
  }) as Driver;
  return { ...db, driver };
}

/** A pino log line, as far as the tests read it: a request's (with its id, and its answer) or another. */
const LogLine = z.looseObject({
  level: z.number(),
  req: z.looseObject({ id: z.string(), method: z.string(), url: z.string(), headers: z.record(z.string(), z.unknown()) }).optional(),
  res: z.looseObject({ statusCode: z.number() }).optional(),
  err: z.looseObject({ message: z.string() }).optional(),
});
export type LogLine = z.output<typeof LogLine>;

export interface LoggedApp extends RunningApp {
  /** Every log line the app wrote, parsed. */
  lines: LogLine[];
  /** The same, as written. */
  raw: string[];
}

/** The real app (its own logger, redaction and all) with its log lines captured instead of printed. */
export async function startLoggedApp(db: Db, env: NodeJS.ProcessEnv = {}): Promise<LoggedApp> {
  const config = loadConfig({ LOG_LEVEL: 'info', ...env });
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const logger = createLogger(config, {
    write: (line: string) => {
      raw.push(line);
      lines.push(parseExact(LogLine, JSON.parse(line), 'A log line'));
    },
  });
  const server = createApp({ db, config, logger }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lines,
    raw,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function postArticle(app: RunningApp, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.baseUrl}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
