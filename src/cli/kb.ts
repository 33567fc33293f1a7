#!/usr/bin/env node
import { CommanderError, type Command } from 'commander';
import { loadEnvFile } from '../config/env-file';
import { registerBackupCommands } from './backup.command';
import { registerExportCommand } from './export.command';
import { registerImportCommand } from './import.command';
import { registerIngestCommands } from './ingest.command';
import { registerNlpCommands } from './nlp.command';
import { newProgram, commanderExitCode } from './program';
import { registerUserCommands } from './user.command';
import { packageVersion } from './version';

/**
 * `kb`: the project's command line. Each command is declared in its own module here in cli/ (x.command.ts);
 * what it does (x.action.ts), with the database driver and the schemas, is loaded only when it runs, so that
 * `kb --help`, `kb --version` and usage errors answer at once.
 *
 * Exit status: 0 done, 1 failed, 2 not understood (an unknown command or option, a missing or bad value).
 * Results go to standard output, progress and notes to standard error.
 */
export function buildProgram(): Command {
  const program = newProgram('kb', 'Diplomatic events knowledge base: articles in, a sourced event graph out').version(
    packageVersion(),
    '-V, --version',
    'print the version and exit',
  );
  registerExportCommand(program);
  registerImportCommand(program);
  registerIngestCommands(program);
  registerUserCommands(program);
  registerBackupCommands(program);
  registerNlpCommands(program);
  return program;
}

/** Runs kb on `argv` (as process.argv: node, script, arguments…) and gives its exit status. */
export async function runKb(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    // commander has already said what was wrong with the command line.
    if (error instanceof CommanderError) return commanderExitCode(error);
    const { describeCliError } = await import('./errors');
    const { message, exitCode } = describeCliError(error);
    process.stderr.write(`${message}\n`);
    return exitCode;
  }
}

if (require.main === module) {
  loadEnvFile();
  void runKb(process.argv).then((status) => {
    process.exitCode = status;
  });
}
