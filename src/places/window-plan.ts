/**
 * How a date window's located events are counted from the place counts (place-counts.ts) rather than from the
 * events. An event overlaps the window [from, to] when it starts on or before `to` and ends on or after `from`.
 * For a window of whole months [M1, M2], those are the events starting in M1..M2 plus those carried into M1 (begun
 * before, still running on its first day): the full years inside from the years' counts, the other months from the
 * months', the carried from M1's. The days at a window's edges that do not make a whole month are counted from the
 * events, by the date indexes (a month's events at most):
 *  - `startDays`: events starting and ending in [from, M1's first day) — the start of a window that begins
 *    mid-month (those starting there and lasting into M1 are carried into it);
 *  - `endingDays`: events begun before `from` whose last day falls in [from, M1's first day) — they overlap the
 *    window but are not carried into M1;
 *  - `endDays`: events starting in (M2's last day, to] — the end of a window that ends mid-month.
 * A window holding no whole month answers `counted: false`: it is counted from its events (a month's at most).
 */

export interface DayRange {
  from: string;
  to: string;
}

export interface WindowPlan {
  counted: true;
  /** Full years inside the window (null: unbounded on that side); null when there are none. */
  years: { from: number | null; to: number | null } | null;
  /** Full months outside those years, as their first days. */
  months: string[];
  /** The first full month, when the window has a start: the events carried into it overlap the window. */
  carried: string | null;
  startDays: DayRange | null;
  endingDays: DayRange | null;
  endDays: DayRange | null;
}

/** A month as a number (year × 12 + month index) and back. */
type Month = number;
const monthOf = (iso: string): Month => Number(iso.slice(0, iso.length - 6)) * 12 + Number(iso.slice(-5, -3)) - 1;
const yearOf = (m: Month) => Math.floor(m / 12);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const firstDay = (m: Month) => `${pad(yearOf(m), 4)}-${pad((m % 12) + 1, 2)}-01`;
const lastDayOf = (m: Month) => {
  const year = yearOf(m);
  const month = (m % 12) + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate(), 2)}`;
};
/** The day before an ISO day. */
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function monthsBetween(from: Month, to: Month): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m++) months.push(firstDay(m));
  return months;
}

/** The plan for a window (each side may be open); `{ counted: false }` when it holds no whole month. */
export function planWindow(from: string | undefined, to: string | undefined): WindowPlan | { counted: false } {
  // The first and last whole months of the window (undefined: unbounded).
  const m1 = from === undefined ? undefined : from.endsWith('-01') ? monthOf(from) : monthOf(from) + 1;
  const m2 = to === undefined ? undefined : to === lastDayOf(monthOf(to)) ? monthOf(to) : monthOf(to) - 1;
  if (m1 !== undefined && m2 !== undefined && m1 > m2) return { counted: false };
  const y1 = m1 === undefined ? null : m1 % 12 === 0 ? yearOf(m1) : yearOf(m1) + 1;
  const y2 = m2 === undefined ? null : m2 % 12 === 11 ? yearOf(m2) : yearOf(m2) - 1;
  let years: WindowPlan['years'] = { from: y1, to: y2 };
  let months: string[] = [];
  if (y1 !== null && y2 !== null && y1 > y2) {
    years = null;
    months = monthsBetween(m1!, m2!);
  } else {
    if (m1 !== undefined && m1 % 12 !== 0) months.push(...monthsBetween(m1, y1! * 12 - 1));
    if (m2 !== undefined && m2 % 12 !== 11) months.push(...monthsBetween(y2! * 12 + 12, m2));
  }
  const startsMidMonth = from !== undefined && m1 !== undefined && firstDay(m1) !== from;
  const endsMidMonth = to !== undefined && m2 !== undefined && lastDayOf(m2) !== to;
  return {
    counted: true,
    years,
    months,
    carried: m1 === undefined ? null : firstDay(m1),
    startDays: startsMidMonth ? { from: from!, to: dayBefore(firstDay(m1!)) } : null,
    endingDays: startsMidMonth ? { from: from!, to: dayBefore(firstDay(m1!)) } : null,
    endDays: endsMidMonth ? { from: dayAfter(lastDayOf(m2!)), to: to! } : null,
  };
}
