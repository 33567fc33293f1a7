import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../src/db/context';
import { runningPid } from '../../src/db/local-neo4j';
import { PROJECT_ROOT } from '../../src/config/paths';
import type { Db } from '../../src/db/query';
import { openTestDb, resetToSeed, TEST_INSTANCE, testConnection } from '../helpers/test-db';
import { bearer, postArticle, startLoggedApp, TOKEN, type LoggedApp } from './support';

/**
 * Secrets (the write token, the Neo4j password) never reach a log line or an answer; every request has an
 * id, in its answer and its log line; every write and every 5xx has its log line. The project's Neo4j
 * listens on loopback only, with a generated password that git never sees.
 */

const ARTICLE = {
  id: 'logged-article',
  title: 'Envoys meet again',
  publishedAt: '2025-12-17',
  text: 'President Lukashenko met John Coale in Minsk on Tuesday, December 16. Belarus freed 9 prisoners.',
};

let db: Db;
let app: LoggedApp;
const answers: string[] = [];

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  app = await startLoggedApp(db, { KB_API_TOKEN: TOKEN });
});

afterAll(async () => {
  await app.close();
  await db.driver.close();
});

async function get(target: LoggedApp, url: string, accept = 'application/json') {
  const response = await fetch(target.baseUrl + url, { headers: { accept } });
  const text = await response.text();
  answers.push(text, JSON.stringify([...response.headers]));
  return { status: response.status, id: response.headers.get('x-request-id'), text };
}

const completed = (target: LoggedApp, id: string | null) => target.lines.filter((line) => line.req?.id === id);

describe('request ids and log lines', () => {
  test('every request gets its own id, in the X-Request-Id header and in its log line', async () => {
    const ids = [];
    for (const url of ['/api/events', '/api/actors/belarus', '/timeline', '/api/events/nope', '/api/events?limit=0']) {
      const { id, status } = await get(app, url);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const lines = completed(app, id);
      expect(lines).toHaveLength(1);
      expect(lines[0]?.res?.statusCode).toBe(status);
      expect(lines[0]?.req?.url).toBe(url);
      ids.push(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every write is logged: who asked (no token), what, and the outcome, under its request id', async () => {
    const accepted = await postArticle(app, ARTICLE, bearer(TOKEN));
    const refused = await postArticle(app, ARTICLE, bearer('not-the-token-but-long-enough'));
    const anonymous = await postArticle(app, ARTICLE);
    answers.push(accepted.text, refused.text, anonymous.text);
    expect([accepted.status, refused.status, anonymous.status]).toEqual([201, 401, 401]);
    for (const [answer, status] of [
      [accepted, 201],
      [refused, 401],
      [anonymous, 401],
    ] as const) {
      const lines = completed(app, answer.headers.get('x-request-id'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ req: { method: 'POST', url: '/api/articles' }, res: { statusCode: status } });
    }
  });

  test('every 5xx is logged at level error with its request id and the error, but answers without details', async () => {
    const downDb = openDb({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'down-db-password-8c1f' }, { DB_TIMEOUT_S: 1 });
    const broken: Db = {
      ...db,
      driver: new Proxy(db.driver, {
        get: (t, p) => (p === 'executeQuery' ? () => Promise.reject(new TypeError('a bug in a repository')) : Reflect.get(t, p, t)),
      }),
    };
    const down = await startLoggedApp(downDb, { KB_API_TOKEN: TOKEN });
    const buggy = await startLoggedApp(broken, { KB_API_TOKEN: TOKEN });
    try {
      for (const [target, url, status] of [
        [down, '/api/events', 503],
        [down, '/timeline', 503],
        [down, '/api/health', 503],
        [buggy, '/api/events', 500],
        [buggy, '/actors/belarus', 500],
      ] as const) {
        const answer = await get(target, url, url.startsWith('/api') ? 'application/json' : 'text/html');
        expect(answer.status).toBe(status);
        expect(answer.text).not.toMatch(/a bug in a repository|TypeError|Neo4jError|ServiceUnavailable|\n\s+at .+:\d+/);
        const lines = completed(target, answer.id);
        const failed = lines.filter((line) => line.level >= 50);
        // /api/health answers its 503 itself; every other 5xx also has the error handler's line with the cause
        expect(failed.length).toBeGreaterThanOrEqual(1);
        if (url !== '/api/health') expect(failed.some((line) => line.err?.message)).toBe(true);
      }
      const all = [...down.raw, ...buggy.raw].join('\n');
      expect(all).not.toContain('down-db-password-8c1f');
      expect(all).not.toContain(TOKEN);
    } finally {
      await down.close();
      await buggy.close();
      await downDb.driver.close();
    }
  });
});

/** A feed address whose token must stay out of the logs (it names no watchlist: the answer is a 404). */
const FEED = '/watch/feeds/wlf_feed-token-never-logged-0123456789';

describe('secrets', () => {
  test('neither the token nor the Neo4j password appears in any log line or any answer', async () => {
    for (const url of [
      '/api/openapi.json',
      '/api/health',
      '/',
      '/articles/logged-article',
      '/api/articles/logged-article',
      '/api/export?format=plover',
      FEED,
    ]) {
      await get(app, url, url.startsWith('/api') ? 'application/json' : 'text/html');
    }
    const { password } = testConnection();
    const everything = [...app.raw, ...answers].join('\n');
    expect(answers.length).toBeGreaterThan(10);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(password);
    expect(everything).not.toContain('not-the-token-but-long-enough');
    // A watchlist feed's token is in its address: the address is logged without it.
    expect(everything).not.toContain('feed-token-never-logged');
    expect(app.lines.some((line) => line.req?.url === '/watch/feeds/[redacted]')).toBe(true);
    // The Authorization header was logged, redacted.
    expect(app.lines.filter((line) => line.req?.headers?.authorization === '[Redacted]').length).toBeGreaterThanOrEqual(2);
  });
});

describe("the project's own Neo4j", () => {
  const dir = path.join(PROJECT_ROOT, '.neo4j', TEST_INSTANCE.name);

  test('listens on loopback only: its conf says so and the kernel agrees', () => {
    expect(runningPid(TEST_INSTANCE.name)).toBeDefined();
    const conf = fs.readFileSync(path.join(dir, 'conf', 'neo4j.conf'), 'utf8');
    expect(conf).toContain('server.default_listen_address=127.0.0.1');
    expect(conf).toContain(`server.bolt.listen_address=127.0.0.1:${TEST_INSTANCE.port}`);
    expect(conf).toContain('server.http.enabled=false');
    // Every listening socket on the Bolt port, from the kernel's tables: bound to 127.0.0.1 (or ::1, or ::ffff:127.0.0.1).
    const portHex = TEST_INSTANCE.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = ['/proc/net/tcp', '/proc/net/tcp6']
      .flatMap((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(1) : []))
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${portHex}`))
      .map((fields) => fields[1]?.split(':')[0]);
    expect(listening.length).toBeGreaterThanOrEqual(1);
    const loopback = ['0100007F', '00000000000000000000000001000000', '0000000000000000FFFF00000100007F'];
    for (const address of listening) expect(loopback).toContain(address);
    // and from every other address of this machine, nothing answers on that port
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4');
    return Promise.all(
      others.map(
        (a) =>
          new Promise<void>((resolve, reject) => {
            const socket = require('node:net').connect({ host: a!.address, port: TEST_INSTANCE.port });
            socket.once('connect', () => (socket.destroy(), reject(new Error(`Bolt answers on ${a!.address}`))));
            socket.once('error', () => resolve());
          }),
      ),
    );
  });

  test('has a generated password, readable by its owner only and never seen by git', () => {
    const file = path.join(dir, 'password');
    const password = fs.readFileSync(file, 'utf8').trim();
    expect(password).toBe(testConnection().password);
    expect(password).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(git('check-ignore', path.relative(PROJECT_ROOT, file)).trim()).toBe(path.relative(PROJECT_ROOT, file));
    expect(git('ls-files', '.neo4j').trim()).toBe('');
    // Nothing committed, now or ever, contains it.
    expect(git('log', '--all', '-S', password, '--oneline').trim()).toBe('');
  });
});
