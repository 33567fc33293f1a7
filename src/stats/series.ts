import type { SeriesRow } from './series.repository';

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
