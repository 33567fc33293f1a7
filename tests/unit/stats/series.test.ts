import { bucketLabel, shapeSeries } from '../../../src/stats/series';

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
});
