import { balance, cheapestWay, sideCosts, walkByDate } from '../../../src/db/shared-events';

test('two busy actors who share many events are read down the date index; a quiet one from its own events', () => {
  // 3 of 1,000,000 events, shared 10,000 times: about 300 index entries against 50,000 own events.
  expect(walkByDate(50_000, 10_000, 1_000_000, 3)).toBe(true);
  // The same two sharing 20 events: about 150,000 entries, more than the quieter one's 50,000 events.
  expect(walkByDate(50_000, 20, 1_000_000, 3)).toBe(false);
  expect(walkByDate(166, 166, 1_000_000, 200)).toBe(false);
});

test('two sides are read the cheapest of three ways: by pairs, one walk of the date index, or the quieter side once', () => {
  // Busy members sharing 20,000 events: about 10,000 index entries, against their pairs' 26,000 + 33,000 + 11,100.
  const busy = [
    { fewEvents: 26_000, shared: 700 },
    { fewEvents: 33_000, shared: 960 },
    { fewEvents: 55_000, shared: 18_000 },
  ];
  expect(cheapestWay(sideCosts(busy, [120_000, 400_000], 1_000_000, 200))).toBe('walk');
  // A quiet actor (7,800 events) against a side of busy members: its own events once, not once per pair.
  const quiet = [
    { fewEvents: 7_800, shared: 200 },
    { fewEvents: 7_800, shared: 150 },
    { fewEvents: 7_800, shared: 90 },
  ];
  expect(sideCosts(quiet, [7_800, 500_000], 1_000_000, 200)).toEqual({ pairs: 23_400, walk: (1_000_000 * 200) / 440, quieterSide: 7_800 });
  expect(cheapestWay(sideCosts(quiet, [7_800, 500_000], 1_000_000, 200))).toBe('quieterSide');
  // Two quiet pairs whose members are busy elsewhere: the pairs.
  expect(
    cheapestWay(
      sideCosts(
        [
          { fewEvents: 77, shared: 3 },
          { fewEvents: 46, shared: 1 },
        ],
        [5_000, 9_000],
        1_000_000,
        200,
      ),
    ),
  ).toBe('pairs');
});

test('pairs are spread over queries of about equal cost, the heaviest first', () => {
  const groups = balance([5, 1, 8, 3, 3], (n) => n, 2);
  expect(groups).toEqual([
    [8, 3],
    [5, 3, 1],
  ]);
  expect(balance([4], (n) => n, 2)).toEqual([[4]]);
  expect(balance([], (n: number) => n, 2)).toEqual([]);
});
