import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session ids and API tokens: random, shown to their owner once, and stored only as SHA-256 digests, so a copy
 * of the database lets nobody sign in. Lookups go by digest; comparisons of digests are in constant time.
 */
export const newSecret = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`;

export const digestOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export function sameSecret(offered: string, expected: string): boolean {
  const a = createHash('sha256').update(offered, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
