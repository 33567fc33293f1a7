import type { z } from 'zod';
import { loadConfig } from '../../../src/config/settings';

/** HOST and TRUST_PROXY: what they take, what express is given, and a refusal naming the setting. */

/** The settings' problems as the start prints them: each with the name of its variable. */
function refusal(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as z.ZodError).issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

describe('HOST', () => {
  test('stays on loopback unless asked', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
  });

  test.each(['127.0.0.2', '0.0.0.0', '192.168.1.20', '::', '::1', 'localhost', 'kb.lan'])('takes %s', (host) => {
    expect(loadConfig({ HOST: host }).HOST).toBe(host);
  });

  test.each(['http://0.0.0.0', 'kb lan', '0.0.0.0:3000', ''])('refuses %j, naming HOST', (host) => {
    expect(refusal({ HOST: host })).toEqual(['HOST: must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name']);
  });
});

describe('TRUST_PROXY', () => {
  test.each<[string | undefined, boolean | number | string[]]>([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
    ['172.17.0.1,fc00::/7,uniquelocal', ['172.17.0.1', 'fc00::/7', 'uniquelocal']],
  ])('%j is given to express as %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  test.each(['yes', 'lopback', '10.0.0.300', '100', 'loopback,'])('refuses %j, naming TRUST_PROXY', (value) => {
    expect(refusal({ TRUST_PROXY: value })).toEqual([
      'TRUST_PROXY: must be false, true, a number of hops, or a comma-separated list of addresses, ranges, loopback, linklocal, uniquelocal',
    ]);
  });
});
