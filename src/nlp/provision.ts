import path from 'node:path';
import { PROJECT_ROOT } from '../config/paths';
import { ensureVenv, type Log, missingPython, type VenvSpec, venvPython, venvReady } from './venv';

/**
 * The dependency parser's install, as the project provisions Neo4j: on first use, pinned (nlp/requirements.txt,
 * every wheel with its sha256), into the git-ignored `.nlp/venv/` (or KB_PARSER_DIR), with pip's progress shown.
 */

/** The parse process's script; nlp/ sits beside src/ and dist/, so both reach it the same way. */
export const PARSE_SCRIPT = path.join(PROJECT_ROOT, 'nlp', 'parse.py');
const REQUIREMENTS = path.join(PROJECT_ROOT, 'nlp', 'requirements.txt');
export const DEFAULT_PARSER_DIR = path.join(PROJECT_ROOT, '.nlp');
export const INSTALL_PARSER = 'npm run nlp:install';
const PURPOSE = 'the dependency parser (spaCy)';

export interface ParserPlace {
  /** The folder holding the environment (`.nlp` by default). */
  dir: string;
  /** The Python that makes the environment. */
  python: string;
}

const specOf = (place: ParserPlace): VenvSpec => ({
  dir: path.join(place.dir, 'venv'),
  requirements: REQUIREMENTS,
  purpose: PURPOSE,
  python: place.python,
  pipArgs: ['--require-hashes', '--only-binary=:all:', '--no-deps'],
});

export const parserInstalled = (place: ParserPlace) => venvReady(specOf(place));

/** Null when the parser is installed or can be; otherwise why not, with the command that fixes it. */
export const parserUnavailable = (place: ParserPlace) => (parserInstalled(place) ? null : missingPython(PURPOSE, place.python));

/** The parser environment's python, installed first when missing or out of date (about 90 MB of downloads, 350 MB on disk). */
export async function ensureParser(place: ParserPlace, log: Log): Promise<string> {
  if (!parserInstalled(place)) {
    log(`Installing ${PURPOSE} into ${path.relative(process.cwd(), specOf(place).dir) || '.'} (first use only: about 90 MB to download, 350 MB on disk) …`);
  }
  await ensureVenv(specOf(place), log);
  return venvPython(specOf(place).dir);
}
