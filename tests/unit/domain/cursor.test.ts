import { decodeCursor, encodeCursor } from '../../../src/domain/cursor';
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
