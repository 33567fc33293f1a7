import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The import structure of src/, read with TypeScript's own parser, held against the floors of
 * docs/ARCHITECTURE.md: a file may import from its own floor or from floors below, never from above,
 * and neither files nor folders may import each other in a circle.
 */

/** Each top-level folder (or root file) of src/ and its floor, from the ground up. */
export const FLOORS: Record<string, number> = {
  domain: 0,
  config: 1,
  db: 2,
  net: 2,
  nlp: 2,
  accounts: 3,
  actors: 3,
  articles: 3,
  backup: 3,
  connections: 3,
  corpus: 3,
  dyads: 3,
  drafts: 3,
  events: 3,
  exports: 3,
  graph: 3,
  health: 3,
  history: 3,
  ingest: 3,
  migrations: 3,
  sanctions: 3,
  places: 3,
  watch: 3,
  interchange: 3,
  stats: 3,
  timeline: 3,
  'who-did-what': 3,
  http: 4,
  pages: 4,
  cli: 4,
  client: 4,
  'app.ts': 5,
  'server.ts': 6,
  bench: 6,
};

export const FLOOR_NAMES = ['domain', 'config', 'db', 'features', 'edges (http, pages, cli, client)', 'app', 'entry points and benchmarks'];

export interface Import {
  from: string;
  to: string;
}

export interface Structure {
  files: string[];
  imports: Import[];
}

/** Every .ts file under `src` and every relative import between them (type-only imports included). */
export function readStructure(src: string): Structure {
  const files = listTs(src).map((file) => path.relative(src, file));
  const known = new Set(files);
  const imports: Import[] = [];
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(src, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(path.join(path.dirname(file), fileName), known);
      if (target) imports.push({ from: file, to: target });
    }
  }
  return { files, imports };
}

function listTs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTs(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolve(base: string, known: Set<string>): string | undefined {
  const normal = path.normalize(base);
  return [`${normal}.ts`, path.join(normal, 'index.ts'), normal].find((candidate) => known.has(candidate));
}

/** The top-level folder of a file (`events` for events/events.service.ts), or the file itself at the root. */
export const folderOf = (file: string) => file.split(path.sep)[0] ?? file;

export function floorOf(file: string): number {
  const floor = FLOORS[folderOf(file)];
  if (floor === undefined) throw new Error(`${file}: its folder has no floor; add it to FLOORS and to docs/ARCHITECTURE.md`);
  return floor;
}

/** Imports that climb: from a file to a file on a higher floor. */
export const upwardImports = (structure: Structure) => structure.imports.filter((i) => floorOf(i.to) > floorOf(i.from));

/** Circles of imports among the given nodes (strongly connected components of more than one node). */
export function cycles(edges: ReadonlyArray<[string, string]>): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) if (a !== b) next.set(a, [...(next.get(a) ?? []), b]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of new Set(edges.flat())) if (!index.has(node)) visit(node);
  return found;
}

export const fileCycles = (structure: Structure) => cycles(structure.imports.map((i) => [i.from, i.to]));
export const folderCycles = (structure: Structure) => cycles(structure.imports.map((i) => [folderOf(i.from), folderOf(i.to)]));
