import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths';

/**
 * The Python the conformance suite reads exports with: a virtual environment of its own (.venv-clients/,
 * git-ignored) with the pinned clients of tests/clients/requirements.txt, made on first use and again when the
 * list changes. pip's progress goes to the terminal.
 */
export const VENV = path.join(PROJECT_ROOT, '.venv-clients');
const REQUIREMENTS = path.join(__dirname, 'requirements.txt');
const MARKER = path.join(VENV, '.requirements-sha256');

export const INSTALL_PYTHON = 'apt-get install -y python3 python3-venv';

/** Whether this machine has a Python 3 that can make virtual environments; null if it has, else why not. */
export function missingPython(): string | null {
  const probe = spawnSync('python3', ['-c', 'import venv, ensurepip'], { encoding: 'utf8' });
  if (probe.error) return `Python 3 is not installed; the export client tests need it: ${INSTALL_PYTHON}`;
  if (probe.status !== 0) return `Python 3 cannot make virtual environments; the export client tests need it: ${INSTALL_PYTHON}`;
  return null;
}

const python = () => path.join(VENV, 'bin', 'python');

/** The environment's python, made and filled first when it is missing or out of date. */
export function ensureClients(log: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): string {
  const wanted = createHash('sha256').update(fs.readFileSync(REQUIREMENTS)).digest('hex');
  if (fs.existsSync(MARKER) && fs.readFileSync(MARKER, 'utf8') === wanted && fs.existsSync(python())) return python();
  const missing = missingPython();
  if (missing) throw new Error(missing);
  log(`Installing the export clients (networkx, igraph, rdflib, pandas) into ${path.relative(PROJECT_ROOT, VENV)}/, once …`);
  fs.rmSync(VENV, { recursive: true, force: true });
  run('python3', ['-m', 'venv', VENV]);
  run(python(), ['-m', 'pip', 'install', '--disable-pip-version-check', '--progress-bar', 'off', '-r', REQUIREMENTS]);
  fs.writeFileSync(MARKER, wanted);
  log('Export clients ready.');
  return python();
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) throw new Error(`${command} ${args.slice(0, 3).join(' ')} … failed (exit ${result.status})`);
}
