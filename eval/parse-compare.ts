/**
 * `npm run eval:parse-compare`: recall and precision per set of the rules alone and of the rules with the
 * dependency parse (src/nlp/), side by side, so that a rule reading the parse is kept only when no set does worse.
 */
import { extract } from '../src/ingest/extract';
import { precision, recall, score, type Score } from '../src/ingest/extract/score';
import { closeSharedParser, sharedParser } from '../src/nlp/shared';
import { type EvalCase, loadEvalCases, loadSeedCases } from './load';

type Tally = Pick<Score, 'gold' | 'extracted' | 'matched'>;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
const line = (t: Tally) =>
  `found ${String(t.extracted).padStart(3)}  matched ${String(t.matched).padStart(3)}  recall ${pct(recall(t))}  precision ${pct(precision(t))}`;

async function tallies(c: EvalCase): Promise<{ rules: Tally; parsed: Tally }> {
  const input = { text: c.text, publishedAt: c.publishedAt, title: c.title, articleId: c.name };
  const parse = (await sharedParser().parse([c.text]))?.[0];
  if (!parse) throw new Error('no parse: see the note above');
  return { rules: score(c.gold, extract(input, c.knownActors).events), parsed: score(c.gold, extract(input, c.knownActors, { parse }).events) };
}

async function main(): Promise<void> {
  const cases = [...loadSeedCases(), ...loadEvalCases()];
  const runs = await Promise.all(cases.map(async (c) => ({ split: c.split, ...(await tallies(c)) })));
  const sum = (list: Tally[]): Tally =>
    list.reduce((a, t) => ({ gold: a.gold + t.gold, extracted: a.extracted + t.extracted, matched: a.matched + t.matched }), {
      gold: 0,
      extracted: 0,
      matched: 0,
    });
  for (const split of ['seed', 'tuning', 'heldout', 'heldout2', 'heldout3', 'all'] as const) {
    const chosen = runs.filter((r) => split === 'all' || r.split === split);
    const rules = sum(chosen.map((r) => r.rules));
    console.log(
      `${split.padEnd(8)} gold ${String(rules.gold).padStart(3)}  rules alone: ${line(rules)}  |  with the parse: ${line(sum(chosen.map((r) => r.parsed)))}`,
    );
  }
  await closeSharedParser();
}

void main();
