import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse';
import { z } from 'zod';
import { IsoDate } from '../domain/dates';
import type { FileProblem } from '../domain/errors';
import { PLOVER_CATEGORIES } from '../domain/taxonomy';
import type { FieldRecord, FieldSide } from './field-record';
import { columnKey } from './formats';

/**
 * A POLECAT file as its releases publish it: tab-separated with a header row naming each column. Columns are
 * found by name (case, spaces and underscores aside: `Event ID`, `event_id`), each by the names releases give
 * it; columns not listed here are ignored. `Event ID`, `Event Date` and `Event Type` are required.
 */
export const POLECAT_COLUMNS = {
  id: ['Event ID'],
  date: ['Event Date', 'Story Date'],
  type: ['Event Type'],
  mode: ['Event Mode', 'Mode'],
  actorName: ['Actor Name', 'Actor'],
  actorCountry: ['Actor Country'],
  actorSector: ['Actor Sector', 'Actor Sectors', 'Primary Actor Sector'],
  recipientName: ['Recipient Name', 'Recipient'],
  recipientCountry: ['Recipient Country'],
  recipientSector: ['Recipient Sector', 'Recipient Sectors', 'Primary Recipient Sector'],
  url: ['URL', 'Story URL', 'Source URL', 'Link'],
  published: ['Publication Date', 'Story Date'],
} as const;
type Field = keyof typeof POLECAT_COLUMNS;
const REQUIRED: readonly Field[] = ['id', 'date', 'type'];

/** POLECAT's sectors are words; those with a CAMEO sector code map to it. */
const SECTOR_WORDS: Readonly<Record<string, string>> = {
  government: 'GOV',
  military: 'MIL',
  opposition: 'OPP',
  rebel: 'REB',
  rebels: 'REB',
  ngo: 'NGO',
  igo: 'IGO',
  business: 'BUS',
  media: 'MED',
  judiciary: 'JUD',
  legislature: 'LEG',
  civilian: 'CVL',
  civilians: 'CVL',
  'human rights': 'HRI',
  education: 'EDU',
  religious: 'REL',
  religion: 'REL',
  intelligence: 'SPY',
  police: 'COP',
};

const Name = z.string().max(300, { message: 'is longer than 300 characters' });
const Country = z.union([z.literal(''), z.string().regex(/^[A-Za-z]{3}$/, { message: 'must be a three-letter country code' })]);
/** YYYY-MM-DD, possibly followed by a time; its day. */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ].*)?$/, { message: 'must be a day written YYYY-MM-DD' })
  .transform((d) => d.slice(0, 10))
  .pipe(IsoDate);
const PloverCategory = z
  .string()
  .transform((t) => t.trim().toUpperCase())
  .pipe(z.enum(PLOVER_CATEGORIES, { message: `must be a PLOVER event category (${PLOVER_CATEGORIES.join(', ')})` }));

const PolecatRow = z.object({
  id: z.string().trim().min(1, { message: 'is empty' }).max(200, { message: 'is longer than 200 characters' }),
  date: Day,
  type: PloverCategory,
  mode: z.string().max(50, { message: 'is longer than 50 characters' }).default(''),
  actorName: Name.default(''),
  actorCountry: Country.default(''),
  actorSector: z.string().max(300).default(''),
  recipientName: Name.default(''),
  recipientCountry: Country.default(''),
  recipientSector: z.string().max(300).default(''),
  url: z.string().max(2000, { message: 'is longer than 2000 characters' }).default(''),
  published: z.union([z.literal(''), Day]).default(''),
});
type PolecatRow = z.infer<typeof PolecatRow>;

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The first sector a cell names (`Government; Military`) as a CAMEO sector, if it maps to one. */
function sectorOf(cell: string): string | null {
  const first = cell.split(/[;,|]/)[0]?.trim() ?? '';
  if (/^[A-Z]{3}$/.test(first)) return first;
  return SECTOR_WORDS[first.toLowerCase()] ?? null;
}

function side(name: string, country: string, sector: string): FieldSide {
  return { name: orNull(name), code: null, country: orNull(country)?.toUpperCase() ?? null, sector: sectorOf(sector) };
}

function recordOf(row: PolecatRow, where: string): FieldRecord {
  return {
    dataset: 'polecat',
    id: row.id,
    where,
    date: row.date,
    agent: side(row.actorName, row.actorCountry, row.actorSector),
    target: side(row.recipientName, row.recipientCountry, row.recipientSector),
    cameo: null,
    plover: { event: row.type, mode: orNull(row.mode)?.toLowerCase() ?? null },
    url: orNull(row.url),
    published: orNull(row.published),
  };
}

/** Which column of the header holds each field; the header's problem when a required one is missing. */
export function polecatHeader(header: readonly string[]): { columns: Partial<Record<Field, string>>; missing: string[] } {
  const byKey = new Map(header.map((name) => [columnKey(name), name]));
  const columns: Partial<Record<Field, string>> = {};
  for (const [field, names] of Object.entries(POLECAT_COLUMNS) as Array<[Field, readonly string[]]>) {
    const found = names.map((n) => byKey.get(columnKey(n))).find((n) => n !== undefined);
    if (found !== undefined) columns[field] = found;
  }
  const missing = REQUIRED.filter((field) => columns[field] === undefined).map((field) => POLECAT_COLUMNS[field][0]);
  return { columns, missing };
}

/** One data row, by the header's columns: checked, in the field record's shape, or its problems (the column named as the file names it). */
export function readPolecatRow(file: string, row: Record<string, string>, columns: Partial<Record<Field, string>>, where: string): FieldRecord | FileProblem[] {
  const fields = Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, row[column as string]]));
  const parsed = PolecatRow.safeParse(fields);
  if (parsed.success) return recordOf(parsed.data, where);
  return parsed.error.issues.map((issue) => {
    const field = issue.path[0] as Field;
    return { file, path: `${where}: ${columns[field] ?? POLECAT_COLUMNS[field]?.[0] ?? String(field)}`, reason: issue.message };
  });
}

const MAX_PROBLEMS = 1_000;

/** Reads a POLECAT file (tab-separated, with a header); every bad row is reported (file, line, column, reason). */
export async function readPolecatFile(file: string): Promise<{ records: FieldRecord[]; problems: FileProblem[] }> {
  const records: FieldRecord[] = [];
  const problems: FileProblem[] = [];
  const parser = fs
    .createReadStream(file)
    .pipe(parseCsv({ delimiter: '\t', columns: true, bom: true, quote: '"', relax_quotes: true, skip_empty_lines: true, info: true }));
  let columns: Partial<Record<Field, string>> | undefined;
  let line = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      line = info.lines;
      if (!columns) {
        const header = polecatHeader(Object.keys(record));
        if (header.missing.length > 0) {
          problems.push({ file, path: 'line 1', reason: `missing column(s) ${header.missing.join(', ')}: not a POLECAT file` });
          break;
        }
        columns = header.columns;
      }
      const result = readPolecatRow(file, record, columns, `line ${line}`);
      if (Array.isArray(result)) {
        if (problems.length < MAX_PROBLEMS) problems.push(...result);
      } else records.push(result);
    }
  } catch (error) {
    problems.push({ file, path: `line ${line + 1}`, reason: `not a valid tab-separated file: ${(error as Error).message}` });
  }
  return { records, problems };
}
