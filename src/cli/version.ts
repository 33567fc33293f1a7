import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/paths';

/** The project's version, as package.json states it (read at run time: the build keeps package.json out of dist/). */
export function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
