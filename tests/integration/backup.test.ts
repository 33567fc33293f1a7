import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createToken } from '../../src/accounts/accounts.service';
import { BackupFileError, restoreBackup } from '../../src/backup/backup.service';
import { read, type Db } from '../../src/db/query';
import { Committed } from '../../src/drafts/drafts.schemas';
import { LATEST_MIGRATION } from '../../src/migrations/steps';
import { ensureBuilt, PROJECT, runKb, testDbEnv } from '../helpers/cli';
import { addUsers, draftAccepted, ok } from '../helpers/review';
import { startTestApp, type RunningApp } from '../helpers/test-app';
import { clearDatabase, contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * A backup holds everything: the seed's facts, a committed draft (claims, history), a user with a password hash and
 * an API token (a digest). Wiped and restored, the database has the same content and the API answers the same.
 */
const DIR = path.join(PROJECT, 'test-artifacts', 'backup');
const BACKUP = path.join(DIR, 'kb.jsonl.gz');

/** Read routes and lists across the features, answered as text (any difference shows). */
const ROUTES = [
  '/api/events',
  '/api/events?actor=belarus',
  '/api/actors',
  '/api/actors/belarus',
  '/api/actors/belarus/relationships',
  '/api/timeline?from=2020-01-01&to=2026-12-31',
  '/api/graph?actor=belarus',
  '/api/who-did-what?actor=belarus',
  '/api/stats',
  '/api/sanctions',
  '/api/drafts',
  '/api/tokens',
  '/api/users',
];

let db: Db;
let app: RunningApp;
let token: string;

async function answers(): Promise<Record<string, string>> {
  const pairs = await Promise.all(
    ROUTES.map(async (route) => {
      const response = await fetch(app.baseUrl + route, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
      return [route, `${response.status} ${await response.text()}`] as const;
    }),
  );
  return Object.fromEntries(pairs);
}

const migrationRecords = () => read(db, 'MATCH (m:Migration) RETURN m {.*} AS m ORDER BY m.id');
const holdsNothing = async () => (await db.driver.executeQuery('MATCH (n) RETURN count(n) AS n')).records[0]!.get('n').toNumber() === 0;

const readLines = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n');
const writeLines = (file: string, lines: string[]) => fs.writeFileSync(file, zlib.gzipSync(`${lines.join('\n')}\n`));

beforeAll(async () => {
  ensureBuilt();
  fs.mkdirSync(DIR, { recursive: true });
  db = openTestDb();
  await resetToSeed(db);
  await addUsers(db, [{ name: 'keeper', role: 'admin' }]);
  token = (await createToken(db, 'keeper', 'backups')).token;
  app = await startTestApp(db);
  const draft = await draftAccepted(
    app,
    { token },
    {
      title: 'Freedonia and Ruritania sign a trade agreement',
      text: 'Belarus and Russia signed a trade agreement in Minsk on 3 March 2024.',
      published: '2024-03-04',
    },
  );
  await ok(app, 'POST', `/api/drafts/${draft.id}/commit`, { token }, Committed);
});

afterAll(async () => {
  await app.close();
  await resetToSeed(db);
  await db.driver.close();
});

test('kb backup, the database wiped, kb restore: the same content, and the API answers the same', async () => {
  const fingerprint = await contentFingerprint(db);
  const records = await migrationRecords();
  expect(records.length).toBeGreaterThan(0);
  const before = await answers();
  expect(Object.entries(before).filter(([, answer]) => !answer.startsWith('200 '))).toEqual([]);
  const backup = await runKb(['backup', '--out', BACKUP], { env: testDbEnv() });
  expect(backup.stderr).toMatch(/^Backed up \d+ nodes and \d+ relationships to /);
  expect(backup.status).toBe(0);
  await clearDatabase(db);
  expect(await holdsNothing()).toBe(true);
  const restore = await runKb(['restore', BACKUP], { env: testDbEnv() });
  expect(restore.stderr).toMatch(/^Restored \d+ nodes and \d+ relationships from a backup of /);
  expect(restore.status).toBe(0);
  expect(await contentFingerprint(db)).toBe(fingerprint);
  expect(await migrationRecords()).toEqual(records);
  expect(await answers()).toEqual(before);
});

test('a database that is not empty is refused unless --force, which replaces what it holds', async () => {
  const fingerprint = await contentFingerprint(db);
  await db.driver.executeQuery("CREATE (:Actor {id: 'added-since', name: 'Added since'})");
  const refused = await runKb(['restore', BACKUP], { env: testDbEnv() });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/not empty.*--force/);
  const forced = await runKb(['restore', '--force', BACKUP], { env: testDbEnv() });
  expect(forced.status).toBe(0);
  expect(await contentFingerprint(db)).toBe(fingerprint);
});

describe('a bad backup is refused, naming the file, the line and the field, and nothing is restored', () => {
  beforeEach(() => clearDatabase(db));

  test('a value of a kind a backup cannot hold, and a relationship to a node the file lacks', async () => {
    const lines = readLines(BACKUP);
    const node = lines.findIndex((line) => line.includes('"Actor"'));
    lines[node] = lines[node]!.replace('"props":{', '"props":{"bad name":1,"nested":{"a":1},');
    const rel = lines.findIndex((line) => line.startsWith('{"from"'));
    lines[rel] = lines[rel]!.replace(/"to":\d+/, '"to":99999999');
    const file = path.join(DIR, 'bad-values.jsonl.gz');
    writeLines(file, lines);
    const refusal = restoreBackup(db, file);
    await expect(refusal).rejects.toBeInstanceOf(BackupFileError);
    const { problems } = (await refusal.catch((error: BackupFileError) => error)) as BackupFileError;
    expect(problems).toEqual(
      expect.arrayContaining([
        { file, path: `line ${node + 1}: props.bad name`, reason: expect.stringContaining('plain identifier') },
        { file, path: `line ${node + 1}: props.nested`, reason: expect.any(String) },
        { file, path: `line ${rel + 1}: to`, reason: 'no node 99999999 before it' },
      ]),
    );
    expect(await holdsNothing()).toBe(true);
  });

  test('a file cut short (no end line), and one from a newer version', async () => {
    const lines = readLines(BACKUP);
    const cut = path.join(DIR, 'cut.jsonl.gz');
    writeLines(cut, lines.slice(0, -1));
    await expect(restoreBackup(db, cut)).rejects.toThrow(/cut short: no end line/);
    const newer = path.join(DIR, 'newer.jsonl.gz');
    writeLines(newer, [lines[0]!.replace(/"migration":\d+/, `"migration":${LATEST_MIGRATION + 1}`), ...lines.slice(1)]);
    await expect(restoreBackup(db, newer)).rejects.toThrow(/line 1: migration: made by a newer version/);
    expect(await holdsNothing()).toBe(true);
  });

  test('a write that fails half-way (two actors with one id) leaves the database empty', async () => {
    const lines = readLines(BACKUP);
    const nodes = lines.filter((line) => line.startsWith('{"n"'));
    const actor = nodes.find((line) => line.includes('"Actor"'))!;
    const end = JSON.parse(lines.at(-1)!) as { end: { nodes: number; relationships: number } };
    const twin = actor.replace(/^\{"n":\d+/, `{"n":${end.end.nodes}`);
    const rels = lines.slice(1 + nodes.length, -1);
    const file = path.join(DIR, 'twin.jsonl.gz');
    writeLines(file, [lines[0]!, ...nodes, twin, ...rels, JSON.stringify({ end: { ...end.end, nodes: end.end.nodes + 1 } })]);
    await expect(restoreBackup(db, file)).rejects.toThrow(/already exists/);
    expect(await holdsNothing()).toBe(true);
  });
});
