import { balance, walkByDate, walkSides } from '../../../src/db/shared-events';

test('two busy actors who share many events are read down the date index; a quiet one from its own events', () => {
  // 3 of 1,000,000 events, shared 10,000 times: about 300 index entries against 50,000 own events.
  expect(walkByDate(50_000, 10_000, 1_000_000, 3)).toBe(true);
  // The same two sharing 20 events: about 150,000 entries, more than the quieter one's 50,000 events.
  expect(walkByDate(50_000, 20, 1_000_000, 3)).toBe(false);
  expect(walkByDate(166, 166, 1_000_000, 200)).toBe(false);
});

test("two sides of many busy members are read in one walk of the date index; a few quiet pairs one by one", () => {
  // 200 of 1,000,000 events, shared 20,000 times by the sides: about 10,000 entries, against 26,000 own events
  // of the quieter member in the biggest pair alone.
  const busy = [{ fewEvents: 26_000, shared: 700 }, { fewEvents: 33_000, shared: 960 }, { fewEvents: 55_000, shared: 18_000 }];
  expect(walkSides(busy, 1_000_000, 200)).toBe(true);
  // Two quiet members sharing a few events: their own events are fewer than any walk.
  expect(walkSides([{ fewEvents: 77, shared: 3 }, { fewEvents: 46, shared: 1 }], 1_000_000, 200)).toBe(false);
  expect(walkSides([], 1_000_000, 200)).toBe(false);
});

test('pairs are spread over queries of about equal cost, the heaviest first', () => {
  const groups = balance([5, 1, 8, 3, 3], (n) => n, 2);
  expect(groups).toEqual([[8, 3], [5, 3, 1]]);
  expect(balance([4], (n) => n, 2)).toEqual([[4]]);
  expect(balance([], (n: number) => n, 2)).toEqual([]);
});
