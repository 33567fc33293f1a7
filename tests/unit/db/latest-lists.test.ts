import { listAnswers, newestOfLists } from '../../../src/db/shared-events';
import { latestChanges } from '../../../src/ingest/summaries';

test("a write changes a pair's list by the events it no longer shares (or shares on another day) and the new ones", () => {
  const before = [
    { id: 'e1', type: 'talks', date: '2025-01-01', actors: ['b', 'a'] },
    { id: 'e2', type: 'talks', date: '2025-01-02', actors: ['a', 'b', 'c'] },
  ];
  const after = [
    { id: 'e1', type: 'agreement', date: '2025-01-01', actors: ['a', 'b'] },
    { id: 'e2', type: 'talks', date: '2025-02-02', actors: ['a', 'b'] },
    { id: 'e3', type: 'talks', date: '2025-03-01', actors: ['c', 'a'] },
  ];
  expect(latestChanges(before, after)).toEqual([
    { key: 'a|b', drop: ['e2'], add: [{ id: 'e2', date: '2025-02-02' }] },
    { key: 'a|c', drop: ['e2'], add: [{ id: 'e3', date: '2025-03-01' }] },
    { key: 'b|c', drop: ['e2'], add: [] },
  ]);
  expect(latestChanges(after, after)).toEqual([]);
});

test('the lists of several pairs merge into the newest events, each once, ties in id order', () => {
  const lists: Array<Array<[string, string]>> = [
    [
      ['e3', '2025-03-01'],
      ['e1', '2025-01-01'],
    ],
    [
      ['e4', '2025-03-01'],
      ['e3', '2025-03-01'],
      ['e2', '2025-02-01'],
    ],
  ];
  expect(newestOfLists(lists, 3)).toEqual(['e3', 'e4', 'e2']);
  expect(newestOfLists([], 3)).toEqual([]);
});

test('a list answers when it holds all the shared events, or as many in the window as asked', () => {
  expect(listAnswers({ shared: 5, listed: 5, latest: [] }, 200)).toBe(true);
  expect(listAnswers({ shared: 900, listed: 256, latest: Array(200).fill(['e', '2025-01-01']) }, 200)).toBe(true);
  expect(listAnswers({ shared: 900, listed: 256, latest: Array(12).fill(['e', '2025-01-01']) }, 200)).toBe(false);
});
