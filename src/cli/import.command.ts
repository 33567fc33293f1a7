import type { Command } from 'commander';
import { formatFromFileName, IMPORT_FORMATS, type ImportFormat } from '../interchange/formats';
import { EXIT } from './program';
import { isStdio } from './stdio';

/** `kb import <file|-> [--format plover|csv]`: loads what `kb export` wrote. The work is loaded when the command runs. */
export function registerImportCommand(program: Command): void {
  const command: Command = program
    .command('import')
    .description('Load a file written by `kb export --format plover|csv`: checked whole before anything is written; idempotent')
    .argument('<file>', 'the exported file; - for standard input (then give --format)')
    .option('-f, --format <format>', `${IMPORT_FORMATS.join(' | ')} (default: from the file name: .jsonl → plover, .csv → csv)`);
  command.action(async (file: string, options: { format?: string }) => {
    const format = (options.format ?? (isStdio(file) ? undefined : formatFromFileName(file))) as ImportFormat | undefined;
    if (!format || !IMPORT_FORMATS.includes(format)) {
      const source = isStdio(file) ? 'standard input' : `"${file}"`;
      command.error(`kb import: give --format ${IMPORT_FORMATS.join(' or ')} (cannot tell from ${source})`, { exitCode: EXIT.usage });
    }
    await (await import('./import.action')).runImport(file, format);
  });
}
