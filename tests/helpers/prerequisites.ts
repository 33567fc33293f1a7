import fs from 'node:fs';
import { missingPython } from '../../src/nlp/venv';

/** The browser the page tests drive: Debian's Chromium, or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * What the suite needs beyond Node that npm cannot install, each with the command that installs it; empty when
 * all is there. Java and Maven are checked where Neo4j is started, since a NEO4J_TEST_URI makes them unneeded.
 */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM}) for the page tests: apt-get install -y chromium fonts-liberation`);
  const python = missingPython('the dependency parser and the export client tests');
  if (python) missing.push(python);
  return missing;
}
