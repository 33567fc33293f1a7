import { LoginThrottle, REFUSE_AFTER, SLOW_AFTER } from '../../../src/accounts/throttle';

test('failed sign-ins are slowed after a few, then refused for a while; a success forgives', () => {
  let now = 0;
  const throttle = new LoginThrottle(() => now);
  const keys = ['name:bob', 'address:10.0.0.1'];
  for (let i = 0; i < SLOW_AFTER; i += 1) {
    expect(throttle.check(keys)).toEqual({ refusedForMs: 0, delayMs: 0 });
    throttle.fail(keys);
  }
  const slowed = throttle.check(keys).delayMs;
  expect(slowed).toBeGreaterThan(0);
  throttle.fail(keys);
  expect(throttle.check(keys).delayMs).toBeGreaterThan(slowed);
  for (let i = SLOW_AFTER + 1; i < REFUSE_AFTER; i += 1) throttle.fail(keys);
  expect(throttle.check(keys).refusedForMs).toBeGreaterThan(0);
  expect(throttle.check(['name:alice']).refusedForMs).toBe(0);
  expect(throttle.check(['name:alice', 'address:10.0.0.1']).refusedForMs).toBeGreaterThan(0);
  now += 16 * 60_000;
  expect(throttle.check(keys)).toEqual({ refusedForMs: 0, delayMs: 0 });
  throttle.fail(keys);
  throttle.succeed(keys);
  expect(throttle.check(keys)).toEqual({ refusedForMs: 0, delayMs: 0 });
});
