import { paragraphsOf, quoteInContext } from '../../../src/pages/article-text';
import { formatEventDate, formatPeriod } from '../../../src/domain/date-words';
import { bucketEnd, bucketUnitFor } from '../../../src/timeline/timeline.service';

/** Pure helpers of the browsing pages: dates in words, article highlighting, timeline buckets. */

const mention = (id: string) => ({ id, title: id, typeLabel: 'Talks' });

test('event dates read as precisely as they are known', () => {
  expect(formatEventDate({ start: '2025-12-12', end: '2025-12-13', precision: 'day' })).toBe('12–13 December 2025');
  expect(formatEventDate({ start: '2025-11-30', end: '2025-12-02', precision: 'day' })).toBe('30 November – 2 December 2025');
  expect(formatEventDate({ start: '2025-11-09', end: null, precision: 'day' })).toBe('9 November 2025');
  expect(formatEventDate({ start: '2025-09-01', end: null, precision: 'month' })).toBe('September 2025');
  expect(formatEventDate({ start: '2025-11-01', end: '2025-12-31', precision: 'month' })).toBe('November–December 2025');
  expect(formatEventDate({ start: '2020-01-01', end: null, precision: 'year' })).toBe('2020');
  expect(formatEventDate({ start: '2024-12-30', end: '2025-01-02', precision: 'day' })).toBe('30 December 2024 – 2 January 2025');
});

test('role periods: since, between, formerly, current', () => {
  expect(formatPeriod('2025-11-09', null, false)).toBe('since 9 November 2025');
  expect(formatPeriod('2019', '2021-06', false)).toBe('2019 – June 2021');
  expect(formatPeriod(null, null, true)).toBe('formerly');
  expect(formatPeriod(null, null, false)).toBe('current');
});

test('an article is cut into paragraphs whose quoted runs carry their events, overlaps split where they meet', () => {
  const text = 'Heading\nAlpha beta. Gamma delta.\nEpsilon.';
  const alpha = text.indexOf('Alpha beta.');
  const gamma = text.indexOf('Gamma delta.');
  const paragraphs = paragraphsOf(text, [
    { start: alpha, end: alpha + 'Alpha beta.'.length, event: mention('a') },
    { start: alpha, end: gamma + 'Gamma delta.'.length, event: mention('b') },
  ]);
  expect(paragraphs.map((p) => p.heading)).toEqual([true, false, false]);
  const runs = paragraphs[1]!.runs.map((r) => [r.text, r.events.map((e) => e.id), r.anchors]);
  expect(runs).toEqual([
    ['Alpha beta.', ['a', 'b'], [`q-${alpha}`]],
    [' Gamma delta.', ['b'], []],
  ]);
  expect(paragraphs[2]!.runs).toEqual([{ text: 'Epsilon.', events: [], anchors: [] }]);
});

test('a quote is shown inside its paragraph', () => {
  const text = 'First paragraph.\nBefore it. The quote. After it.\nLast.';
  expect(quoteInContext(text, 'The quote.')).toEqual({ before: 'Before it. ', quote: 'The quote.', after: ' After it.', start: text.indexOf('The quote.') });
  expect(quoteInContext(text, 'not there')).toBeNull();
});

test('timeline buckets: the finest unit keeping a row within 30 buckets, and where each ends', () => {
  expect(bucketUnitFor('2025-12-01', '2025-12-20')).toBe('day');
  expect(bucketUnitFor('2025-01-01', '2025-06-30')).toBe('week');
  expect(bucketUnitFor('2024-01-01', '2024-12-31')).toBe('month');
  expect(bucketUnitFor('2020-01-01', '2025-12-31')).toBe('quarter');
  expect(bucketUnitFor('1990-01-01', '2015-12-31')).toBe('year');
  expect(bucketUnitFor('1900-01-01', '2030-12-31')).toBe('decade');
  expect(bucketEnd('2024-01-01', 'month')).toBe('2024-02-01');
  expect(bucketEnd('2024-12-30', 'week')).toBe('2025-01-06');
  expect(bucketEnd('2020-01-01', 'decade')).toBe('2030-01-01');
});
