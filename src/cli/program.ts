import { Command, CommanderError, InvalidArgumentError, type OptionValues } from 'commander';

/**
 * What every command line of the project shares (`kb`, the corpus generator, the benchmarks): commander as
 * the parser, and one meaning for exit statuses.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * A program whose usage errors throw instead of ending the process, so that their status can be made 2
 * (commander's own is 1, which would say "failed" of a command that never ran). Subcommands added later
 * inherit this.
 */
export function newProgram(name: string, description: string): Command {
  return new Command(name).description(description).showHelpAfterError().exitOverride().configureHelp({ sortSubcommands: true });
}

/** The exit status of what commander stopped for: help and the version are successes, the rest usage errors. */
export function commanderExitCode(error: CommanderError): number {
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
      return EXIT.ok;
    case 'commander.help':
      // `kb help` asked for it (0); a missing command got it instead (commander says 1).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    case 'commander.error':
      // A command's own program.error(…, { exitCode }) chose its status.
      return error.exitCode;
    default:
      return EXIT.usage;
  }
}

/** For options that count something: a whole number of at least 1, else a usage error naming the option. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number.');
  return n;
}

/**
 * The options of a program without subcommands (a script), or the status to leave with when there is nothing
 * to run: 0 after --help, 2 after a usage error (commander has printed why).
 */
export function parseOptions<T extends OptionValues>(program: Command, argv: readonly string[] = process.argv): { options: T } | { exitCode: number } {
  try {
    program.parse([...argv]);
    return { options: program.opts<T>() };
  } catch (error) {
    if (error instanceof CommanderError) return { exitCode: commanderExitCode(error) };
    throw error;
  }
}
