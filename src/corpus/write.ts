import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/paths';
import { CORPUS_SHAPE, generateCorpus } from './generate';

/**
 * The synthetic corpus as JSON Lines facts files (one facts document per line, 10,000 events per file) in a
 * folder, by default .corpus/events-N-seed-S: what the benchmarks and `npm run gen` write.
 */
const EVENTS_PER_FILE = 10_000;

export function defaultCorpusDir(events: number, seed: number): string {
  return path.join(PROJECT_ROOT, '.corpus', `events-${events}-seed-${seed}`);
}

/** Writes the corpus; returns the folder. A folder already complete for these options and this shape is reused. */
export function writeCorpus(events: number, seed: number, out = defaultCorpusDir(events, seed), log = (m: string) => process.stderr.write(m)) {
  const done = path.join(out, '.complete');
  if (fs.existsSync(done) && fs.readFileSync(done, 'utf8').startsWith(`shape ${CORPUS_SHAPE} `)) return out;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  let written = 0;
  let part = 0;
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    part += 1;
    fs.writeFileSync(path.join(out, `part-${String(part).padStart(4, '0')}.jsonl`), `${lines.join('\n')}\n`);
    lines = [];
    log(`\r  ${written.toLocaleString('en')} / ${events.toLocaleString('en')} events written`);
  };
  for (const facts of generateCorpus({ events, seed })) {
    lines.push(JSON.stringify(facts));
    written += facts.events.length;
    if (written % EVENTS_PER_FILE === 0) flush();
  }
  flush();
  fs.writeFileSync(done, `shape ${CORPUS_SHAPE} ${new Date().toISOString()}`);
  log('\n');
  return out;
}
