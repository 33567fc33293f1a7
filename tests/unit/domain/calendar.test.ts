import { firstDay, isValidPartialDate, lastDay, precisionOf } from '../../../src/domain/calendar';

describe('partial dates', () => {
  test.each(['2025', '2025-09', '2025-12-13', '2024-02-29'])('accepts %s', (value) => {
    expect(isValidPartialDate(value)).toBe(true);
  });

  test.each(['2025-02-30', '2023-02-29', '2025-13', '2025-00', '2025-1-1', '25', '2025/09', '', '2025-09-31'])('refuses %s', (value) => {
    expect(isValidPartialDate(value)).toBe(false);
  });

  test('precision is read off the form', () => {
    expect([precisionOf('2020'), precisionOf('2025-09'), precisionOf('2025-11-09')]).toEqual(['year', 'month', 'day']);
  });

  test('first and last day of each precision, leap years included', () => {
    expect([firstDay('2020'), lastDay('2020')]).toEqual(['2020-01-01', '2020-12-31']);
    expect([firstDay('2025-09'), lastDay('2025-09')]).toEqual(['2025-09-01', '2025-09-30']);
    expect([lastDay('2024-02'), lastDay('2025-02')]).toEqual(['2024-02-29', '2025-02-28']);
    expect([firstDay('2025-12-12'), lastDay('2025-12-12')]).toEqual(['2025-12-12', '2025-12-12']);
  });
});
