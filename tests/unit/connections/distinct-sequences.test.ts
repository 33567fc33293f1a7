import { distinctSequences } from '../../../src/connections/connections.service';

test('a path that comes back to an actor is a detour, and a sequence found twice counts once', () => {
  const found = distinctSequences([
    ['a', 'b', 'c'],
    ['a', 'b', 'c'],
    ['a', 'b', 'a', 'c'],
    ['a', 'd', 'c'],
  ]);
  expect(found).toEqual([
    ['a', 'b', 'c'],
    ['a', 'd', 'c'],
  ]);
});
