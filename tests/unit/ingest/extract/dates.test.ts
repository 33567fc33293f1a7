import { findDates } from '../../../../src/ingest/extract/dates';

const only = (text: string, publishedAt: string) => {
  const found = findDates(text, publishedAt);
  expect(found).toHaveLength(1);
  return found[0]?.date;
};

describe('findDates', () => {
  it('resolves a weekday to the most recent such day on or before publication', () => {
    expect(only('they met on Saturday', '2025-01-05')).toEqual({ start: '2025-01-04', end: null, precision: 'day' }); // a Sunday
    expect(only('they met on Friday', '2025-07-19')).toEqual({ start: '2025-07-18', end: null, precision: 'day' });
    expect(only('they met on Saturday', '2025-07-19')).toEqual({ start: '2025-07-19', end: null, precision: 'day' });
    expect(only('they met last Saturday', '2025-07-19')?.start).toBe('2025-07-12');
  });

  it('gives a month without a year the most recent such month not after publication, at month precision', () => {
    expect(only('talks in September', '2025-12-14')).toEqual({ start: '2025-09-01', end: null, precision: 'month' });
    expect(only('talks in December', '2024-11-22')).toEqual({ start: '2023-12-01', end: null, precision: 'month' });
    expect(only('In September 2025, talks', '2025-12-14')?.precision).toBe('month');
  });

  it('reads bare years at year precision', () => {
    expect(only('the widely disputed 2020 presidential election', '2025-12-14')).toEqual({ start: '2020-01-01', end: null, precision: 'year' });
    expect(only('relations were restored in 2015', '2025-04-26')?.precision).toBe('year');
  });

  it('reads an explicit date and a two-day range', () => {
    expect(only('was nominated by President Trump on November 9, 2025.', '2025-12-14')).toEqual({ start: '2025-11-09', end: null, precision: 'day' });
    expect(only('in Minsk on Friday, December 12, and Saturday, December 13, 2025.', '2025-12-14')).toEqual({
      start: '2025-12-12',
      end: '2025-12-13',
      precision: 'day',
    });
  });

  it('resolves relative expressions against publication', () => {
    expect(only('arrested last week', '2025-02-14')).toEqual({ start: '2025-02-03', end: '2025-02-09', precision: 'day' });
    expect(only('arrested yesterday', '2025-02-14')?.start).toBe('2025-02-13');
    expect(only('imposed sanctions last year', '2025-08-09')).toEqual({ start: '2024-01-01', end: null, precision: 'year' });
    expect(only('visited Taiwan last month', '2025-08-09')).toEqual({ start: '2025-07-01', end: null, precision: 'month' });
  });

  it('extends a start day by the length of a visit', () => {
    expect(only('arrived in Ankara on Wednesday for a two-day visit', '2025-05-16')).toEqual({ start: '2025-05-14', end: '2025-05-15', precision: 'day' });
  });

  it('ignores dates anchored to another event and the modal "may"', () => {
    expect(findDates('a day after the raid, the talks may resume', '2025-05-16')).toEqual([]);
  });
});
