import { performance } from 'node:perf_hooks';
import type { EventType } from '../src/domain/model';
import { evidenceOf, CALIBRATION } from '../src/drafts/calibration';
import { judge } from '../src/drafts/confidence';
import { calibrated, fitCalibration, type Outcome } from './calibration-fit';
import { extractParsed, type UndatedPolicy } from '../src/ingest/extract';
import { score, type Score } from '../src/ingest/extract/score';
import { splitSentences } from '../src/ingest/extract/sentences';
import { confusion, merge, type ConfusionCell } from './confusion';
import { HELD_OUT, SPLITS, type EvalCase, type Split } from './load';
import { addMisses, missReasons, missTable, type MissCounts } from './near-misses';
import { confusionTable, speedLine, tallyLine, typeTable } from './report';
import { brier, reliability, reliabilityTable, type JudgedEvent, type ReliabilityBin } from './reliability';
import { speedOf, type Timing } from './speed';
import { figures, sum, type Figures, type Tally } from './tally';

export interface EvalOptions {
  verbose: boolean;
  undated: UndatedPolicy;
  /** When the extractor's modules began to load: the first article's time counts from here. */
  startedAt: number;
}

interface Run {
  name: string;
  split: Split;
  score: Score;
  /** Types of the gold events and of the extracted ones. */
  goldTypes: EventType[];
  extractedTypes: EventType[];
  confusion: ConfusionCell[];
  /** Its misses by what the nearest spurious event got wrong. */
  misses: MissCounts;
  timing: Timing;
  /** Each extracted event's confidence, as the review workbench shows it, and whether it matched. */
  judged: JudgedEvent[];
  /** Each extracted event's evidence and whether it matched: what the calibration map is fitted on. */
  outcomes: Outcome[];
}

/** Everything the last line of `npm run eval:extract` holds, as one JSON object. */
export interface Summary {
  sets: Record<Split | 'all', Figures>;
  articles: Array<{ name: string; split: Split; sentences: number; ms: number } & Figures>;
  confusion: Record<Split, ConfusionCell[]>;
  /** Per set, its misses by what the nearest spurious event got wrong (date, agent, type) or not drafted at all. */
  misses: Record<Split, MissCounts>;
  speed: ReturnType<typeof speedOf>;
  /**
   * Events in bins of confidence with the share right: the stored map's confidence on the development articles, each
   * held-out set and all; then each held-out set scored by a map fitted on the other one alone (leave one set out).
   */
  reliability: Record<'dev' | 'heldout' | 'heldout2' | 'heldout3' | 'all', ReliabilityBin[]> & {
    leaveOneOut: Record<'heldout' | 'heldout2', ReliabilityBin[]>;
    brier: Record<'dev' | 'heldout' | 'heldout2' | 'heldout3' | 'all' | 'heldoutFromHeldout2' | 'heldout2FromHeldout', number | null>;
  };
}

/** One article through the extractor as `kb extract` runs it: with the dependency parse when the parser is there. */
async function run(c: EvalCase, options: EvalOptions, since: number): Promise<Run> {
  const extraction = await extractParsed({ text: c.text, publishedAt: c.publishedAt, title: c.title, articleId: c.name }, c.knownActors, {
    undated: options.undated,
  });
  const ms = performance.now() - since;
  const s = score(c.gold, extraction.events);
  const known = new Set([...c.knownActors.map((a) => a.id), ...extraction.actors.filter((a) => a.known).map((a) => a.id)]);
  console.log(tallyLine(`${c.split.padEnd(8)} ${c.name.padEnd(38)}`, s));
  // held-out articles are never looked at in detail, so that no rule is tuned on them
  if (options.verbose && !HELD_OUT.includes(c.split)) {
    for (const g of s.missed)
      console.log(`    missed    ${g.type} ${g.date.start}${g.date.end ? `..${g.date.end}` : ''} (${g.date.precision}) agents ${g.agents.join(', ')}`);
    for (const e of s.spurious)
      console.log(
        `    spurious  ${e.type} ${e.date?.start}${e.date?.end ? `..${e.date.end}` : ''} (${e.date?.precision}) agents ${e.agents.join(', ')} targets ${e.targets.join(', ')} | ${e.quote.slice(0, 90)}`,
      );
  }
  return {
    name: c.name,
    split: c.split,
    score: s,
    goldTypes: c.gold.map((g) => g.type),
    extractedTypes: extraction.events.map((e) => e.type),
    confusion: confusion(s.missed, s.spurious),
    misses: missReasons(s.missed, s.spurious),
    judged: extraction.events.map((e) => ({
      confidence: judge(e, extraction.resolutions, (id) => known.has(id), null).confidence,
      right: !s.spurious.includes(e),
    })),
    outcomes: extraction.events.map((e) => ({ evidence: evidenceOf(e, (id) => known.has(id)), right: !s.spurious.includes(e) })),
    timing: { sentences: splitSentences(c.text).filter((x) => !x.heading).length, ms },
  };
}

/** One type's tally: its gold events, its extracted events, and its gold events an extracted event matched. */
function tallyOfType(type: EventType, runs: Run[]): Tally {
  const count = (list: EventType[]) => list.filter((t) => t === type).length;
  return sum(
    runs.map((r) => ({
      gold: count(r.goldTypes),
      extracted: count(r.extractedTypes),
      matched: count(r.goldTypes) - count(r.score.missed.map((g) => g.type)),
    })),
  );
}

/** Runs the extractor over every case (the first one cold), printing each article's figures. */
export async function runCases(cases: EvalCase[], options: EvalOptions): Promise<Run[]> {
  const runs: Run[] = [];
  for (const [i, c] of cases.entries()) runs.push(await run(c, options, i === 0 ? options.startedAt : performance.now()));
  return runs;
}

/** Runs the extractor over every case (the first one cold), prints the report and returns its figures. */
export async function evaluate(cases: EvalCase[], options: EvalOptions): Promise<Summary> {
  const runs = await runCases(cases, options);
  const inSplit = (split: Split | 'all') => runs.filter((r) => split === 'all' || r.split === split);

  console.log('');
  for (const split of [...SPLITS, 'all'] as const) console.log(tallyLine(split.padEnd(8), sum(inSplit(split).map((r) => r.score))));

  const dev = runs.filter((r) => !HELD_OUT.includes(r.split));
  console.log('');
  const groups = [
    { label: 'dev (seed + tuning)', runs: dev },
    { label: 'held-out', runs: inSplit('heldout') },
    { label: 'held-out 2', runs: inSplit('heldout2') },
    { label: 'held-out 3', runs: inSplit('heldout3') },
  ];
  for (const line of typeTable(groups.map((g) => ({ label: g.label, tallyOf: (type: EventType) => tallyOfType(type, g.runs) })))) console.log(line);

  const confusionBySplit = Object.fromEntries(SPLITS.map((split) => [split, merge(inSplit(split).flatMap((r) => r.confusion))])) as Record<
    Split,
    ConfusionCell[]
  >;
  console.log('');
  console.log('Confusion of types: a gold event and an extracted one of the same date and agent but another type, then misses and spurious events');
  for (const line of confusionTable(SPLITS.map((split) => ({ label: split, cells: confusionBySplit[split] })))) console.log(line);

  const missesBySplit = Object.fromEntries(SPLITS.map((split) => [split, addMisses(inSplit(split).map((r) => r.misses))])) as Record<Split, MissCounts>;
  console.log('');
  console.log('Misses by what the nearest spurious event got wrong (the other two of type, date and agent right), or not drafted at all');
  for (const line of missTable(SPLITS.map((split) => ({ label: split, counts: missesBySplit[split] })))) console.log(line);

  const reliabilityBySet = reliabilityReport(runs, dev, inSplit);

  const speed = speedOf(runs.map((r) => r.timing));
  console.log('');
  console.log(speedLine('cold (first article, with start-up)', speed.cold));
  console.log(speedLine('warm (the other articles)          ', speed.warm));

  return {
    sets: Object.fromEntries([...SPLITS, 'all'].map((split) => [split, figures(sum(inSplit(split as Split | 'all').map((r) => r.score)))])) as Summary['sets'],
    articles: runs.map((r) => ({ name: r.name, split: r.split, ...figures(r.score), sentences: r.timing.sentences, ms: Math.round(r.timing.ms * 10) / 10 })),
    confusion: confusionBySplit,
    misses: missesBySplit,
    speed,
    reliability: reliabilityBySet,
  };
}

/** The stored map's reliability per set, and each held-out set scored by a map fitted on the other alone. */
function reliabilityReport(runs: Run[], dev: Run[], inSplit: (split: Split | 'all') => Run[]): Summary['reliability'] {
  const judged = (list: Run[]) => list.flatMap((r) => r.judged);
  const outcomes = (split: Split) => inSplit(split).flatMap((r) => r.outcomes);
  const fromHeldout = calibrated(fitCalibration(outcomes('heldout')), outcomes('heldout2'));
  const fromHeldout2 = calibrated(fitCalibration(outcomes('heldout2')), outcomes('heldout'));
  console.log('');
  console.log(`Reliability of the confidence (the stored map: ${CALIBRATION.method}, fitted on ${CALIBRATION.fittedOn.join(' and ')}):`);
  console.log('extracted events by confidence, and the share of them that match a gold event');
  const stored = [
    { label: 'dev (seed + tuning)', events: judged(dev) },
    { label: 'held-out', events: judged(inSplit('heldout')) },
    { label: 'held-out 2', events: judged(inSplit('heldout2')) },
    { label: 'held-out 3', events: judged(inSplit('heldout3')) },
    { label: 'all', events: judged(runs) },
  ];
  for (const line of reliabilityTable(stored.map((g) => ({ label: g.label, bins: reliability(g.events) })))) console.log(line);
  console.log(`Brier score: ${stored.map((g) => `${g.label} ${formatBrier(brier(g.events))}`).join(', ')}`);
  console.log('');
  console.log('Leave one set out: each held-out set scored by a map fitted on the other held-out set alone');
  const crossed = [
    { label: 'held-out 2 (fit on held-out)', events: fromHeldout },
    { label: 'held-out (fit on held-out 2)', events: fromHeldout2 },
  ];
  for (const line of reliabilityTable(crossed.map((g) => ({ label: g.label, bins: reliability(g.events) })))) console.log(line);
  console.log(`Brier score: ${crossed.map((g) => `${g.label} ${formatBrier(brier(g.events))}`).join(', ')}`);
  return {
    dev: reliability(judged(dev)),
    heldout: reliability(judged(inSplit('heldout'))),
    heldout2: reliability(judged(inSplit('heldout2'))),
    heldout3: reliability(judged(inSplit('heldout3'))),
    all: reliability(judged(runs)),
    leaveOneOut: { heldout2: reliability(fromHeldout), heldout: reliability(fromHeldout2) },
    brier: {
      dev: brier(judged(dev)),
      heldout: brier(judged(inSplit('heldout'))),
      heldout2: brier(judged(inSplit('heldout2'))),
      heldout3: brier(judged(inSplit('heldout3'))),
      all: brier(judged(runs)),
      heldout2FromHeldout: brier(fromHeldout),
      heldoutFromHeldout2: brier(fromHeldout2),
    },
  };
}

const formatBrier = (x: number | null) => (x === null ? '–' : x.toFixed(3));
