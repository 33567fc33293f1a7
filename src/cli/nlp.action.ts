import fs from 'node:fs';
import { loadConfig } from '../config/settings';
import { createParser } from '../nlp/parser';
import { parserSettingsOf } from '../nlp/shared';
import { isStdio, readStdin } from './stdio';

/** What `kb nlp install` and `kb nlp parse` do (declared in nlp.command.ts). */

const say = (message: string) => process.stderr.write(`${message}\n`);

function parserForCommand() {
  let note: string | null = null;
  const settings = { ...parserSettingsOf(loadConfig()), mode: 'auto' as const };
  return { parser: createParser(settings, { note: (message) => (note = message), progress: say }), note: () => note };
}

/** Installs the parser (when missing), starts it once, and says how long that took and how much memory it holds. */
export async function runNlpInstall(): Promise<void> {
  const { parser } = parserForCommand();
  try {
    const begun = Date.now();
    await parser.install();
    const ready = await parser.process()!.ready();
    const rss = parser.process()!.rssBytes();
    say(
      `The dependency parser is ready: ${ready.model}, spaCy ${ready.spacy}; started in ${Date.now() - begun} ms, ${rss ? Math.round(rss / 2 ** 20) : '?'} MB resident.`,
    );
  } catch (error) {
    say(`The dependency parser could not be installed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await parser.close();
  }
}

/** The parse of a text as one JSON document on standard output. */
export async function runNlpParse(file: string): Promise<void> {
  const text = isStdio(file) ? await readStdin() : fs.readFileSync(file, 'utf8');
  const { parser, note } = parserForCommand();
  try {
    const docs = await parser.parse([text]);
    if (!docs) throw new Error(note() ?? 'the parser gave no answer');
    process.stdout.write(`${JSON.stringify(docs[0])}\n`);
  } finally {
    await parser.close();
  }
}
