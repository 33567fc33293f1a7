import { isPrivateAddress } from '../../../src/net/safe-fetch';

test.each([
  ['127.0.0.1', true],
  ['10.20.30.40', true],
  ['172.20.1.1', true],
  ['192.168.1.1', true],
  ['169.254.169.254', true],
  ['100.64.0.1', true],
  ['0.0.0.0', true],
  ['::1', true],
  ['fe80::1', true],
  ['fd12:3456::1', true],
  ['::ffff:127.0.0.1', true],
  ['93.184.216.34', false],
  ['172.32.0.1', false],
  ['2606:2800:220:1::248', false],
  ['::ffff:93.184.216.34', false],
])('%s is private: %s', (address, expected) => {
  expect(isPrivateAddress(address)).toBe(expected);
});
