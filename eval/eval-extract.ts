/**
 * `npm run eval:extract [-- --verbose] [-- --undated published]`: runs the extractor over the seed article and
 * the evaluation set and prints recall and precision per article, per split and overall.
 */
import { extract, type UndatedPolicy } from '../src/ingest/extract';
import { precision, recall, score, type Score } from '../src/ingest/extract/score';
import { loadEvalCases, loadSeedCases, type EvalCase } from './load';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const undated = (args[args.indexOf('--undated') + 1] ?? 'lead-event') as UndatedPolicy;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);

function run(c: EvalCase): Score {
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
  return s;
}

function total(scores: Score[]): Pick<Score, 'gold' | 'extracted' | 'matched'> {
  return scores.reduce((t, s) => ({ gold: t.gold + s.gold, extracted: t.extracted + s.extracted, matched: t.matched + s.matched }), {
    gold: 0,
    extracted: 0,
    matched: 0,
  });
}

const cases = [...loadSeedCases(), ...loadEvalCases()];
const results = cases.map((c) => ({ split: c.split, score: run(c) }));
console.log('');
for (const split of ['seed', 'tuning', 'heldout', 'all'] as const) {
  const t = total(results.filter((r) => split === 'all' || r.split === split).map((r) => r.score));
  console.log(
    `${split.padEnd(8)} gold ${String(t.gold).padStart(3)}  found ${String(t.extracted).padStart(3)}  matched ${String(t.matched).padStart(3)}  recall ${pct(recall(t))}  precision ${pct(precision(t))}`,
  );
}
