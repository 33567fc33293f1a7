import type { Config } from '../config/settings';
import { loadConfig } from '../config/settings';
import { createParser, type Parser, type ParserHooks } from './parser';
import { DEFAULT_PARSER_DIR } from './provision';

/**
 * The process's one parser, made on first use from the settings (KB_PARSER, KB_PARSER_DIR, KB_PARSER_PYTHON,
 * KB_PARSER_TIMEOUT_S). The server sends its note to the log (`useParserHooks`); by default it goes to stderr.
 */

const toStderr = (message: string) => process.stderr.write(`${message}\n`);
let hooks: ParserHooks = { note: toStderr, progress: (message) => toStderr(`[parser] ${message}`) };
let shared: Parser | undefined;

export function useParserHooks(next: Partial<ParserHooks>): void {
  hooks = { ...hooks, ...next };
}

export function parserSettingsOf(config: Config) {
  return {
    mode: config.KB_PARSER,
    dir: config.KB_PARSER_DIR ?? DEFAULT_PARSER_DIR,
    python: config.KB_PARSER_PYTHON,
    timeoutMs: config.KB_PARSER_TIMEOUT_S * 1000,
  };
}

export function sharedParser(): Parser {
  shared ??= createParser(parserSettingsOf(loadConfig()), {
    note: (message) => hooks.note(message),
    progress: (message) => hooks.progress(message),
  });
  return shared;
}

/** Stops the parse process, if one runs; the next parse makes a new parser from the settings of that moment. */
export async function closeSharedParser(): Promise<void> {
  const closing = shared;
  shared = undefined;
  await closing?.close();
}
