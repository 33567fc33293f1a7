import fs from 'node:fs';

/**
 * Reads `.env` from the folder the process was started in (as Node's `--env-file`, Docker Compose and dotenv
 * do) into process.env, when there is one. A variable already set in the environment keeps its value: the
 * file holds defaults for this checkout, the environment says what this one run needs.
 */
export function loadEnvFile(file = '.env'): boolean {
  if (!fs.existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}
