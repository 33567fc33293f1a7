import { walkByDate } from '../../../src/db/shared-events';

test('two busy actors who share many events are read down the date index; a quiet one from its own events', () => {
  // 3 of 1,000,000 events, shared 10,000 times: about 300 index entries against 50,000 own events.
  expect(walkByDate(50_000, 10_000, 1_000_000, 3)).toBe(true);
  // The same two sharing 20 events: about 150,000 entries, more than the quieter one's 50,000 events.
  expect(walkByDate(50_000, 20, 1_000_000, 3)).toBe(false);
  expect(walkByDate(166, 166, 1_000_000, 200)).toBe(false);
});
