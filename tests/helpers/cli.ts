import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { testConnection } from './test-db';

/**
 * The command lines as users run them: the built scripts in dist/ (built by `npm install`'s prepare step),
 * each in a process of its own. A build older than the sources is redone once, before the first test that
 * needs it, so the tests never exercise stale code and never rebuild per command.
 */
export const PROJECT = path.resolve(__dirname, '../..');
export const DIST = path.join(PROJECT, 'dist');
export const KB = path.join(DIST, 'cli', 'kb.js');

const mtime = (file: string) => fs.statSync(file).mtimeMs;

function newestSource(dir: string): number {
  return Math.max(
    0,
    ...fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'client' && dir.endsWith('src') ? 0 : newestSource(full);
      return entry.name.endsWith('.ts') ? mtime(full) : 0;
    }),
  );
}

/** Builds the server side (tsc into dist/) when dist/cli/kb.js is missing or older than a source file. */
export function ensureBuilt(): void {
  const sources = Math.max(newestSource(path.join(PROJECT, 'src')), mtime(path.join(PROJECT, 'tsconfig.build.json')));
  if (fs.existsSync(KB) && mtime(KB) >= sources) return;
  const build = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: PROJECT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:server failed:\n${build.stdout}${build.stderr}`);
}

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Added to the environment (LOG_LEVEL=silent and the rest of this process's); `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Written to standard input, which is then closed (empty when not given). */
  input?: string;
  /** Where the command runs (by default an empty folder: see emptyCwd). */
  cwd?: string;
}

/**
 * Where commands run unless told otherwise: an empty folder in the git-ignored test-artifacts/, reused from run
 * to run, so no `.env` of the checkout is read.
 */
function emptyCwd(): string {
  const folder = path.join(PROJECT, 'test-artifacts', 'cli-cwd');
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** Runs a built script with node; resolves with its status and what it wrote, whatever the status. */
export function runScript(script: string, args: readonly string[], options: RunOptions = {}): Promise<Finished> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd ?? emptyCwd(), env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export const runKb = (args: readonly string[], options?: RunOptions) => runScript(KB, args, options);

/** The settings that point a command at the suite's database, with a deadline that a busy machine meets. */
export function testDbEnv(): Record<string, string> {
  const { uri, user, password } = testConnection();
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, DB_TIMEOUT_S: '20' };
}
