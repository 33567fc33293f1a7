/**
 * Day arithmetic on ISO days (YYYY-MM-DD) and partial dates (YYYY, YYYY-MM, YYYY-MM-DD), in UTC. The one
 * calendar module of the project: server and browser scripts both use it, so it depends on nothing.
 */

export const PRECISIONS = ['day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const DAY_MS = 86_400_000;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  return d >= 1 && d <= daysInMonth(Number(year), m);
}

export const isIsoDay = (value: string | undefined): value is string => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));

/** The precision is read off the form of a partial date, so it is never written twice. */
export function precisionOf(date: string): Precision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** First day the partial date covers: 2025-09 → 2025-09-01. */
export function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** Last day the partial date covers: 2025-09 → 2025-09-30, 2020 → 2020-12-31. */
export function lastDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [year, month] = date.split('-').map(Number) as [number, number];
    return `${date}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
  }
  return date;
}

/** A first day trimmed back to the precision the source gave: 2025-09-01 (month) → 2025-09. */
export function atPrecision(day: string, precision: Precision): string {
  return precision === 'year' ? day.slice(0, 4) : precision === 'month' ? day.slice(0, 7) : day;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Built from the date's fields rather than toISOString and a parse of the ISO text: a bucketed timeline does this
 * for each of hundreds of rows per answer, and the string round trips were a millisecond of it. Years outside
 * 1000–9999 (which ISO writes otherwise) and texts that are not plain days take the general path.
 */
export function toDay(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return date.toISOString().slice(0, 10);
  return `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}
const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export function parseDay(day: string): Date {
  const match = PLAIN_DAY.exec(day);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const date = Number(match?.[3]);
  // Only where the ISO parse reads the same day (it too carries 31 February into March; month 13 it refuses).
  if (!match || year < 1000 || month < 1 || month > 12 || date < 1 || date > 31) return new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(year, month - 1, date));
}
export const addDays = (day: string, days: number) => toDay(new Date(parseDay(day).getTime() + days * DAY_MS));

/** The same day `years` away, kept within 0001–9999 (four digits); 29 February falls back to the 28th. */
export function addYears(day: string, years: number): string {
  const year = String(Math.min(9999, Math.max(1, Number(day.slice(0, 4)) + years))).padStart(4, '0');
  const moved = `${year}${day.slice(4)}`;
  return isValidPartialDate(moved) ? moved : `${year}-02-28`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
