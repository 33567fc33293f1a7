/**
 * `npm run eval:calibrate`: runs the extractor over the evaluation sets as `eval:extract` does and fits the
 * confidence's calibration map (src/drafts/calibration.ts) on the gold-matched outcomes of the events of the first two
 * held-out sets (never `heldout3`, whose reliability so stays out of sample), then writes it to
 * src/drafts/confidence-calibration.json. Only the outcomes (right or wrong) of events with each
 * kind of evidence are used, never an event's text: no rule reads them. Run it again after the rules change.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FEATURES } from '../src/drafts/calibration';
import { fitCalibration } from './calibration-fit';
import { CALIBRATION_SETS, loadEvalCases, loadSeedCases } from './load';

async function main(): Promise<void> {
  const cases = [...loadSeedCases(), ...loadEvalCases()];
  const { runCases } = await import('./evaluate');
  const { closeSharedParser } = await import('../src/nlp/shared');
  const runs = await runCases(cases, { verbose: false, undated: 'lead-event', startedAt: performance.now() });
  await closeSharedParser();
  const outcomes = runs.filter((r) => CALIBRATION_SETS.includes(r.split)).flatMap((r) => r.outcomes);
  const fitted = fitCalibration(outcomes);
  const map = {
    method: `logistic regression on ${FEATURES.length} yes/no features of the evidence, L2 penalty ${fitted.penalty} on the weights (npm run eval:calibrate)`,
    fittedOn: [...CALIBRATION_SETS],
    events: outcomes.length,
    right: outcomes.filter((o) => o.right).length,
    ...fitted,
  };
  const file = join(__dirname, '..', 'src', 'drafts', 'confidence-calibration.json');
  writeFileSync(file, `${JSON.stringify(map, null, 2)}\n`);
  console.log(`\nWrote ${file}: fitted on ${map.events} events of ${map.fittedOn.join(' and ')}, ${map.right} of them right`);
  console.log(JSON.stringify(map));
}

void main();
