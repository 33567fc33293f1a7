import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { FLOORS, fileCycles, floorOf, folderCycles, folderOf, readStructure, upwardImports } from './layers';

const SRC = path.join(__dirname, '..', '..', 'src');
const structure = readStructure(SRC);

describe('the floors of src/ (docs/ARCHITECTURE.md)', () => {
  test('every folder stands on a floor', () => {
    expect([...new Set(structure.files.map(folderOf))].filter((folder) => FLOORS[folder] === undefined)).toEqual([]);
  });

  test('no import climbs a floor', () => {
    expect(upwardImports(structure).map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  test('no circle of imports, between files or between folders', () => {
    expect(fileCycles(structure)).toEqual([]);
    expect(folderCycles(structure)).toEqual([]);
  });

  test('below the edge nothing knows HTTP: no domain, db or feature file imports express', () => {
    const http = structure.files.filter((file) => floorOf(file) <= 3 && packagesOf(path.join(SRC, file)).some((p) => /^(express|pino-http|helmet)$/.test(p)));
    expect(http).toEqual([]);
  });
});

test('unit tests mirror the layout: every folder under tests/unit/ is a folder of src/', () => {
  const UNIT = path.join(__dirname, '..', 'unit');
  const folders = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => [e.name, ...folders(path.join(dir, e.name)).map((sub) => path.join(e.name, sub))]);
  expect(folders(UNIT).filter((folder) => !fs.existsSync(path.join(SRC, folder)))).toEqual([]);
  expect(fs.readdirSync(UNIT).filter((name) => name.endsWith('.ts'))).toEqual([]);
});

describe('the guard itself', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-layers-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('domain/labels.ts', "import type { X } from '../http/errors';\nexport const a = 1;\n");
    write('http/errors.ts', 'export type X = number;\n');
    write('events/a.ts', "import { b } from '../graph/b';\nexport const a = b;\n");
    write('graph/b.ts', "import { a } from '../events/a';\nexport const b = a;\n");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('finds an import that climbs, and a circle between folders', () => {
    const fixture = readStructure(dir);
    expect(upwardImports(fixture)).toEqual([{ from: path.join('domain', 'labels.ts'), to: path.join('http', 'errors.ts') }]);
    expect(folderCycles(fixture)).toEqual([['events', 'graph']]);
    expect(fileCycles(fixture)).toEqual([[path.join('events', 'a.ts'), path.join('graph', 'b.ts')]]);
  });
});

function packagesOf(file: string): string[] {
  return ts
    .preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => !name.startsWith('.'));
}
