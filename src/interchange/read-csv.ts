import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse';
import { formatPath, type FileProblem } from '../domain/errors';
import { columnOf, disagreement, REQUIRED_IMPORT_COLUMNS, rowToEventInput, type CsvRow } from '../exports/csv';
import { parseEvent, type ReadEvent, type ReadResult } from './read-event';

/** An event's first row, and its number in the file. */
interface FirstRow {
  row: Partial<CsvRow>;
  number: number;
}

/** Reads CSV rows (RFC 4180) as a stream; the rows of one event are joined into it, and must agree. */
export async function readCsvFile(file: string): Promise<ReadResult> {
  const problems: FileProblem[] = [];
  const firstRows = await readFirstRows(file, problems);
  const events: ReadEvent[] = [];
  for (const { row, number } of firstRows.values()) {
    const result = readRow(file, row, `row ${number}`);
    if (Array.isArray(result)) problems.push(...result);
    else events.push(result);
  }
  return { events, problems };
}

/** Each event's first row, by event id; a later row of the same event that says otherwise is a problem. */
async function readFirstRows(file: string, problems: FileProblem[]): Promise<Map<string, FirstRow>> {
  const firstRows = new Map<string, FirstRow>();
  const parser = fs.createReadStream(file).pipe(parseCsv({ columns: true, bom: true, relax_column_count: false }));
  let number = 1; // the header is row 1
  try {
    for await (const row of parser as AsyncIterable<Partial<CsvRow>>) {
      number += 1;
      if (number === 2) {
        const problem = headerProblem(file, Object.keys(row));
        if (problem) {
          problems.push(problem);
          break;
        }
      }
      const id = row.event_id ?? '';
      const first = firstRows.get(id);
      if (!first) firstRows.set(id, { row, number });
      else {
        const column = disagreement(first.row, row);
        if (column) problems.push({ file, path: `row ${number}: ${column}`, reason: `differs from row ${first.number} of the same event "${id}"` });
      }
    }
  } catch (error) {
    problems.push({ file, path: `row ${number + 1}`, reason: `not valid CSV: ${(error as Error).message}` });
  }
  return firstRows;
}

function headerProblem(file: string, header: string[]): FileProblem | undefined {
  const missing = REQUIRED_IMPORT_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length === 0) return undefined;
  return { file, path: 'row 1', reason: `missing column(s) ${missing.join(', ')}: only files written by \`kb export --format csv\` can be imported` };
}

function readRow(file: string, row: Partial<CsvRow>, where: string): ReadEvent | FileProblem[] {
  const { input, jsonProblems } = rowToEventInput(row);
  if (jsonProblems.length > 0) return jsonProblems.map((reason) => ({ file, path: where, reason }));
  return parseEvent(file, where, input, columnPath);
}

/** An issue's place as the CSV names it: the column, then the path inside a `kb_` JSON column. */
function columnPath(p: readonly PropertyKey[]): string {
  const column = columnOf(p);
  const inner = column.startsWith('kb_') ? formatPath(p.slice(1)) : '';
  return inner ? `${column}${inner.startsWith('[') ? '' : '.'}${inner}` : column;
}
