import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Python virtual environments the project makes for itself from a pinned requirements file, once, and again
 * when the file changes (a marker in the environment keeps the file's sha256). Made in a staging folder and
 * renamed into place, so a failed or interrupted install leaves none half-made.
 */

export const INSTALL_PYTHON = 'apt-get install -y python3 python3-venv';

export type Log = (message: string) => void;

export interface VenvSpec {
  /** The folder of the environment (git-ignored). */
  dir: string;
  requirements: string;
  /** What it is for, in the messages ("the dependency parser"). */
  purpose: string;
  /** The Python that makes it. */
  python?: string;
  /** Extra arguments of `pip install` (e.g. --require-hashes). */
  pipArgs?: string[];
}

/** Null when `python` can make virtual environments; otherwise one line saying why not and what installs it. */
export function missingPython(purpose: string, python = 'python3'): string | null {
  const probe = spawnSync(python, ['-c', 'import venv, ensurepip'], { encoding: 'utf8' });
  if (probe.error) return `${python} is not installed; ${purpose} needs it: ${INSTALL_PYTHON}`;
  if (probe.status !== 0) return `${python} cannot make virtual environments; ${purpose} needs it: ${INSTALL_PYTHON}`;
  return null;
}

export const venvPython = (dir: string) => path.join(dir, 'bin', 'python');
const marker = (dir: string) => path.join(dir, '.requirements-sha256');
const digestOf = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** True when the environment holds what its requirements file lists now. */
export function venvReady(spec: VenvSpec): boolean {
  try {
    return fs.readFileSync(marker(spec.dir), 'utf8') === digestOf(spec.requirements) && fs.existsSync(venvPython(spec.dir));
  } catch {
    return false;
  }
}

/** The environment's python, the environment made first when it is missing or out of date. pip's progress goes to stderr. */
export async function ensureVenv(spec: VenvSpec, log: Log): Promise<string> {
  if (venvReady(spec)) return venvPython(spec.dir);
  const missing = missingPython(spec.purpose, spec.python);
  if (missing) throw new Error(missing);
  const staging = `${spec.dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(spec.dir), { recursive: true });
  try {
    await run(spec.python ?? 'python3', ['-m', 'venv', staging]);
    const pip = ['-m', 'pip', 'install', '--disable-pip-version-check', ...(spec.pipArgs ?? []), '-r', spec.requirements];
    await run(venvPython(staging), pip);
    fs.writeFileSync(marker(staging), digestOf(spec.requirements));
    fs.rmSync(spec.dir, { recursive: true, force: true });
    fs.renameSync(staging, spec.dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  log(`${spec.purpose}: ready in ${path.relative(process.cwd(), spec.dir) || spec.dir}/.`);
  return venvPython(spec.dir);
}

/** Runs a command with its output on our stderr (pip shows what it downloads), rejecting on a non-zero exit. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', process.stderr, process.stderr] });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.slice(0, 3).join(' ')} … failed (exit ${code})`))));
  });
}
