import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config/paths';

/**
 * The browser bundles in public/js are named with a hash of their content (esbuild `--entry-names=[name]-[hash]`),
 * so browsers may keep them for a year: a changed bundle is a new name. Pages name a bundle by what it is,
 * `/js/timeline.js`; the metafile esbuild writes beside the bundles says which file that is in this build.
 */
export const BUNDLE_DIR = path.join(PROJECT_ROOT, 'public', 'js');
const METAFILE = 'meta.json';

/** The part of esbuild's metafile read here: each output file, and for a bundle the entry point it was built from. */
const Metafile = z.object({ outputs: z.record(z.string(), z.object({ entryPoint: z.string().optional() })) });

/** An output of `--entry-names=[name]-[hash]`: the entry's name, then the hash. */
const HASHED_NAME = /^(.+)-[A-Z0-9]{8}\.js$/;

export interface Bundles {
  /** False when public/js holds no build: pages then name bundles that are not there. */
  built: boolean;
  /** The address of a page's script: for a bundle, its hashed file; any other address unchanged. */
  address: (src: string) => string;
  /** Whether a file in public/js (by name) is a hashed output of this build: a bundle or its source map. */
  isHashed: (fileName: string) => boolean;
}

interface Build {
  hashed: Set<string>;
  byName: Map<string, string>;
}

function readBuild(file: string): Build {
  const outputs = Object.entries(Metafile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).outputs);
  const hashed = new Set(outputs.map(([output]) => path.basename(output)));
  const byName = new Map<string, string>();
  for (const [output, { entryPoint }] of outputs) {
    const name = HASHED_NAME.exec(path.basename(output))?.[1];
    if (entryPoint !== undefined && name !== undefined) byName.set(`/js/${name}.js`, `/js/${path.basename(output)}`);
  }
  return { hashed, byName };
}

/**
 * The bundles of the build in `dir`. The metafile is read again when it changes (a stat per lookup), so a
 * rebuild under `npm run dev` shows on the next page without restarting the server.
 */
export function readBundles(dir: string = BUNDLE_DIR): Bundles {
  const file = path.join(dir, METAFILE);
  if (!fs.existsSync(file)) return { built: false, address: (src) => src, isHashed: () => false };
  let seen = -1;
  let build: Build = { hashed: new Set(), byName: new Map() };
  const current = (): Build => {
    const changed = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (changed !== undefined && changed !== seen) {
      build = readBuild(file);
      seen = changed;
    }
    return build;
  };
  current();
  return { built: true, address: (src) => current().byName.get(src) ?? src, isHashed: (fileName) => current().hashed.has(fileName) };
}
