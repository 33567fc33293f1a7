import { INSTALL_PARSER, ensureParser, PARSE_SCRIPT, type ParserPlace, parserUnavailable } from './provision';
import { ParseProcess } from './parse-process';
import type { ParsedText } from './parse.schemas';
import type { Log } from './venv';

/**
 * The parser as the extractor sees it: `parse(texts)` answers the parses, or null when there is none to be had
 * (turned off, Python or the model missing, the process failing), in which case extraction goes on with the
 * rules alone and the reason is said once, through `note`, with the command that fixes it.
 */

export interface ParserSettings extends ParserPlace {
  /** auto: provisioned on first use and started; off: never. */
  mode: 'auto' | 'off';
  timeoutMs: number;
}

export interface Parser {
  parse(texts: string[]): Promise<ParsedText[] | null>;
  /** Installs the parser now (the CLI's `kb nlp install`); throws, naming the fix, when it cannot. */
  install(): Promise<void>;
  /** The running process, for measurements (null before the first parse). */
  process(): ParseProcess | null;
  close(): Promise<void>;
}

export interface ParserHooks {
  /** Where the one fallback note goes (stderr for the CLI, the log for the server). */
  note: Log;
  /** Where install progress goes. */
  progress: Log;
}

const START_TIMEOUT_MS = 60_000;

export function createParser(settings: ParserSettings, hooks: ParserHooks): Parser {
  let child: ParseProcess | null = null;
  let brokenBy: string | null = settings.mode === 'off' ? 'it is turned off (KB_PARSER=off; unset it to use the parser)' : null;
  let noted = false;

  /** Null, having said why once; a `lasting` reason (nothing to run) stops every later try. */
  const fallBack = (reason: string, lasting: boolean): null => {
    if (lasting) brokenBy ??= reason;
    if (!noted) hooks.note(`note: extracting with the rules alone, without the dependency parser: ${reason}`);
    noted = true;
    return null;
  };
  const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

  // one install and one process, however many texts ask for them at once
  let starting: Promise<ParseProcess> | null = null;
  const started = (): Promise<ParseProcess> => {
    starting ??= ensureParser(settings, hooks.progress).then((python) => {
      child = new ParseProcess({ python, script: PARSE_SCRIPT, startTimeoutMs: START_TIMEOUT_MS, requestTimeoutMs: settings.timeoutMs });
      return child;
    });
    return starting;
  };

  return {
    async parse(texts) {
      if (brokenBy) return fallBack(brokenBy, true);
      const unavailable = parserUnavailable(settings);
      if (unavailable) return fallBack(unavailable, true);
      let running: ParseProcess;
      try {
        running = await started();
      } catch (error) {
        return fallBack(`${why(error)} (install it with: ${INSTALL_PARSER})`, true);
      }
      try {
        return await running.parse(texts);
      } catch (error) {
        // this text only: the next one starts the process afresh
        return fallBack(`${why(error)} (check it with: ${INSTALL_PARSER}, or set KB_PARSER=off)`, false);
      }
    },
    async install() {
      const unavailable = parserUnavailable(settings);
      if (unavailable) throw new Error(unavailable);
      await (await started()).ready();
    },
    process: () => child,
    async close() {
      await (await starting?.catch(() => null))?.close();
      child = null;
      starting = null;
    },
  };
}
