import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GOLDSTEIN } from '../../../src/domain/cameo';
import { EVENT_TYPES, TAXONOMY, type EventType } from '../../../src/domain/taxonomy';

/** The rows of the crosswalk table in docs/cameo-plover-crosswalk.md, by CAMEO code. */
function crosswalk(): Map<string, { goldstein: number; crosswalkEvent: string; types: string[]; used: string; why: string }> {
  const text = readFileSync(path.join(__dirname, '../../../docs/cameo-plover-crosswalk.md'), 'utf8');
  const table = text.slice(text.indexOf('| CAMEO |'), text.indexOf('## Modes'));
  const rows = new Map();
  for (const line of table.split('\n').slice(2)) {
    if (!line.startsWith('|')) continue;
    const [code, , goldstein, crosswalkEvent, , , types, used, why] = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    rows.set(code, {
      goldstein: Number(goldstein),
      crosswalkEvent: crosswalkEvent === '–' ? '' : crosswalkEvent,
      types: (types ?? '').split(',').map((t) => t.replace(/\(.*\)/, '').trim()),
      used: used === '–' ? '' : used,
      why: why ?? '',
    });
  }
  return rows;
}

const ROWS = crosswalk();

test.each(EVENT_TYPES.filter((t) => TAXONOMY[t].cameo !== null))('%s: its CAMEO code and PLOVER category are the crosswalk table’s', (type: EventType) => {
  const entry: { cameo: string | null; plover: string | null } = TAXONOMY[type];
  const row = ROWS.get(entry.cameo as string);
  expect(row).toBeDefined();
  expect(row?.types).toContain(type);
  expect(row?.used).toBe(entry.plover ?? '');
  // a category other than the published crosswalk's needs its reason in the table
  if (row?.used !== row?.crosswalkEvent) expect(row?.why).not.toBe('');
  expect(GOLDSTEIN[entry.cameo as string]).toBe(row?.goldstein);
});

test('every row of the table is a code the taxonomy uses, with the weight cameo.ts gives it', () => {
  const used = new Set<string>(['043']);
  for (const type of EVENT_TYPES) if (TAXONOMY[type].cameo !== null) used.add(TAXONOMY[type].cameo as string);
  expect([...ROWS.keys()].sort()).toEqual([...used].sort());
  for (const [code, row] of ROWS) expect([code, GOLDSTEIN[code]]).toEqual([code, row.goldstein]);
});

test('types without a PLOVER category say why, and every category of PLOVER is reachable', () => {
  for (const type of EVENT_TYPES) {
    const entry: { plover: string | null; outsidePlover?: string } = TAXONOMY[type];
    expect([type, entry.plover === null ? Boolean(entry.outsidePlover) : true]).toEqual([type, true]);
  }
  const reached = new Set(EVENT_TYPES.map((t) => TAXONOMY[t].plover));
  for (const category of [
    'AGREE',
    'CONSULT',
    'SUPPORT',
    'CONCEDE',
    'COOPERATE',
    'AID',
    'RETREAT',
    'REQUEST',
    'ACCUSE',
    'REJECT',
    'THREATEN',
    'PROTEST',
    'SANCTION',
    'MOBILIZE',
    'COERCE',
    'ASSAULT',
  ])
    expect([category, reached.has(category as never)]).toEqual([category, true]);
});

/** The PLOVER manual's mode tables, per category (chapter "Event Categories"). */
const MANUAL_MODES: Record<string, readonly string[]> = {
  CONSULT: ['visit', 'third-party', 'multilateral', 'phone'],
  RETREAT: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'],
  REQUEST: ['assist', 'change', 'yield', 'meet'],
  ACCUSE: ['disapprove', 'investigate', 'allege'],
  REJECT: ['assist', 'change', 'yield', 'meet'],
  THREATEN: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'],
  PROTEST: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'],
  SANCTION: ['convict', 'expel', 'withdraw', 'discontinue'],
  MOBILIZE: ['troops', 'weapons', 'police', 'militia'],
  COERCE: ['seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport', 'withhold', 'misinformation', 'cyber'],
};

test.each(EVENT_TYPES)('%s: its mode is one of its category’s modes in the PLOVER manual', (type) => {
  const { plover, mode }: { plover: string | null; mode: string | null } = TAXONOMY[type];
  if (mode === null) return;
  expect(MANUAL_MODES[plover ?? '']).toContain(mode);
});

test('public/css/app.css colours each type as the taxonomy does', () => {
  const css = readFileSync(path.join(__dirname, '../../../public/css/app.css'), 'utf8');
  for (const type of EVENT_TYPES) {
    expect(css).toContain(`--t-${type}: ${TAXONOMY[type].colour};`);
    expect(css).toContain(`.type-${type} { --type: var(--t-${type}); }`);
  }
});
