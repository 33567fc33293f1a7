import type { EventType } from '../src/domain/model';
import { EVENT_TYPES } from '../src/domain/taxonomy';
import { precision, recall } from '../src/ingest/extract/score';
import { type ConfusionCell, kindOrder } from './confusion';
import type { SpeedFigures } from './speed';
import type { Tally } from './tally';

/** The text lines `npm run eval:extract` prints; the JSON summary is built apart, from the same figures. */

export const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
const n = (x: number, width = 3) => String(x).padStart(width);

export const tallyLine = (label: string, t: Tally) =>
  `${label} gold ${n(t.gold)}  found ${n(t.extracted)}  matched ${n(t.matched)}  recall ${pct(recall(t))}  precision ${pct(precision(t))}`;

const cell = (t: Tally) =>
  `${n(t.matched)}/${String(t.gold).padEnd(3)} ${t.gold === 0 ? '     –' : pct(recall(t))} ${t.extracted === 0 ? '     –' : pct(precision(t))} (${n(t.extracted, 2)})`;

/** One row per event type that occurs in any group: match/gold, recall, precision and number found. */
export function typeTable(groups: Array<{ label: string; tallyOf: (type: EventType) => Tally }>): string[] {
  const lines = [
    `${'type'.padEnd(22)} ${groups.map((g) => g.label.padEnd(30)).join(' ')}`,
    `${''.padEnd(22)} ${groups.map(() => 'match/gold  recall  prec (found)'.padEnd(30)).join(' ')}`,
  ];
  for (const type of EVENT_TYPES) {
    const tallies = groups.map((g) => g.tallyOf(type));
    if (tallies.every((t) => t.gold + t.extracted === 0)) continue;
    lines.push(`${type.padEnd(22)} ${tallies.map((t) => cell(t).padEnd(30)).join(' ')}`);
  }
  return lines;
}

const typeName = (type: EventType | null, none: string) => (type ?? none).padEnd(20);

/** Rows of gold type → extracted type with a count per set; a blank cell is none. */
export function confusionTable(sets: Array<{ label: string; cells: ConfusionCell[] }>): string[] {
  const pairs = new Map<string, { gold: EventType | null; extracted: EventType | null }>();
  for (const s of sets) for (const c of s.cells) pairs.set(`${c.gold}>${c.extracted}`, c);
  const count = (cells: ConfusionCell[], gold: EventType | null, extracted: EventType | null) =>
    cells.find((c) => c.gold === gold && c.extracted === extracted)?.count ?? 0;
  const rows = [...pairs.values()].sort((a, b) => kindOrder(a) - kindOrder(b) || `${a.gold}>${a.extracted}`.localeCompare(`${b.gold}>${b.extracted}`));
  return [
    `${'gold type'.padEnd(20)} ${'extracted type'.padEnd(20)} ${sets.map((s) => s.label.padStart(8)).join(' ')}`,
    ...rows.map(
      (r) =>
        `${typeName(r.gold, '(none: spurious)')} ${typeName(r.extracted, '(none: missed)')} ${sets.map((s) => String(count(s.cells, r.gold, r.extracted) || '').padStart(8)).join(' ')}`,
    ),
  ];
}

export const speedLine = (label: string, s: SpeedFigures) =>
  `${label} ${n(s.articles)} article(s), ${n(s.sentences, 4)} sentences, ${s.ms.toFixed(1).padStart(8)} ms, ${s.msPerSentence.toFixed(3).padStart(7)} ms per sentence`;
