import { monthsCarried } from '../../../src/places/place-counts';
import { planWindow } from '../../../src/places/window-plan';

/** How a window is split into whole years, whole months and the days at its edges (src/places/window-plan.ts). */
describe('planWindow', () => {
  test('a calendar year is its year alone, with the events carried into its January', () => {
    expect(planWindow('2024-01-01', '2024-12-31')).toEqual({
      counted: true,
      years: { from: 2024, to: 2024 },
      months: [],
      carried: '2024-01-01',
      startDays: null,
      endingDays: null,
      endDays: null,
    });
  });

  test('whole months across a new year, then days at either edge', () => {
    expect(planWindow('2023-11-01', '2024-02-29')).toMatchObject({ years: null, months: ['2023-11-01', '2023-12-01', '2024-01-01', '2024-02-01'] });
    expect(planWindow('2023-02-10', '2025-03-20')).toEqual({
      counted: true,
      years: { from: 2024, to: 2024 },
      months: [
        '2023-03-01',
        '2023-04-01',
        '2023-05-01',
        '2023-06-01',
        '2023-07-01',
        '2023-08-01',
        '2023-09-01',
        '2023-10-01',
        '2023-11-01',
        '2023-12-01',
        '2025-01-01',
        '2025-02-01',
      ],
      carried: '2023-03-01',
      startDays: { from: '2023-02-10', to: '2023-02-28' },
      endingDays: { from: '2023-02-10', to: '2023-02-28' },
      endDays: { from: '2025-03-01', to: '2025-03-20' },
    });
  });

  test('open sides leave the years unbounded; a window within a month is counted from its events', () => {
    expect(planWindow(undefined, '2024-02-15')).toMatchObject({
      years: { from: null, to: 2023 },
      months: ['2024-01-01'],
      carried: null,
      endDays: { from: '2024-02-01', to: '2024-02-15' },
    });
    expect(planWindow('2024-12-01', undefined)).toMatchObject({
      years: { from: 2025, to: null },
      months: ['2024-12-01'],
      carried: '2024-12-01',
      startDays: null,
    });
    expect(planWindow('2024-02-03', '2024-02-27')).toEqual({ counted: false });
    expect(planWindow('2024-01-20', '2024-02-10')).toEqual({ counted: false });
  });
});

describe('monthsCarried', () => {
  test('the months after the first up to the last day’s, across a year', () => {
    expect(monthsCarried('2023-11-20', '2024-02-03')).toEqual(['2023-12', '2024-01', '2024-02']);
    expect(monthsCarried('2024-02-01', '2024-02-29')).toEqual([]);
    expect(monthsCarried('2024-02-01', null)).toEqual([]);
  });
});
