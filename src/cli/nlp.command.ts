import type { Command } from 'commander';

const action = () => import('./nlp.action');

/**
 * `kb nlp install` and `kb nlp parse <file|->`: the extractor's dependency parser, installed now rather than on
 * first use, and its parse of a text as JSON. The work is loaded when a command runs (see kb.ts).
 */
export function registerNlpCommands(program: Command): void {
  const nlp = program.command('nlp').description("The extractor's dependency parser (spaCy, installed into .nlp/ on first use)");
  nlp
    .command('install')
    .description('Install the parser now (pinned wheels checked by their sha256), start it once and say how it went')
    .action(async () => (await action()).runNlpInstall());
  nlp
    .command('parse')
    .description('Print the parse of a text as JSON: sentences, tokens with their dependencies, noun chunks, entities')
    .argument('<file>', 'a text file; - for standard input')
    .action(async (file: string) => (await action()).runNlpParse(file));
}
