import type { Command } from 'commander';
import type { ExtractOptions, IngestOptions } from './ingest.action';
import { EXIT } from './program';
import { isStdio } from './stdio';

/**
 * `kb extract`, `kb load` and `kb ingest` as they are typed; what they do is in ingest.action.ts, loaded when
 * one of them runs.
 */
const action = () => import('./ingest.action');

const articleOptions = (command: Command) =>
  command
    .requiredOption('-p, --published <date>', 'the day the article was published (YYYY-MM-DD); relative dates are read from it')
    .option('-t, --title <title>', "the article's title (default: its first line)")
    .option('--id <slug>', "the article's id (default: a slug of the title)")
    .option('--publisher <name>', 'who published it')
    .option('--url <url>', 'where it was published');

export function registerIngestCommands(program: Command): void {
  articleOptions(
    program
      .command('extract')
      .description("Draft facts from an article's text, for review: printed, as JSON (--json), or as a facts file (--out)")
      .argument('<file>', "the article's text (UTF-8); - for standard input"),
  )
    .option('--json', 'print exactly one JSON object: { events: [{ type, date, agents, targets, figures, place, quote, background, resolved }], actors }')
    .option('-o, --out <file>', 'write a facts file (.yaml or .json) in the format of seed/facts, for `kb load`; - for standard output (YAML)')
    .option('--offline', "resolve names against the seed's actors; do not look for a database")
    .action(async (file: string, options: ExtractOptions) => {
      const { runExtract } = await action();
      if (options.offline) return runExtract(file, options, null);
      const { withReachableDb } = await import('../db/context');
      const fallback = "names are resolved against the seed's actors (pass --offline to do so without looking for one)";
      await withReachableDb(
        (db) => runExtract(file, options, db),
        (why) => process.stderr.write(`note: ${why}; ${fallback}\n`),
      );
    });

  const load = program
    .command('load')
    .description('Validate facts files and load them: nothing is written if any file is refused; idempotent')
    .argument('<paths...>', 'facts files (.yaml, .yml, .json, .jsonl) or folders of them; - (alone) for one document on standard input');
  load.option(
    '--bulk',
    "a first load into an empty database, through Neo4j's offline importer (neo4j-admin database import): the project's own Neo4j only, stopped and started again meanwhile; stop the app first",
  );
  load.action(async (paths: string[], options: { bulk?: boolean }) => {
    if (paths.length > 1 && paths.some(isStdio)) load.error('kb load: - (standard input) cannot be given with other paths', { exitCode: EXIT.usage });
    if (options.bulk && paths.some(isStdio)) load.error('kb load --bulk: reads facts files, not standard input', { exitCode: EXIT.usage });
    if (options.bulk) return (await action()).runBulkLoad(paths);
    const [{ runLoad }, { withDb }] = await Promise.all([action(), import('../db/context')]);
    await withDb((db) => runLoad(db, paths));
  });

  program
    .command('ingest')
    .description('Draft the events of an article (a text file, or a web address) for review; with --no-review, load them at once')
    .argument('<source>', "the article's text (a UTF-8 file, or - for standard input) or its address (http/https)")
    .option('-p, --published <date>', "the day it was published (YYYY-MM-DD); for an address, default: the page's own date")
    .option('-t, --title <title>', "the article's title (default: the page's title or the text's first line)")
    .option('--id <slug>', "the article's id (default: a slug of the title)")
    .option('--publisher <name>', 'who published it')
    .option('--url <url>', 'where it was published (for a file)')
    .option('--no-review', 'load the drafted facts at once, without review (marked auto)')
    .option('--json', 'print the draft (or, with --no-review, what was loaded) as one JSON object')
    .action(async (source: string, options: IngestOptions) => {
      const [{ runIngest }, { withDb }] = await Promise.all([action(), import('../db/context')]);
      await withDb((db) => runIngest(db, source, options));
    });
}
