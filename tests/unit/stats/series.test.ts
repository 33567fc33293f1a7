import { bucketLabel, shapeSeries, shapeTypeCounts } from '../../../src/stats/series';
import { Series } from '../../../src/stats/series.schemas';

describe('series', () => {
  test('buckets are labelled YYYY-MM or YYYY', () => {
    expect(bucketLabel(2025 * 12 + 8, 'month')).toBe('2025-09');
    expect(bucketLabel(2025, 'year')).toBe('2025');
  });

  test('every bucket from the first to the last is given, zeros filled; series busiest first; the table only when asked', () => {
    const rows = [
      { key: 'talks', label: 'talks', bucket: 2025 * 12 + 8, count: 1 },
      { key: 'talks', label: 'talks', bucket: 2025 * 12 + 11, count: 1 },
      { key: 'pardon', label: 'pardon', bucket: 2025 * 12 + 11, count: 3, type: 'pardon' },
    ];
    const shaped = shapeSeries(rows, 'month', (row) => row.key.toUpperCase(), true);
    expect(shaped.buckets).toEqual(['2025-09', '2025-10', '2025-11', '2025-12']);
    expect(shaped.series).toEqual([
      { key: 'pardon', label: 'PARDON', total: 3, counts: [0, 0, 0, 3] },
      { key: 'talks', label: 'TALKS', total: 2, counts: [1, 0, 0, 1] },
    ]);
    expect(shaped.table[0]).toEqual({ key: 'pardon', label: 'PARDON', types: { pardon: 3 } });
    expect(shapeSeries([], 'year', () => '', false)).toEqual({ buckets: [], series: [], table: [] });
  });

  test('counts per month in lists of types come out as their rows, one per type and month, would', () => {
    const types = ['talks', 'pardon', 'visit'];
    // Months of two years, out of order, with zeros, a month counted twice, and a position past the known types.
    const months = [
      { bucket: 2024 * 12 + 3, byType: [2, 0, 0, 9] },
      { bucket: 2023 * 12 + 11, byType: [0, 0, 0] },
      { bucket: 2023 * 12 + 1, byType: [1, 4, 0] },
      { bucket: 2024 * 12 + 3, byType: [1, 0, 0] },
      { bucket: 2024 * 12 + 0, byType: [0, 2, 0] },
    ];
    const rowsOf = (interval: 'month' | 'year', only?: string) =>
      months.flatMap(({ bucket, byType }) =>
        byType.flatMap((count, i) => {
          const key = types[i];
          if (count === 0 || key === undefined || (only !== undefined && key !== only)) return [];
          return [{ key, label: key, bucket: interval === 'year' ? Math.floor(bucket / 12) : bucket, count }];
        }),
      );
    const label = (type: string) => type.toUpperCase();
    for (const interval of ['month', 'year'] as const) {
      const inBuckets = months.map((m) => ({ bucket: interval === 'year' ? Math.floor(m.bucket / 12) : m.bucket, byType: m.byType }));
      for (const only of [undefined, 'pardon', 'visit']) {
        expect(shapeTypeCounts(inBuckets, interval, types, only, label)).toEqual(shapeSeries(rowsOf(interval, only), interval, (row) => label(row.key), false));
      }
    }
    expect(shapeTypeCounts(months, 'month', types, 'pardon', label).series).toEqual([
      { key: 'pardon', label: 'PARDON', total: 6, counts: [4, ...new Array<number>(10).fill(0), 2] },
    ]);
  });

  test("a series' counts are whole numbers: anything else fails the answer's check", () => {
    const series = { key: 'talks', label: 'Talks', total: 3 };
    expect(Series.safeParse({ ...series, counts: [0, 3, 9007199254740991] }).success).toBe(true);
    for (const counts of [[1, 1.5], [1, Number.NaN], [2 ** 53], ['1'], [null], 'not a list', undefined]) {
      expect(Series.safeParse({ ...series, counts }).success).toBe(false);
    }
  });
});
