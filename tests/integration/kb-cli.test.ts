import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { read, type Db } from '../../src/db/query';
import { Draft } from '../../src/drafts/drafts.schemas';
import { ensureBuilt, PROJECT, runKb, testDbEnv, type Finished } from '../helpers/cli';
import { smallFacts, tempFactsDir, writeFacts } from '../helpers/facts-fixtures';
import { clearDatabase, openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * `kb` as a shell runs it (the built dist/cli/kb.js, each command in its own process) against the suite's Neo4j:
 * the version, `-` for standard input and output, exit statuses (0 done, 1 failed, 2 not understood) in every
 * command, results on standard output and progress on standard error only.
 */

const VERSION = (JSON.parse(fs.readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version;
const SEED_ARTICLE = path.join(PROJECT, 'seed', 'articles', 'minsk-talks-us-belarus-thaw.txt');
const PARDON = 'pardon-123-prisoners-2025-12';

const BORDER_TALKS = [
  'Vilnius talks on the border with Belarus',
  '',
  "Poland's foreign minister Radek Sikorski met Lithuanian President Gitanas Nauseda in Vilnius on Monday, December 15, to discuss the border with Belarus.",
  '',
].join('\n');

let db: Db;
let tmp: string;

beforeAll(async () => {
  ensureBuilt();
  db = openTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-cli-'));
  await resetToSeed(db);
});

afterAll(async () => {
  await db.driver.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const withDb = (args: string[], input?: string) => runKb(args, { env: testDbEnv(), input });

/** A usage error: status 2, the reason on standard error, nothing on standard output. */
function expectUsageError(run: Finished, reason: string | RegExp): void {
  expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: '' });
  expect(run.stderr).toMatch(reason);
}

describe('kb --version and help', () => {
  test('--version and -V print the version package.json states, alone on standard output, and exit 0', async () => {
    for (const flag of ['--version', '-V']) {
      expect(await runKb([flag])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  test('help is a success on standard output, for kb and for one command', async () => {
    const all = await runKb(['--help']);
    expect(all).toMatchObject({ status: 0, stderr: '' });
    for (const command of ['export', 'extract', 'import', 'ingest', 'load', 'user', 'backup', 'restore', 'migrate']) expect(all.stdout).toContain(command);
    const exportHelp = await runKb(['help', 'export']);
    expect(exportHelp).toMatchObject({ status: 0, stderr: '' });
    expect(exportHelp.stdout).toMatch(/--format <format>\s+csv \| plover \| jsonld \| graphml/);
    expect(exportHelp.stdout).toMatch(/- or\s+none: standard output/);
  });
});

describe('usage errors exit 2 in every command, before any work', () => {
  test.each<[string, string[], string | RegExp]>([
    ['no command', [], /Usage: kb/],
    ['an unknown command', ['frobnicate'], "unknown command 'frobnicate'"],
    ['an unknown option of export', ['export', '--format', 'csv', '--bogus'], "unknown option '--bogus'"],
    ['a missing required option of export', ['export'], "required option '-f, --format <format>' not specified"],
    ['a bad date given to export', ['export', '--format', 'csv', '--from', 'yesterday'], '--from'],
    ['an unknown export format', ['export', '--format', 'pdf'], '--format'],
    ['extract without its file', ['extract', '--published', '2025-12-15'], "missing required argument 'file'"],
    ['extract without --published', ['extract', SEED_ARTICLE, '--offline'], "required option '-p, --published <date>' not specified"],
    ['extract to standard output twice (--json and --out -)', ['extract', '-', '-p', '2025-12-15', '--json', '--out', '-', '--offline'], '--out: cannot be -'],
    ['extract --out to a file that is not a facts file', ['extract', SEED_ARTICLE, '-p', '2025-12-15', '--out', 'facts.txt', '--offline'], '--out: must name'],
    ['import from standard input without --format', ['import', '-'], 'give --format plover, csv, gdelt or polecat (cannot tell from standard input)'],
    ['import of a file of unknown kind', ['import', 'export.txt'], 'cannot tell from "export.txt"'],
    ['load of standard input with other paths', ['load', '-', 'more.yaml'], '- (standard input) cannot be given with other paths'],
    ['ingest without a source', ['ingest'], "missing required argument 'source'"],
    ['ingest of a file without --published', ['ingest', SEED_ARTICLE], '--published: give the day'],
    ['a role that does not exist', ['user', 'role', 'alice', 'emperor'], "value 'emperor' is invalid for argument 'role'. Allowed choices are editor, admin."],
    [
      'a new user with a role that does not exist',
      ['user', 'add', 'alice', '--role', 'emperor'],
      "argument 'emperor' is invalid. Allowed choices are editor, admin.",
    ],
    ['a user command that does not exist', ['user', 'rename', 'alice'], "unknown command 'rename'"],
  ])('%s', async (_what, args, reason) => {
    expectUsageError(await withDb(args), reason);
  });
});

describe('failures exit 1 with the reason on standard error', () => {
  test('an actor that does not exist', async () => {
    const run = await withDb(['export', '--format', 'csv', '--actor', 'nobody-at-all']);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 1, stdout: '' });
    expect(run.stderr).toContain('No actor with id "nobody-at-all"');
  });

  test('a file that does not exist, for extract, load and import', async () => {
    const missing = path.join(tmp, 'missing');
    for (const args of [
      ['extract', `${missing}.txt`, '-p', '2025-12-15', '--offline'],
      ['load', `${missing}.yaml`],
      ['import', `${missing}.jsonl`],
    ]) {
      const run = await withDb(args);
      expect({ args, status: run.status, stdout: run.stdout }).toEqual({ args, status: 1, stdout: '' });
      expect(run.stderr).toContain(missing);
    }
  });

  test('facts that are refused: file, path and reason, nothing written', async () => {
    const bad = smallFacts('refused-cli');
    bad.events[0].participants[0].actor = 'atlantis';
    const run = await withDb(['load', '-'], YAML.stringify(bad));
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 1, stdout: '' });
    expect(run.stderr).toContain('standard input: events[0].participants[0].actor: unknown actor "atlantis"');
    expect(await read(db, "MATCH (e:Event {id: 'talks-refused-cli'}) RETURN e.id AS id")).toEqual([]);
  });

  test('a database that does not answer', async () => {
    const run = await runKb(['export', '--format', 'csv'], { env: { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'unused', DB_TIMEOUT_S: '1' } });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 1, stdout: '' });
    expect(run.stderr).toContain('The database is not reachable');
  });
});

describe('- for standard input and output; results on standard output, progress on standard error', () => {
  test('extract - reads the article from standard input: the same JSON as from its file, and nothing else', async () => {
    const fromFile = await runKb(['extract', SEED_ARTICLE, '-p', '2025-12-15', '--json', '--offline']);
    const fromStdin = await runKb(['extract', '-', '-p', '2025-12-15', '--json', '--offline'], { input: fs.readFileSync(SEED_ARTICLE, 'utf8') });
    expect(fromStdin).toEqual({ status: 0, stdout: fromFile.stdout, stderr: '' });
    const json = JSON.parse(fromStdin.stdout) as { events: Array<{ type: string }> };
    expect(json.events.map((e) => e.type)).toContain('pardon');
    expect(fromStdin.stdout.trim().split('\n')).toHaveLength(1);
  });

  test('extract - --out - writes a facts file with the article inline, which load - loads', async () => {
    const extracted = await runKb(['extract', '-', '-p', '2025-12-15', '--out', '-', '--offline'], { input: BORDER_TALKS });
    expect(extracted.status).toBe(0);
    expect(extracted.stderr).toMatch(/^Wrote the facts to standard output: 1 event\(s\), 0 already known/);
    const facts = YAML.parse(extracted.stdout) as { article: { id: string; text: string; textFile?: string }; events: Array<{ type: string }> };
    expect(facts.article).toMatchObject({ title: 'Vilnius talks on the border with Belarus', text: BORDER_TALKS.trim() });
    expect(facts.article.textFile).toBeUndefined();
    expect(facts.events.map((e) => e.type)).toEqual(['talks']);

    const loaded = await withDb(['load', '-'], extracted.stdout);
    expect(loaded.status).toBe(0);
    expect(loaded.stdout).toMatch(/^Loaded 1 article\(s\), 1 event\(s\), \d+ actor\(s\)[^\n]*\n$/);
    expect(loaded.stderr).toBe('  [1/1] standard input: 1 events\n');
    expect(await read(db, 'MATCH (a:Article {id: $id}) RETURN a.text AS text', { id: facts.article.id })).toEqual([{ text: BORDER_TALKS.trim() }]);
  });

  test('extract --out - of a file names the file relative to the current folder', async () => {
    const run = await runKb(['extract', SEED_ARTICLE, '-p', '2025-12-15', '--out', '-', '--offline'], { cwd: PROJECT });
    expect(run.status).toBe(0);
    expect((YAML.parse(run.stdout) as { article: { textFile: string } }).article.textFile).toBe(
      path.join('seed', 'articles', 'minsk-talks-us-belarus-thaw.txt'),
    );
  });

  test('export writes to standard output with no --out or --out -, and to a file with --out, saying so on standard error', async () => {
    const plain = await withDb(['export', '--format', 'csv', '--type', 'pardon']);
    expect(plain).toMatchObject({ status: 0, stderr: '' });
    expect(plain.stdout.split('\n')[0]).toMatch(/^event_id,date_start,/);
    expect(plain.stdout).toContain(PARDON);
    expect(await withDb(['export', '--format', 'csv', '--type', 'pardon', '--out', '-'])).toEqual(plain);
    const file = path.join(tmp, 'pardons.csv');
    expect(await withDb(['export', '--format', 'csv', '--type', 'pardon', '--out', file])).toEqual({ status: 0, stdout: '', stderr: `Wrote ${file}\n` });
    expect(fs.readFileSync(file, 'utf8')).toBe(plain.stdout);
  });

  test('import - loads an export from standard input; its problems name standard input', async () => {
    await resetToSeed(db);
    const exported = await withDb(['export', '--format', 'plover']);
    await clearDatabase(db);
    const imported = await withDb(['import', '-', '--format', 'plover'], exported.stdout);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^Loaded 1 article\(s\), 13 event\(s\)[^\n]*\n$/);
    expect(imported.stderr).toContain('Importing standard input (plover)');
    expect((await withDb(['export', '--format', 'plover'])).stdout).toBe(exported.stdout);

    const broken = await withDb(['import', '-', '--format', 'plover'], 'not json\n');
    expect({ status: broken.status, stdout: broken.stdout }).toEqual({ status: 1, stdout: '' });
    expect(broken.stderr).toContain('standard input: line 1: not valid JSON');
  });

  test('ingest - drafts the article on standard input; --json prints the draft alone', async () => {
    const run = await withDb(['ingest', '-', '-p', '2025-12-16', '--json'], BORDER_TALKS.replace('Monday, December 15', 'Tuesday, December 16'));
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const draft = Draft.parse(JSON.parse(run.stdout));
    expect(draft.article.title).toBe('Vilnius talks on the border with Belarus');
    expect(draft.events.length).toBeGreaterThan(0);
  });

  test('load of files prints progress on standard error and only the summary on standard output', async () => {
    const file = writeFacts(tempFactsDir(), 'progress.yaml', smallFacts('progress-cli'));
    const run = await withDb(['load', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Loaded 1 article\(s\), 1 event\(s\), 2 actor\(s\)[^\n]*\n$/);
    expect(run.stderr).toBe('  [1/1] progress.yaml: 1 events\n');
  });
});
