/**
 * `npm run eval:extract [-- --verbose] [-- --undated published]`: runs the extractor over the seed article and
 * the evaluation sets and prints recall and precision per article and per set (seed, tuning, heldout, heldout2, heldout3),
 * per event type, the confusion of types, and the speed in ms per sentence, cold (the first article, with the
 * extractor's and the parser's start-up) and warm (the rest). The last line is one JSON object with all these
 * figures. The extractor runs as `kb extract` does: with the dependency parse, or the rules alone without a parser.
 */
import { performance } from 'node:perf_hooks';
import type { UndatedPolicy } from '../src/ingest/extract';
import { loadEvalCases, loadSeedCases } from './load';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const undated = (args[args.indexOf('--undated') + 1] ?? 'lead-event') as UndatedPolicy;

async function main(): Promise<void> {
  const cases = [...loadSeedCases(), ...loadEvalCases()];
  // the extractor is loaded only now, so that its start-up counts in the first article's (cold) time
  const startedAt = performance.now();
  const { evaluate } = await import('./evaluate');
  const { closeSharedParser } = await import('../src/nlp/shared');
  const summary = await evaluate(cases, { verbose, undated, startedAt });
  await closeSharedParser();
  console.log(JSON.stringify(summary));
}

void main();
