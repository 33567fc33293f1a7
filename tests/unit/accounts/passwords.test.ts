import { hashPassword, verifyPassword } from '../../../src/accounts/passwords';
import { digestOf, newSecret, sameSecret } from '../../../src/accounts/secrets';

test('a password is kept as a salted scrypt hash that only it matches', async () => {
  const hash = await hashPassword('correct horse battery');
  expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
  expect(hash).not.toContain('correct horse battery');
  expect(await hashPassword('correct horse battery')).not.toBe(hash);
  expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  expect(await verifyPassword('correct horse battery', 'not a hash')).toBe(false);
});

test('secrets are random, stored as digests, and compared whatever their length', () => {
  const a = newSecret('kbt');
  expect(a).toMatch(/^kbt_[A-Za-z0-9_-]{32}$/);
  expect(newSecret('kbt')).not.toBe(a);
  expect(digestOf(a)).toMatch(/^[0-9a-f]{64}$/);
  expect(sameSecret(a, a)).toBe(true);
  expect(sameSecret(a.slice(0, 10), a)).toBe(false);
});
