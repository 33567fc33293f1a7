#!/usr/bin/env node
import { Command } from 'commander';
import { registerExportCommands } from '../exports/exports.cli';
import { registerIngestCommands } from '../ingest/ingest.cli';
import { describeCliError } from './errors';

/**
 * `kb`: the project's command line. Each feature registers its own subcommands from its folder
 * (`registerXCommands(program)`), so this file only lists them.
 */
export function buildProgram(): Command {
  const program = new Command('kb')
    .description('Diplomatic events knowledge base: articles in, a sourced event graph out')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  registerExportCommands(program);
  registerIngestCommands(program);
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
