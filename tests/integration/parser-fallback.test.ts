import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedActors } from '../../src/cli/ingest.action';
import { extract, extractParsed } from '../../src/ingest/extract';
import { createParser } from '../../src/nlp/parser';
import { ensureBuilt, PROJECT, runKb } from '../helpers/cli';

/**
 * Without the parser (turned off, or no Python to install it with), extraction goes on with the rules alone and
 * says so once, naming the reason and the command that fixes it.
 */
const SEED_TEXT = fs.readFileSync(path.join(PROJECT, 'seed', 'articles', 'minsk-talks-us-belarus-thaw.txt'), 'utf8');
const SEED_INPUT = { text: SEED_TEXT, publishedAt: '2025-12-15', title: 'Minsk talks', articleId: 'minsk' };
let empty: string;

beforeAll(() => {
  ensureBuilt();
  empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-no-parser-'));
});
afterAll(() => fs.rmSync(empty, { recursive: true, force: true }));

const noPython = () => ({ mode: 'auto' as const, dir: empty, python: path.join(empty, 'no-such-python3'), timeoutMs: 30_000 });

test('no Python to install the parser with: the rules extract the seed as before, and the note comes once', async () => {
  const notes: string[] = [];
  const parser = createParser(noPython(), { note: (m) => notes.push(m), progress: () => {} });
  const rules = extract(SEED_INPUT, seedActors());
  expect(rules.events).toHaveLength(13);
  expect(await extractParsed(SEED_INPUT, seedActors(), {}, parser)).toEqual(rules);
  expect(await extractParsed(SEED_INPUT, seedActors(), {}, parser)).toEqual(rules);
  expect(notes).toHaveLength(1);
  expect(notes[0]).toContain('extracting with the rules alone');
  expect(notes[0]).toContain('is not installed');
  expect(notes[0]).toContain('apt-get install -y python3 python3-venv');
  expect(fs.readdirSync(empty)).toEqual([]);
});

test('KB_PARSER=off: the note names the setting, once', async () => {
  const notes: string[] = [];
  const parser = createParser({ ...noPython(), mode: 'off' }, { note: (m) => notes.push(m), progress: () => {} });
  expect(await parser.parse(['Iran freed the sailors.'])).toBeNull();
  expect(await parser.parse(['Britain released the tanker.'])).toBeNull();
  expect(notes).toEqual(['note: extracting with the rules alone, without the dependency parser: it is turned off (KB_PARSER=off; unset it to use the parser)']);
});

test('kb extract --json without Python for the parser: the same events, one line on standard error', async () => {
  const args = ['extract', '-', '-p', '2025-12-15', '--json', '--offline'];
  const withParser = await runKb(args, { input: SEED_TEXT });
  const without = await runKb(args, { input: SEED_TEXT, env: { KB_PARSER_DIR: empty, KB_PARSER_PYTHON: noPython().python } });
  expect(withParser).toMatchObject({ status: 0, stderr: '' });
  expect(without.status).toBe(0);
  expect(without.stdout).toBe(withParser.stdout);
  expect((JSON.parse(without.stdout) as { events: unknown[] }).events).toHaveLength(13);
  const lines = without.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^note: extracting with the rules alone, without the dependency parser: .*no-such-python3 is not installed.*apt-get install -y python3 python3-venv$/,
  );
});
