import type { SeriesRow, TypeCountsRow } from './series.repository';

/** Counts per bucket and key, shaped as dense series: every bucket from the first to the last, zeros filled. */

export const bucketLabel = (bucket: number, interval: 'month' | 'year') =>
  interval === 'year' ? String(bucket) : `${Math.floor(bucket / 12)}-${String((bucket % 12) + 1).padStart(2, '0')}`;

export interface ShapedSeries {
  buckets: string[];
  series: Array<{ key: string; label: string; total: number; counts: number[] }>;
  table: Array<{ key: string; label: string; types: Record<string, number> }>;
}

export function shapeSeries(rows: readonly SeriesRow[], interval: 'month' | 'year', label: (row: SeriesRow) => string, withTable: boolean): ShapedSeries {
  if (rows.length === 0) return { buckets: [], series: [], table: [] };
  const first = Math.min(...rows.map((r) => r.bucket));
  const last = Math.max(...rows.map((r) => r.bucket));
  const buckets = Array.from({ length: last - first + 1 }, (_, i) => bucketLabel(first + i, interval));
  const byKey = new Map<string, { key: string; label: string; total: number; counts: number[]; types: Record<string, number> }>();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? { key: row.key, label: label(row), total: 0, counts: buckets.map(() => 0), types: {} };
    entry.counts[row.bucket - first]! += row.count;
    entry.total += row.count;
    if (row.type) entry.types[row.type] = (entry.types[row.type] ?? 0) + row.count;
    byKey.set(row.key, entry);
  }
  const ordered = [...byKey.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return {
    buckets,
    series: ordered.map(({ key, label, total, counts }) => ({ key, label, total, counts })),
    table: withTable ? ordered.map(({ key, label, types }) => ({ key, label, types })) : [],
  };
}

/**
 * Counts per type held as lists per month, shaped as shapeSeries shapes their rows (the same buckets, series and
 * order), but straight into dense series: no row per type and month is made for hundreds of months' dozens of
 * counts. `only` keeps one type; `types` names the positions of the lists.
 */
export function shapeTypeCounts(
  months: readonly TypeCountsRow[],
  interval: 'month' | 'year',
  types: readonly string[],
  only: string | undefined,
  label: (type: string) => string,
): ShapedSeries {
  const wanted = only === undefined ? -1 : types.indexOf(only);
  const counted = (i: number, n: number | null | undefined) => n !== 0 && n != null && i < types.length && (wanted === -1 || i === wanted);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const { bucket, byType } of months) {
    if (byType.some((n, i) => counted(i, n))) [first, last] = [Math.min(first, bucket), Math.max(last, bucket)];
  }
  if (first > last) return { buckets: [], series: [], table: [] };
  const width = last - first + 1;
  const counts: Array<number[] | undefined> = [];
  const totals: number[] = types.map(() => 0);
  for (const { bucket, byType } of months) {
    for (let i = 0; i < byType.length; i++) {
      const n = byType[i];
      if (!counted(i, n)) continue;
      const row = (counts[i] ??= new Array<number>(width).fill(0));
      row[bucket - first]! += n!;
      totals[i]! += n!;
    }
  }
  const series = types
    .flatMap((key, i) => (counts[i] ? [{ key, label: label(key), total: totals[i]!, counts: counts[i]! }] : []))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return { buckets: Array.from({ length: width }, (_, i) => bucketLabel(first + i, interval)), series, table: [] };
}
