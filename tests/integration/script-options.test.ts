import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, ensureBuilt, runScript, type Finished } from '../helpers/cli';

/**
 * The corpus generator and the benchmarks parse their options with kb's parser (cli/program.ts): --help
 * lists them with their defaults and exits 0, and a bad value exits 2 before anything starts (no corpus is
 * written, no Neo4j started). Each runs as the built script in a process of its own.
 */

let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-scripts-'));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A usage error: status 2, the reason on standard error, nothing on standard output. */
function expectUsageError(run: Finished, reason: string): void {
  expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: '' });
  expect(run.stderr).toContain(reason);
}

describe('the corpus generator and the benchmarks take their options like kb', () => {
  const script = (file: string) => path.join(DIST, file);

  test.each<[string, string[]]>([
    ['cli/generate.cli.js', ['--events <n>', '--seed <n>', '(default: 1)', '--out <dir>']],
    ['bench/load.bench.js', ['--events <n>', '(default: 100000)', '--naive-events <n>', '(default: 2000)']],
    ['bench/query.bench.js', ['--events <n>', '(default: 1000000)', '--requests <n>', '(default: 60)', '--routes <names>']],
    ['bench/page.bench.js', ['--runs <n>', '(default: 9)', '--chromium <path>', '(default: "/usr/bin/chromium")']],
    ['bench/http.bench.js', ['--connections <n>', '(default: 50)', '--seconds <n>', '(default: 30)', '--warmup <n>']],
    ['bench/stop.js', ['Usage: npm run bench:stop --', 'bench on 7689']],
  ])('%s --help exits 0 with its usage and defaults', async (file, expected) => {
    const run = await runScript(script(file), ['--help']);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    for (const text of expected) expect(run.stdout).toContain(text);
  });

  test.each<[string, string[], string]>([
    ['cli/generate.cli.js', [], "required option '--events <n>' not specified"],
    ['cli/generate.cli.js', ['--events', '0'], "option '--events <n>' argument '0' is invalid. must be a positive whole number."],
    ['cli/generate.cli.js', ['--events', '10', '--colour', 'red'], "unknown option '--colour'"],
    ['bench/load.bench.js', ['--events', 'many'], "argument 'many' is invalid"],
    ['bench/query.bench.js', ['--requests', '1.5'], "argument '1.5' is invalid"],
    ['bench/http.bench.js', ['--seconds', '-3'], "argument '-3' is invalid"],
    ['bench/stop.js', ['now'], 'too many arguments'],
  ])('%s %j is a usage error (2) before anything starts', async (file, args, reason) => {
    expectUsageError(await runScript(script(file), args), reason);
  });

  test('the generator writes its corpus where --out says', async () => {
    const out = path.join(tmp, 'corpus');
    const run = await runScript(script('cli/generate.cli.js'), ['--events', '20', '--seed', '3', '--out', out]);
    expect(run).toMatchObject({ status: 0, stdout: `${out}\n` });
    expect(fs.existsSync(path.join(out, '.complete'))).toBe(true);
  });
});
