import path from 'node:path';
import { writeCorpus } from '../corpus/write';
import { EXIT, newProgram, parseOptions, positiveInt } from './program';

/** `npm run gen -- --events N [--seed S] [--out DIR]`: writes the synthetic corpus (see corpus/write.ts). */
export function generateProgram() {
  return newProgram('npm run gen --', 'Write a synthetic corpus of facts files (JSON Lines) for the benchmarks; a complete one is reused')
    .requiredOption('--events <n>', 'how many events', positiveInt)
    .option('--seed <n>', 'seed of the generator: the same seed gives the same corpus', positiveInt, 1)
    .option('--out <dir>', 'the folder to write (default: .corpus/events-<n>-seed-<s>)');
}

interface GenerateOptions {
  events: number;
  seed: number;
  out?: string;
}

if (require.main === module) {
  const parsed = parseOptions<GenerateOptions>(generateProgram());
  if ('exitCode' in parsed) process.exitCode = parsed.exitCode;
  else {
    const { events, seed, out } = parsed.options;
    try {
      console.log(writeCorpus(events, seed, out && path.resolve(out)));
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = EXIT.failure;
    }
  }
}
