import path from 'node:path';
import { FLOOR_NAMES, FLOORS, fileCycles, floorOf, folderCycles, folderOf, readStructure, upwardImports } from './layers';

/**
 * `npm run layers [-- <src folder>]`: the floors and the imports between them, then every import that climbs
 * a floor and every circle of imports. Exits 1 when there is any of either.
 */
const src = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'src'));
const structure = readStructure(src);
const folders = [...new Set(structure.files.map(folderOf))].sort((a, b) => (FLOORS[a] ?? 99) - (FLOORS[b] ?? 99) || a.localeCompare(b));

console.log(`${structure.files.length} files, ${structure.imports.length} imports in ${src}\n`);
for (const [floor, name] of FLOOR_NAMES.entries()) {
  const here = folders.filter((folder) => FLOORS[folder] === floor);
  if (here.length === 0) continue;
  console.log(`floor ${floor} (${name}):`);
  for (const folder of here) {
    const below = new Set(structure.imports.filter((i) => folderOf(i.from) === folder && folderOf(i.to) !== folder).map((i) => folderOf(i.to)));
    console.log(`  ${folder.padEnd(14)} imports ${[...below].sort().join(', ') || '(nothing)'}`);
  }
}
const unplaced = folders.filter((folder) => FLOORS[folder] === undefined);
if (unplaced.length > 0) console.log(`\nwithout a floor: ${unplaced.join(', ')}`);

const placed = { ...structure, imports: structure.imports.filter((i) => FLOORS[folderOf(i.from)] !== undefined && FLOORS[folderOf(i.to)] !== undefined) };
const up = upwardImports(placed);
const circles = [...fileCycles(structure), ...folderCycles(structure).map((c) => c.map((folder) => `${folder}/`))];
console.log(`\n${up.length} import(s) climb a floor${up.length > 0 ? ':' : ''}`);
for (const i of up) console.log(`  ${i.from} (floor ${floorOf(i.from)}) → ${i.to} (floor ${floorOf(i.to)})`);
console.log(`${circles.length} circle(s) of imports${circles.length > 0 ? ':' : ''}`);
for (const circle of circles) console.log(`  ${circle.join(' ⇄ ')}`);
process.exitCode = up.length + circles.length + unplaced.length > 0 ? 1 : 0;
