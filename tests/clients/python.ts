import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths';
import { ensureVenv, venvReady, type VenvSpec } from '../../src/nlp/venv';

/**
 * The Python the conformance suite reads exports with: a virtual environment of its own (.venv-clients/,
 * git-ignored) with the pinned clients of tests/clients/requirements.txt, made on first use and again when the
 * list changes (src/nlp/venv.ts, as the parser's). pip's progress goes to the terminal.
 */
const CLIENTS: VenvSpec = {
  dir: path.join(PROJECT_ROOT, '.venv-clients'),
  requirements: path.join(__dirname, 'requirements.txt'),
  purpose: 'the export client tests (networkx, igraph, rdflib, pandas)',
  pipArgs: ['--progress-bar', 'off'],
};

/** The environment's python, made and filled first when it is missing or out of date. */
export async function ensureClients(log: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<string> {
  if (!venvReady(CLIENTS)) log(`Installing ${CLIENTS.purpose} into ${path.relative(PROJECT_ROOT, CLIENTS.dir)}/, once …`);
  return ensureVenv(CLIENTS, log);
}
