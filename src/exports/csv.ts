import { countryByAlpha3 } from '../domain/actor-codes';
import { scoreOfCode } from '../domain/cameo';
import type { ExportEvent } from './exports.schemas';
import { ploverEvent } from './plover';
import { agentSide, primarySource, targetSide, type SideActor } from './records';

/**
 * CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break in double
 * quotes, quotes doubled; UTF-8 without a byte-order mark). One row per event and agent–target pair, in
 * the columns event-data users know from GDELT and ICEWS; the `kb_*` columns carry, as JSON, what
 * `kb import` needs to rebuild the event (every participant, source and link). `quad_class` (1–4: verbal and
 * material cooperation, verbal and material conflict) and `goldstein` (−10…+10, Goldstein 1992) are read from
 * the CAMEO code as GDELT's QuadClass and GoldsteinScale are; blank when the type has no CAMEO code.
 */
export const CSV_COLUMNS = [
  'event_id',
  'date_start',
  'date_end',
  'date_precision',
  'event_type',
  'cameo_code',
  'plover_event',
  'plover_mode',
  'quad_class',
  'goldstein',
  'agent_name',
  'agent_id',
  'agent_kind',
  'agent_role',
  'target_name',
  'target_id',
  'target_kind',
  'target_role',
  'actor1_code',
  'actor1_country_code',
  'actor1_country_alpha2',
  'actor1_wikidata',
  'actor2_code',
  'actor2_country_code',
  'actor2_country_alpha2',
  'actor2_wikidata',
  'figure_count',
  'figure_unit',
  'figure_approximate',
  'place',
  'quote',
  'article_title',
  'article_url',
  'article_id',
  'article_published_at',
  'article_publisher',
  'event_title',
  'event_summary',
  'event_status',
  'kb_participants',
  'kb_sources',
  'kb_links',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

const text = (value: string | number | boolean | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The columns that describe the event itself: the same on each of its rows. */
function eventColumns(event: ExportEvent): Omit<CsvRow, `agent_${string}` | `target_${string}` | `actor${1 | 2}_${string}`> {
  const plover = ploverEvent(event);
  const score = scoreOfCode(plover.cameo);
  const source = primarySource(event);
  return {
    event_id: event.id,
    date_start: event.date.start,
    date_end: text(event.date.end),
    date_precision: event.date.precision,
    event_type: event.type,
    cameo_code: text(plover.cameo),
    plover_event: text(plover.event),
    plover_mode: text(plover.mode),
    quad_class: text(score?.quad),
    goldstein: text(score?.goldstein),
    figure_count: text(event.figures?.count),
    figure_unit: text(event.figures?.unit),
    figure_approximate: text(event.figures?.approximate),
    place: text(event.place),
    quote: source.quote,
    article_title: source.article.title,
    article_url: text(source.article.url),
    article_id: source.article.id,
    article_published_at: source.article.publishedAt,
    article_publisher: text(source.article.publisher),
    event_title: event.title,
    event_summary: text(event.summary),
    event_status: event.status,
    kb_participants: JSON.stringify(event.participants),
    kb_sources: JSON.stringify(event.sources),
    kb_links: JSON.stringify(event.links),
  };
}

const sideColumns = (prefix: 'agent' | 'target', entry: SideActor | undefined) => ({
  [`${prefix}_name`]: entry?.actor.name ?? '',
  [`${prefix}_id`]: entry?.actor.id ?? '',
  [`${prefix}_kind`]: entry?.actor.kind ?? '',
  [`${prefix}_role`]: entry?.roles.join(';') ?? '',
});

/** GDELT's and ICEWS's actor columns: the CAMEO actor code, the country (alpha-3 as GDELT, and alpha-2), Wikidata. */
const codeColumns = (prefix: 'actor1' | 'actor2', entry: SideActor | undefined) => {
  const country = entry?.actor.country ? countryByAlpha3(entry.actor.country) : undefined;
  return {
    [`${prefix}_code`]: entry?.actor.code ?? '',
    [`${prefix}_country_code`]: country?.alpha3 ?? '',
    [`${prefix}_country_alpha2`]: country?.alpha2 ?? '',
    [`${prefix}_wikidata`]: entry?.actor.wikidata ?? '',
  };
};

/** Every agent paired with every target; an event missing one side still gets its rows, with that side blank. */
export function eventRows(event: ExportEvent): CsvRow[] {
  const common = eventColumns(event);
  const agents: Array<SideActor | undefined> = agentSide(event);
  const targets: Array<SideActor | undefined> = targetSide(event);
  if (agents.length === 0) agents.push(undefined);
  if (targets.length === 0) targets.push(undefined);
  return agents.flatMap((agent) =>
    targets.map(
      (target) =>
        ({
          ...common,
          ...sideColumns('agent', agent),
          ...sideColumns('target', target),
          ...codeColumns('actor1', agent),
          ...codeColumns('actor2', target),
        }) as CsvRow,
    ),
  );
}

export async function* csvChunks(events: AsyncIterable<ExportEvent>): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  for await (const event of events) {
    for (const row of eventRows(event)) yield csvLine(CSV_COLUMNS.map((column) => row[column]));
  }
}

/** Columns the event is rebuilt from; each must agree across the event's rows. */
const EVENT_FIELD_COLUMNS: Record<string, CsvColumn> = {
  id: 'event_id',
  type: 'event_type',
  title: 'event_title',
  summary: 'event_summary',
  status: 'event_status',
  date: 'date_start',
  place: 'place',
  figures: 'figure_count',
  participants: 'kb_participants',
  sources: 'kb_sources',
  links: 'kb_links',
};
const REBUILT_FROM: readonly CsvColumn[] = [
  'event_id',
  'date_start',
  'date_end',
  'date_precision',
  'event_type',
  'figure_count',
  'figure_unit',
  'figure_approximate',
  'place',
  'event_title',
  'event_summary',
  'event_status',
  'kb_participants',
  'kb_sources',
  'kb_links',
];

/** The column an issue of the rebuilt event points at: `participants[0].role` → kb_participants. */
export function columnOf(path: readonly PropertyKey[]): CsvColumn {
  const [first, second] = path;
  if (first === 'date') return second === 'end' ? 'date_end' : second === 'precision' ? 'date_precision' : 'date_start';
  if (first === 'figures') return second === 'unit' ? 'figure_unit' : second === 'approximate' ? 'figure_approximate' : 'figure_count';
  return EVENT_FIELD_COLUMNS[String(first)] ?? 'event_id';
}

const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

function parseJsonColumn(row: Partial<CsvRow>, column: CsvColumn, problems: string[]): unknown {
  const value = row[column] ?? '';
  if (value === '') return column === 'kb_links' ? [] : undefined;
  try {
    return JSON.parse(value);
  } catch (error) {
    problems.push(`${column}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

/** The event a CSV row describes, before validation (ExportEvent.safeParse checks it). */
export function rowToEventInput(row: Partial<CsvRow>): { input: Record<string, unknown>; jsonProblems: string[] } {
  const jsonProblems: string[] = [];
  const count = orNull(row.figure_count);
  const input = {
    id: row.event_id,
    type: row.event_type,
    title: row.event_title,
    summary: orNull(row.event_summary),
    status: row.event_status,
    date: { start: row.date_start, end: orNull(row.date_end), precision: row.date_precision },
    place: orNull(row.place),
    figures:
      count === null
        ? null
        : {
            count: /^\d+$/.test(count) ? Number(count) : count,
            unit: row.figure_unit,
            approximate: row.figure_approximate === 'true' ? true : row.figure_approximate === 'false' ? false : (orNull(row.figure_approximate) ?? undefined),
          },
    participants: parseJsonColumn(row, 'kb_participants', jsonProblems),
    sources: parseJsonColumn(row, 'kb_sources', jsonProblems),
    links: parseJsonColumn(row, 'kb_links', jsonProblems),
  };
  return { input, jsonProblems };
}

/** The first column in which two rows of the same event disagree, if any. */
export function disagreement(a: Partial<CsvRow>, b: Partial<CsvRow>): CsvColumn | undefined {
  return REBUILT_FROM.find((column) => (a[column] ?? '') !== (b[column] ?? ''));
}

/** Columns a file must have for `kb import --format csv`. */
export const REQUIRED_IMPORT_COLUMNS: readonly CsvColumn[] = REBUILT_FROM;
