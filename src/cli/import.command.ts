import type { Command } from 'commander';
import { detectFormat, IMPORT_FORMATS, type ImportFormat } from '../interchange/formats';
import { EXIT } from './program';
import { isStdio } from './stdio';

const FORMAT_LIST = `${IMPORT_FORMATS.slice(0, -1).join(', ')} or ${IMPORT_FORMATS[IMPORT_FORMATS.length - 1]}`;

/** `kb import <file|-> [--format plover|csv|gdelt|polecat]`: loads an export or a field dataset. The work is loaded when the command runs. */
export function registerImportCommand(program: Command): void {
  const command: Command = program
    .command('import')
    .description(
      'Load a file written by `kb export --format plover|csv`, a GDELT 2.0 events file or a POLECAT file: checked whole before anything is written; idempotent',
    )
    .argument('<file>', 'the file; - for standard input (then give --format)')
    .option(
      '-f, --format <format>',
      `${IMPORT_FORMATS.join(' | ')} (default: from the file's first line — GDELT's 61 tab-separated columns, a POLECAT header, JSON, kb's CSV header — or its name: .jsonl → plover, .csv → csv)`,
    );
  command.action(async (file: string, options: { format?: string }) => {
    const format = (options.format ?? (isStdio(file) ? undefined : detectFormat(file))) as ImportFormat | undefined;
    if (!format || !IMPORT_FORMATS.includes(format)) {
      const source = isStdio(file) ? 'standard input' : `"${file}"`;
      command.error(`kb import: give --format ${FORMAT_LIST} (cannot tell from ${source})`, { exitCode: EXIT.usage });
    }
    await (await import('./import.action')).runImport(file, format);
  });
}
