import type { Command } from 'commander';
import { EXPORT_FORMATS } from '../exports/formats';
import type { ExportOptions } from './export.action';

/**
 * `kb export --format csv|plover|jsonld|graphml [--actor …] [--type …] [--from …] [--to …] [--q …] [--out file|-]`:
 * the filters of /api/events. The work is loaded when the command runs (see kb.ts).
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description("Write the events matching the filters in one of the field's formats (to standard output, or --out)")
    .requiredOption('-f, --format <format>', EXPORT_FORMATS.join(' | '))
    .option('--actor <id>', 'only events this actor took part in, in any role')
    .option('--type <type>', 'only events of this type (e.g. sanctions_lifted)')
    .option('--from <date>', 'only events ending on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'only events starting on or before this day (YYYY-MM-DD)')
    .option('-q, --q <words>', 'only events with these words in the title or summary')
    .option('-o, --out <file>', 'write to this file (written whole or not at all); - or none: standard output')
    .action(async (options: ExportOptions) => (await import('./export.action')).runExport(options));
}
