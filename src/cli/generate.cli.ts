import path from 'node:path';
import { writeCorpus } from '../corpus/write';

/** `npm run gen -- --events N [--seed S] [--out DIR]`: writes the synthetic corpus (see corpus/write.ts). */
function option(name: string, fallback?: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
}

function positiveInt(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number (got ${value ?? 'nothing'})`);
  return n;
}

if (require.main === module) {
  try {
    const events = positiveInt('events', option('events'));
    const seed = positiveInt('seed', option('seed', '1'));
    const out = option('out');
    console.log(writeCorpus(events, seed, out && path.resolve(out)));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
