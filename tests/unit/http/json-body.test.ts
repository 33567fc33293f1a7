import { encodingFor } from '../../../src/http/json-body';

describe('the encoding of a JSON answer', () => {
  test('brotli when the client takes it at least as gladly as gzip, gzip when it prefers gzip or takes only it', () => {
    expect(encodingFor('gzip, deflate, br')).toBe('br');
    expect(encodingFor('br;q=0.5, gzip')).toBe('gzip');
    expect(encodingFor('gzip, deflate')).toBe('gzip');
    expect(encodingFor('br')).toBe('br');
    expect(encodingFor('*')).toBe('br');
    expect(encodingFor('gzip;q=0.8, *;q=0.1')).toBe('gzip');
  });

  test('none without the header, for identity alone, or when both are refused', () => {
    expect(encodingFor(undefined)).toBeNull();
    expect(encodingFor('identity')).toBeNull();
    expect(encodingFor('br;q=0, gzip;q=0')).toBeNull();
    expect(encodingFor('deflate')).toBeNull();
  });
});
