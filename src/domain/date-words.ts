import { atPrecision, type Precision } from './calendar';

/**
 * Dates in words, as precise as they are known: the pages and the browser scripts say dates the same way.
 * Pure and dependency-free (the browser bundles import it).
 */

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

/** A date as the API gives it: the first day, the last day when the source gives a span, the precision. */
export interface DateLike {
  start: string;
  end: string | null;
  precision: Precision;
}

/** An event's date in words: "12–13 December 2025", "September 2025", "2020", "September 2024 – March 2025". */
export function formatEventDate(date: DateLike): string {
  const start = atPrecision(date.start, date.precision);
  if (!date.end) return formatPartialDate(start);
  const end = atPrecision(date.end, date.precision);
  if (end === start) return formatPartialDate(start);
  const a = parts(start);
  const b = parts(end);
  if (date.precision === 'day' && a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${monthName(b.month)} ${b.year}`;
  if (date.precision === 'day' && a.year === b.year) return `${a.day} ${monthName(a.month)} – ${b.day} ${monthName(b.month)} ${b.year}`;
  if (date.precision === 'month' && a.year === b.year) return `${monthName(a.month)}–${monthName(b.month)} ${b.year}`;
  return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
}

/** Says how precise a date is, for a reader: null when known to the day. */
export function precisionNote(precision: Precision): string | null {
  return precision === 'month' ? 'known to the month' : precision === 'year' ? 'known to the year' : null;
}

/** "since 9 November 2025", "2019 – 2021", "formerly", or "current" when nothing is known of the period. */
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
