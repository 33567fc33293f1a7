import { z } from 'zod';

/**
 * A date as precise as the source gives it: `2025` (a year), `2025-09` (a month) or `2025-12-12` (a day).
 * The precision is read off the form, so it is never written twice.
 */
export const PRECISIONS = ['day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const PartialDate = z
  .string()
  .refine(isValidPartialDate, { message: 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD' });
export type PartialDate = z.infer<typeof PartialDate>;

/** A full calendar date, YYYY-MM-DD, that exists (2025-02-30 does not). */
export const IsoDate = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isValidPartialDate(value), {
    message: 'must be a real date written YYYY-MM-DD',
  });

export function precisionOf(date: PartialDate): Precision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** First day the partial date covers: 2025-09 → 2025-09-01. */
export function firstDay(date: PartialDate): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** Last day the partial date covers: 2025-09 → 2025-09-30, 2020 → 2020-12-31. */
export function lastDay(date: PartialDate): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [year, month] = date.split('-').map(Number) as [number, number];
    return `${date}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
  }
  return date;
}
