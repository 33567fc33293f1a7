import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/paths';
import { loadConfig } from '../config/settings';
import { createParser } from '../nlp/parser';
import { parserSettingsOf } from '../nlp/shared';

/**
 * `npm run bench:parser`: the dependency parser's costs on this machine, over the seed article and the evaluation
 * articles: the cold start (process and model), ms per sentence warm (each article parsed alone, three rounds,
 * the best kept), and the process's resident memory after the work.
 */
const say = (message: string) => process.stdout.write(`${message}\n`);

function articles(): string[] {
  const seed = path.join(PROJECT_ROOT, 'seed', 'articles');
  const evalDir = path.join(PROJECT_ROOT, 'eval', 'articles');
  const files = [seed, evalDir].flatMap((dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : []));
  return files.filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(f, 'utf8'));
}

async function main(): Promise<void> {
  const parser = createParser({ ...parserSettingsOf(loadConfig()), mode: 'auto' }, { note: say, progress: say });
  const texts = articles();
  try {
    await parser.install();
    await parser.close();
    const cold = process.hrtime.bigint();
    const first = await parser.parse([texts[0]!]);
    if (!first) throw new Error('the parser gave no answer');
    const coldMs = Number(process.hrtime.bigint() - cold) / 1e6;
    let sentences = 0;
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round += 1) {
      const start = process.hrtime.bigint();
      sentences = 0;
      for (const text of texts) sentences += (await parser.parse([text]))![0]!.sentences.length;
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    const rss = parser.process()?.rssBytes() ?? 0;
    say(`cold start and first article: ${coldMs.toFixed(0)} ms`);
    say(`warm: ${texts.length} articles, ${sentences} sentences in ${best.toFixed(0)} ms: ${(best / sentences).toFixed(2)} ms per sentence`);
    say(`resident memory of the parse process: ${(rss / 2 ** 20).toFixed(0)} MB`);
  } finally {
    await parser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
