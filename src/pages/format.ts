import { ACTOR_KINDS, EVENT_TYPES, TAXONOMY, type ActorKind, type AffiliationRole, type EventType, type Role } from '../domain/taxonomy';

/** Words for what the pages show: dates as precise as they are known, role and kind names. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface DateParts {
  year: string;
  month?: number;
  day?: number;
}

function parts(day: string): DateParts {
  const [year = '', month, dayOfMonth] = day.split('-');
  return { year, month: month === undefined ? undefined : Number(month), day: dayOfMonth === undefined ? undefined : Number(dayOfMonth) };
}

const monthName = (month: number | undefined) => MONTHS[(month ?? 1) - 1] ?? '';

/** 2025-11-09 → "9 November 2025"; 2025-09 → "September 2025"; 2020 → "2020". */
export function formatPartialDate(value: string): string {
  const { year, month, day } = parts(value);
  if (month === undefined) return year;
  if (day === undefined) return `${monthName(month)} ${year}`;
  return `${day} ${monthName(month)} ${year}`;
}

export interface DateLike {
  start: string;
  end: string | null;
  precision: 'day' | 'month' | 'year';
}

/** Trims a stored first day back to the precision the source gave: 2025-09-01 (month) → 2025-09. */
function atPrecision(day: string, precision: DateLike['precision']): string {
  return precision === 'year' ? day.slice(0, 4) : precision === 'month' ? day.slice(0, 7) : day;
}

/** An event's date in words, as precise as it is known: "12–13 December 2025", "September 2025", "2020". */
export function formatEventDate(date: DateLike): string {
  const start = atPrecision(date.start, date.precision);
  if (!date.end) return formatPartialDate(start);
  const endPrecision = date.precision;
  const end = endPrecision === 'day' ? date.end : atPrecision(date.end, endPrecision);
  if (end === start) return formatPartialDate(start);
  const a = parts(start);
  const b = parts(end);
  if (endPrecision === 'day' && a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${monthName(b.month)} ${b.year}`;
  if (endPrecision === 'day' && a.year === b.year) return `${a.day} ${monthName(a.month)} – ${b.day} ${monthName(b.month)} ${b.year}`;
  if (endPrecision === 'month' && a.year === b.year) return `${monthName(a.month)}–${monthName(b.month)} ${b.year}`;
  return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
}

/** Says how precise a date is, for a reader: null when known to the day. */
export function precisionNote(precision: DateLike['precision']): string | null {
  return precision === 'month' ? 'known to the month' : precision === 'year' ? 'known to the year' : null;
}

export const typeLabel = (type: EventType) => TAXONOMY[type].label;
export const TYPE_OPTIONS = EVENT_TYPES.map((id) => ({ id, label: TAXONOMY[id].label, definition: TAXONOMY[id].definition }));

const KIND_LABELS: Record<ActorKind, string> = {
  person: 'Person',
  state: 'State',
  organization: 'Organisation',
  government_body: 'Government body',
  group: 'Group',
  company: 'Company',
  commodity: 'Commodity',
};
export const kindLabel = (kind: ActorKind) => KIND_LABELS[kind];
export const KIND_OPTIONS = ACTOR_KINDS.map((id) => ({ id, label: KIND_LABELS[id] }));

/** Participant roles as a reader says them. */
export const ROLE_LABELS: Record<Role, string> = {
  agent: 'did it',
  host: 'host',
  target: 'done to',
  guest: 'guest',
  beneficiary: 'beneficiary',
  mediator: 'mediator',
  source: 'said so',
};

/** Affiliation roles read as "<actor> was <phrase> <counterpart>". */
export const AFFILIATION_LABELS: Record<AffiliationRole, string> = {
  president_of: 'President of',
  leader_of: 'Leader of',
  envoy_to: 'Envoy to',
  deputy_envoy_to: 'Deputy envoy to',
  envoy_of: 'Envoy of',
  lawyer_for: 'Lawyer for',
  founder_of: 'Founder of',
  member_of: 'Member of',
  state_company_of: 'State company of',
  ally_of: 'Ally of',
};

/** "since 9 November 2025", "2019 – 2021", "formerly", or "" when nothing is known of the period. */
export function formatPeriod(from: string | null, to: string | null, former: boolean): string {
  if (from && to) return `${formatPartialDate(from)} – ${formatPartialDate(to)}`;
  if (from) return former ? `from ${formatPartialDate(from)} (former)` : `since ${formatPartialDate(from)}`;
  if (to) return `until ${formatPartialDate(to)}`;
  return former ? 'formerly' : 'current';
}

/** The sort key of a role in a list "over time": undated former roles first, then by start. */
export function periodSortKey(from: string | null, former: boolean): string {
  if (from) return `1${from}`;
  return former ? '0' : '1';
}

/** Thousands separated: 1200 → "1,200". */
export const formatCount = (n: number) => n.toLocaleString('en-GB');
