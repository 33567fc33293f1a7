/**
 * `npm run eval:extract [-- --verbose] [-- --undated published]`: runs the extractor over the seed article and
 * the evaluation set and prints recall and precision per article, per split and overall, then per event type
 * for the development articles (seed and tuning) and the held-out ones apart.
 */
import { extract, type UndatedPolicy } from '../src/ingest/extract';
import { EVENT_TYPES } from '../src/domain/taxonomy';
import type { EventType } from '../src/domain/model';
import { precision, recall, score, type Score } from '../src/ingest/extract/score';
import { loadEvalCases, loadSeedCases, type EvalCase } from './load';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const undated = (args[args.indexOf('--undated') + 1] ?? 'lead-event') as UndatedPolicy;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);

interface Run {
  split: EvalCase['split'];
  score: Score;
  /** Types of the gold events and of the extracted ones. */
  goldTypes: EventType[];
  extractedTypes: EventType[];
}

function run(c: EvalCase): Run {
  const extraction = extract({ text: c.text, publishedAt: c.publishedAt, title: c.title, articleId: c.name }, c.knownActors, { undated });
  const s = score(c.gold, extraction.events);
  console.log(
    `${c.split.padEnd(8)} ${c.name.padEnd(38)} gold ${String(s.gold).padStart(3)}  found ${String(s.extracted).padStart(3)}  matched ${String(s.matched).padStart(3)}  recall ${pct(recall(s))}  precision ${pct(precision(s))}`,
  );
  // held-out articles are never looked at in detail, so that no rule is tuned on them
  if (verbose && c.split !== 'heldout') {
    for (const g of s.missed)
      console.log(`    missed    ${g.type} ${g.date.start}${g.date.end ? `..${g.date.end}` : ''} (${g.date.precision}) agents ${g.agents.join(', ')}`);
    for (const e of s.spurious)
      console.log(
        `    spurious  ${e.type} ${e.date?.start}${e.date?.end ? `..${e.date.end}` : ''} (${e.date?.precision}) agents ${e.agents.join(', ')} targets ${e.targets.join(', ')} | ${e.quote.slice(0, 90)}`,
      );
  }
  return { split: c.split, score: s, goldTypes: c.gold.map((g) => g.type), extractedTypes: extraction.events.map((e) => e.type) };
}

function total(scores: Score[]): Pick<Score, 'gold' | 'extracted' | 'matched'> {
  return scores.reduce((t, s) => ({ gold: t.gold + s.gold, extracted: t.extracted + s.extracted, matched: t.matched + s.matched }), {
    gold: 0,
    extracted: 0,
    matched: 0,
  });
}

const cases = [...loadSeedCases(), ...loadEvalCases()];
const results = cases.map(run);
console.log('');
for (const split of ['seed', 'tuning', 'heldout', 'all'] as const) {
  const t = total(results.filter((r) => split === 'all' || r.split === split).map((r) => r.score));
  console.log(
    `${split.padEnd(8)} gold ${String(t.gold).padStart(3)}  found ${String(t.extracted).padStart(3)}  matched ${String(t.matched).padStart(3)}  recall ${pct(recall(t))}  precision ${pct(precision(t))}`,
  );
}

type Tally = Pick<Score, 'gold' | 'extracted' | 'matched'>;

/** One type's tally: its gold events, its extracted events, and its gold events an extracted event matched. */
function tallyOf(type: EventType, runs: Run[]): Tally {
  const count = (list: EventType[]) => list.filter((t) => t === type).length;
  return runs.reduce(
    (t, r) => ({
      gold: t.gold + count(r.goldTypes),
      extracted: t.extracted + count(r.extractedTypes),
      matched: t.matched + count(r.goldTypes) - count(r.score.missed.map((g) => g.type)),
    }),
    { gold: 0, extracted: 0, matched: 0 },
  );
}

const cell = (t: Tally) =>
  `${String(t.matched).padStart(3)}/${String(t.gold).padEnd(3)} ${t.gold === 0 ? '     –' : pct(recall(t))} ${t.extracted === 0 ? '     –' : pct(precision(t))} (${String(t.extracted).padStart(2)})`;
const dev = results.filter((r) => r.split !== 'heldout');
const heldout = results.filter((r) => r.split === 'heldout');
console.log('');
console.log(`${'type'.padEnd(22)} ${'dev (seed + tuning)'.padEnd(30)} held-out`);
console.log(`${''.padEnd(22)} ${'match/gold  recall  prec (found)'.padEnd(30)} match/gold  recall  prec (found)`);
for (const type of EVENT_TYPES) {
  const d = tallyOf(type, dev);
  const h = tallyOf(type, heldout);
  if (d.gold + d.extracted + h.gold + h.extracted === 0) continue;
  console.log(`${type.padEnd(22)} ${cell(d).padEnd(30)} ${cell(h)}`);
}
