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

  it('reads a month placed by its year from publication, a weekday of last week and a day of the month alone', () => {
    const day = (start: string) => ({ start, end: null, precision: 'day' });
    expect(only('Peru cut ties in March last year.', '2025-06-14')).toEqual({ start: '2024-03-01', end: null, precision: 'month' });
    expect(only('Peru cut ties in January of this year.', '2025-06-14')?.start).toBe('2025-01-01');
    expect(only('Peru cut ties on Wednesday last week.', '2025-06-14')).toEqual(day('2025-06-04'));
    expect(only('Iran freed the sailors on the 12th.', '2025-06-14')).toEqual(day('2025-06-12'));
    // a day still to come this month is last month's
    expect(only('Iran freed the sailors on the 20th.', '2025-06-14')).toEqual(day('2025-05-20'));
    expect(findDates('the 12th round of talks', '2025-06-14')).toEqual([]);
  });

  it('reads "mid-May", "a fortnight ago", "a year ago" and "this past weekend"', () => {
    expect(only('In mid-May Peru cut ties.', '2025-06-14')).toEqual({ start: '2025-05-01', end: null, precision: 'month' });
    expect(only('In mid-July Peru cut ties.', '2025-06-14')?.start).toBe('2024-07-01');
    expect(only('A fortnight ago Peru cut ties.', '2025-06-14')?.start).toBe('2025-05-31');
    expect(only('Peru cut ties a year ago.', '2025-06-14')).toEqual({ start: '2024-06-01', end: null, precision: 'month' });
    expect(only('This past weekend Peru cut ties.', '2025-06-16')).toEqual({ start: '2025-06-14', end: '2025-06-15', precision: 'day' });
  });

  it('opens a span on the bare day before a date ("between 10 and 12 June")', () => {
    expect(only('Talks were held between 10 and 12 June.', '2025-06-14')).toEqual({ start: '2025-06-10', end: '2025-06-12', precision: 'day' });
    expect(only('Peru cut ties on 9 and 10 June.', '2025-06-14')).toEqual({ start: '2025-06-09', end: '2025-06-10', precision: 'day' });
  });

  it('counts years on from a year ("eleven years after the 2014 annexation"), and drops it when the count reaches publication', () => {
    expect(only('Eleven years after the 2014 annexation, Ukraine asked the court to rule.', '2026-03-04')).toEqual({
      start: '2025-01-01',
      end: null,
      precision: 'year',
    });
    expect(findDates('Ten years after the annexation of Crimea in 2014, the EU extended its sanctions.', '2024-03-04')).toEqual([]);
  });

  it('reads a date after "to" and a name as past, and one in a future or a plan as to come', () => {
    expect(only('Japan lifted curbs on exports to South Korea in March.', '2023-06-16')?.start).toBe('2023-03-01');
    expect(only('Xi will travel to Moscow in March.', '2023-06-16')?.start).toBe('2024-03-01');
    expect(only('Japan agreed to return to the table in March.', '2023-06-16')?.start).toBe('2024-03-01');
  });

  it('reads "last weekend" in lower case as the weekend before publication', () => {
    expect(only('The ministers met in Singapore last weekend.', '2023-06-16')).toEqual({ start: '2023-06-10', end: '2023-06-11', precision: 'day' });
  });

  it('reads the day a measure takes effect as the one nearest publication', () => {
    expect(only('Belarus banned imports of EU food products from July 1.', '2021-06-22')?.start).toBe('2021-07-01');
    expect(only('Belarus banned imports of EU food products from July 1.', '2021-07-20')?.start).toBe('2021-07-01');
    expect(only('The ban takes effect on January 3.', '2021-12-20')?.start).toBe('2022-01-03');
  });

  it('counts "two days after" back from the day the sentence tells after it, when it opens the sentence', () => {
    const found = findDates('Two days after Ethiopia expelled its envoy, Egypt recalled its ambassador on Friday.', '2025-06-14');
    expect(found.map((m) => m.date.start)).toEqual(['2025-06-11', '2025-06-13']);
  });
});
