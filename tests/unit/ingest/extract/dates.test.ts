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

  it('reads the week and weekend of publication, and a deadline as the month to come', () => {
    expect(only('criticised China this week', '2024-06-12')).toEqual({ start: '2024-06-10', end: '2024-06-12', precision: 'day' });
    expect(only('praised Argentina over the weekend', '2024-06-12')).toEqual({ start: '2024-06-08', end: '2024-06-09', precision: 'day' });
    expect(findDates('threatened sanctions if the fighting did not stop by August', '2012-06-15').map((m) => m.date.start)).toEqual(['2012-08-01']);
  });

  it('counts "the next day", "the following week" and "days later" from the day told before', () => {
    expect(findDates('The government answered the next day by ordering diplomats to leave within 48 hours', '1989-08-25', '1989-08-21')[0]?.date.start).toBe(
      '1989-08-22',
    );
    expect(findDates('The following week, Sudan released 20 prisoners.', '2024-06-12', '2024-03-03')[0]?.date).toEqual({
      start: '2024-03-04',
      end: '2024-03-10',
      precision: 'day',
    });
    expect(findDates('Days later, Poland expelled a diplomat.', '2024-06-12', '2024-05-22')[0]?.date).toEqual({
      start: '2024-05-23',
      end: '2024-05-28',
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
