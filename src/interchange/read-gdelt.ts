import { z } from 'zod';
import { IsoDate } from '../domain/dates';
import type { FileProblem } from '../domain/errors';
import type { FieldRecord, FieldSide } from './field-record';
import { GDELT_COLUMN_COUNT } from './formats';
import { numberedLines } from './read-lines';

/**
 * The columns of a GDELT 2.0 events file, in order (the GDELT Event Database Data Format Codebook V2.0,
 * 2/19/2015): tab-separated, one event a line, no header. Only some are read; all are counted, so a file of
 * another layout (GDELT 1.0's 57 or 58 columns, the mentions table) is refused rather than misread.
 */
export const GDELT_COLUMNS = [
  'GlobalEventID',
  'Day',
  'MonthYear',
  'Year',
  'FractionDate',
  ...actorColumns('Actor1'),
  ...actorColumns('Actor2'),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...geoColumns('Actor1Geo'),
  ...geoColumns('Actor2Geo'),
  ...geoColumns('ActionGeo'),
  'DATEADDED',
  'SOURCEURL',
] as const;

function actorColumns<P extends string>(prefix: P) {
  return [
    `${prefix}Code`,
    `${prefix}Name`,
    `${prefix}CountryCode`,
    `${prefix}KnownGroupCode`,
    `${prefix}EthnicCode`,
    `${prefix}Religion1Code`,
    `${prefix}Religion2Code`,
    `${prefix}Type1Code`,
    `${prefix}Type2Code`,
    `${prefix}Type3Code`,
  ] as const;
}

function geoColumns<P extends string>(prefix: P) {
  return [
    `${prefix}_Type`,
    `${prefix}_Fullname`,
    `${prefix}_CountryCode`,
    `${prefix}_ADM1Code`,
    `${prefix}_ADM2Code`,
    `${prefix}_Lat`,
    `${prefix}_Long`,
    `${prefix}_FeatureID`,
  ] as const;
}

if (GDELT_COLUMNS.length !== GDELT_COLUMN_COUNT) throw new Error(`GDELT_COLUMNS lists ${GDELT_COLUMNS.length} columns`);

const empty = z.literal('');
const optional = <T extends z.ZodType>(schema: T) => z.union([empty, schema]);
const Letters3 = z.string().regex(/^[A-Z]{3}$/, { message: 'must be three capital letters' });
/** YYYYMMDD, a real day. */
const Day = z
  .string()
  .regex(/^\d{8}$/, { message: 'must be a day written YYYYMMDD' })
  .transform((d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`)
  .pipe(IsoDate);
/** YYYYMMDDHHMMSS; its day. */
const Timestamp = z
  .string()
  .regex(/^\d{14}$/, { message: 'must be a time written YYYYMMDDHHMMSS' })
  .transform((t) => t.slice(0, 8))
  .pipe(Day);
const Name = z.string().max(300, { message: 'is longer than 300 characters' });

/** What `kb import` reads of a GDELT row, checked; the other columns are only counted. */
const GdeltRow = z
  .object({
    GlobalEventID: z.string().regex(/^\d{1,20}$/, { message: 'must be a number' }),
    Day,
    Actor1Code: optional(z.string().regex(/^[A-Z0-9]{3,30}$/, { message: 'must be a CAMEO actor code (capital letters)' })),
    Actor1Name: Name,
    Actor1CountryCode: optional(Letters3),
    Actor1Type1Code: optional(Letters3),
    Actor2Code: optional(z.string().regex(/^[A-Z0-9]{3,30}$/, { message: 'must be a CAMEO actor code (capital letters)' })),
    Actor2Name: Name,
    Actor2CountryCode: optional(Letters3),
    Actor2Type1Code: optional(Letters3),
    EventCode: z.string().regex(/^\d{3,4}$/, { message: 'must be a CAMEO event code (three or four digits)' }),
    EventBaseCode: z.string().regex(/^\d{3}$/, { message: 'must be a CAMEO base code (three digits)' }),
    EventRootCode: z.string().regex(/^\d{2}$/, { message: 'must be a CAMEO root code (two digits)' }),
    QuadClass: z.enum(['1', '2', '3', '4'], { message: 'must be 1, 2, 3 or 4' }),
    GoldsteinScale: z
      .string()
      .regex(/^-?\d+(\.\d+)?$/, { message: 'must be a number' })
      .refine((g) => Math.abs(Number(g)) <= 10, { message: 'must be between -10 and 10' }),
    DATEADDED: Timestamp,
    SOURCEURL: z.string().max(2000, { message: 'is longer than 2000 characters' }),
  })
  .superRefine((row, context) => {
    if (!row.EventBaseCode.startsWith(row.EventRootCode))
      context.addIssue({ code: 'custom', path: ['EventBaseCode'], message: `is not under root code ${row.EventRootCode}` });
    if (!row.EventCode.startsWith(row.EventBaseCode))
      context.addIssue({ code: 'custom', path: ['EventCode'], message: `is not under base code ${row.EventBaseCode}` });
  });
type GdeltRow = z.infer<typeof GdeltRow>;

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function sideOf(row: GdeltRow, actor: 'Actor1' | 'Actor2'): FieldSide {
  return {
    name: orNull(row[`${actor}Name`]),
    code: orNull(row[`${actor}Code`]),
    country: orNull(row[`${actor}CountryCode`]),
    sector: orNull(row[`${actor}Type1Code`]),
  };
}

function recordOf(row: GdeltRow, where: string): FieldRecord {
  return {
    dataset: 'gdelt',
    id: row.GlobalEventID,
    where,
    date: row.Day,
    agent: sideOf(row, 'Actor1'),
    target: sideOf(row, 'Actor2'),
    cameo: { code: row.EventCode, base: row.EventBaseCode, root: row.EventRootCode },
    plover: null,
    url: orNull(row.SOURCEURL),
    published: row.DATEADDED,
  };
}

/** One line: its 61 fields by name, checked. */
export function readGdeltLine(file: string, line: string, where: string): FieldRecord | FileProblem[] {
  const fields = line.replace(/\r$/, '').split('\t');
  if (fields.length !== GDELT_COLUMN_COUNT) {
    return [{ file, path: where, reason: `has ${fields.length} tab-separated fields; a GDELT 2.0 events row has ${GDELT_COLUMN_COUNT}` }];
  }
  const named = Object.fromEntries(GDELT_COLUMNS.map((column, i) => [column, fields[i]]));
  const parsed = GdeltRow.safeParse(named);
  if (!parsed.success) return parsed.error.issues.map((issue) => ({ file, path: `${where}: ${String(issue.path[0] ?? '')}`, reason: issue.message }));
  return recordOf(parsed.data, where);
}

/** Past this many problems reading stops collecting more: the report is long enough to act on. */
const MAX_PROBLEMS = 1_000;

/** Reads a GDELT 2.0 events file line by line; every bad line is reported (file, line, column, reason). */
export async function readGdeltFile(file: string): Promise<{ records: FieldRecord[]; problems: FileProblem[] }> {
  const records: FieldRecord[] = [];
  const problems: FileProblem[] = [];
  for await (const { line, number } of numberedLines(file)) {
    const result = readGdeltLine(file, line, `line ${number}`);
    if (Array.isArray(result)) {
      if (problems.length < MAX_PROBLEMS) problems.push(...result);
    } else records.push(result);
  }
  return { records, problems };
}
