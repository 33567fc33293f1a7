import { decodeCursor, encodeCursor, keysetCodec } from '../../../src/domain/cursor';
import { InvalidError } from '../../../src/domain/errors';

describe('event cursors', () => {
  test('round-trip a position', () => {
    expect(decodeCursor(encodeCursor('2025-12-12', 'talks-minsk-2025-12'))).toEqual({ afterDate: '2025-12-12', afterId: 'talks-minsk-2025-12' });
  });

  test.each(['garbage', Buffer.from('["not-a-date","x"]').toString('base64url'), Buffer.from('{}').toString('base64url')])(
    'refuse %s as a bad request on the cursor field',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(InvalidError);
    },
  );
});

describe('keyset cursors of a list', () => {
  const drafts = keysetCodec('drafts', ['datetime', 'string']);
  const changes = keysetCodec('sanctions-changes', ['date', 'string', 'int']);

  test('round-trip the keys of the last item, as the database returns them', () => {
    const keys = ['2026-11-30T15:21:04.123000000Z', 'draft-abc123'];
    expect(drafts.decode(drafts.encode(keys))).toEqual(keys);
    expect(changes.decode(changes.encode(['2025-09-01', 'a|b|*|1', 2]))).toEqual(['2025-09-01', 'a|b|*|1', 2]);
  });

  test('refuse the cursor of another list, even when its keys would fit', () => {
    const other = keysetCodec('tokens', ['datetime', 'string']);
    expect(() => drafts.decode(other.encode(['2026-11-30T15:21:04Z', 'x']))).toThrow(InvalidError);
  });

  test.each([
    ['a day that does not exist', ['2025-02-30', 'x', 1]],
    ['a day in another form', ['2025-9-1', 'x', 1]],
    ['a whole number that is not', ['2025-09-01', 'x', 1.5]],
    ['a name that is a number', ['2025-09-01', 7, 1]],
    ['a key too few', ['2025-09-01', 'x']],
    ['a key too many', ['2025-09-01', 'x', 1, 2]],
  ])('refuse %s as a bad request on the cursor field', (_what, keys) => {
    expect(() => changes.decode(changes.encode(keys))).toThrow(expect.objectContaining({ name: 'InvalidError', path: 'cursor' }));
  });

  test('refuse a date-time on a day that does not exist, or without its zone', () => {
    expect(() => drafts.decode(drafts.encode(['2026-02-30T10:00:00Z', 'x']))).toThrow(InvalidError);
    expect(() => drafts.decode(drafts.encode(['2026-11-30T10:00:00', 'x']))).toThrow(InvalidError);
  });
});
