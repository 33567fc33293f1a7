#!/usr/bin/env node
import { Command } from 'commander';
import { describeCliError } from './errors';
import { registerExportCommand } from './export.command';
import { registerImportCommand } from './import.command';
import { registerIngestCommands } from './ingest.command';
import { registerUserCommands } from './user.command';

/** `kb`: the project's command line. Each command is registered from its own module here in cli/. */
export function buildProgram(): Command {
  const program = new Command('kb')
    .description('Diplomatic events knowledge base: articles in, a sourced event graph out')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  registerExportCommand(program);
  registerImportCommand(program);
  registerIngestCommands(program);
  registerUserCommands(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      const { message, exitCode } = describeCliError(error);
      process.stderr.write(`${message}\n`);
      process.exitCode = exitCode;
    });
}
