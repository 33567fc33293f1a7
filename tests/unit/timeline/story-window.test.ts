import { densestStretch, widened } from '../../../src/timeline/timeline.service';

describe('the densest stretch of the latest events', () => {
  test('leaves out old context: an election years before does not stretch the story', () => {
    const days = [
      '2020-08-09',
      '2022-02-24',
      '2025-09-10',
      '2025-09-11',
      '2025-09-15',
      '2025-11-09',
      '2025-12-12',
      '2025-12-13',
      '2025-12-13',
      '2025-12-14',
      '2025-12-15',
    ];
    expect(densestStretch(days, Math.ceil(days.length * 0.8))).toEqual(['2025-09-10', '2025-12-15']);
  });

  test('of stretches as short as each other, the latest', () => {
    const days = ['2024-01-01', '2024-01-02', '2024-06-01', '2024-06-02'];
    expect(densestStretch(days, 2)).toEqual(['2024-06-01', '2024-06-02']);
  });

  test('one event: its own day', () => {
    expect(densestStretch(['2024-03-03'], 1)).toEqual(['2024-03-03', '2024-03-03']);
  });
});

describe('the stretch widened to the events near it', () => {
  test('an event a few days before joins the story; one years before does not', () => {
    const days = ['2022-02-24', '2025-09-01', '2025-09-10', '2025-11-09', '2025-12-12', '2025-12-13'];
    expect(widened(days, ['2025-09-10', '2025-12-13'])).toEqual(['2025-09-01', '2025-12-13']);
  });
});
