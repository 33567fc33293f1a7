import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/**
 * Outbound requests that cannot be turned against the machine or its network: only http and https, no
 * address on loopback, private, link-local, shared or multicast networks (checked after DNS resolution and
 * again at every redirect; the connection goes to the address that was checked, so a second lookup cannot
 * swap it), a deadline for the whole exchange, a size limit, and a bounded number of redirects. `allowPrivate`
 * lifts the address rule (the FETCH_ALLOW_PRIVATE setting; the tests use it for their own local server).
 */

export interface FetchLimits {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface Fetched {
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
}

/** Why a fetch was refused or failed, in words for the person who gave the address. */
export class FetchError extends Error {
  constructor(
    readonly reason: 'address' | 'private' | 'unreachable' | 'timeout' | 'too large' | 'redirects' | 'status',
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

const BLOCKED = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  BLOCKED.addSubnet(address, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return BLOCKED.check(mapped, 'ipv4');
  return BLOCKED.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

async function resolve(url: URL, limits: FetchLimits): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let found: dns.LookupAddress[];
  try {
    found = net.isIP(host) ? [{ address: host, family: net.isIPv6(host) ? 6 : 4 }] : await dns.promises.lookup(host, { all: true });
  } catch {
    throw new FetchError('unreachable', `The host ${url.hostname} could not be found.`);
  }
  const refused = found.find((a) => isPrivateAddress(a.address));
  if (refused && !limits.allowPrivate) {
    throw new FetchError('private', `${url.hostname} is on a private, loopback or link-local network (${refused.address}); such addresses are refused.`);
  }
  const first = found[0];
  if (!first) throw new FetchError('unreachable', `The host ${url.hostname} has no address.`);
  return first;
}

/** A body to send: a POST of it, instead of a GET. */
export interface Outgoing {
  body: string;
  headers: Record<string, string>;
}

/** GETs `address`, following redirects, within the limits. */
export function safeFetch(address: string, limits: FetchLimits): Promise<Fetched> {
  return exchange(address, limits);
}

/**
 * POSTs `outgoing` to `address` under the same rules (webhooks). A redirect is not followed: a POST is not
 * repeated to another address, and the 3xx answer is returned as it is.
 */
export function safePost(address: string, outgoing: Outgoing, limits: FetchLimits): Promise<Fetched> {
  return exchange(address, { ...limits, maxRedirects: 0 }, outgoing);
}

async function exchange(address: string, limits: FetchLimits, outgoing?: Outgoing): Promise<Fetched> {
  const deadline = Date.now() + limits.timeoutMs;
  let url = parse(address);
  for (let hop = 0; hop <= limits.maxRedirects; hop += 1) {
    const target = await resolve(url, limits);
    const answer = await get(url, target, limits, deadline, outgoing);
    if (answer.redirect !== undefined && outgoing) return answer.fetched;
    if (answer.redirect === undefined) return answer.fetched;
    url = parse(new URL(answer.redirect, url).toString());
  }
  throw new FetchError('redirects', `More than ${limits.maxRedirects} redirects.`);
}

function parse(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchError('address', `"${address}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('address', 'Only http and https addresses can be fetched.');
  return url;
}

function get(
  url: URL,
  target: { address: string; family: number },
  limits: FetchLimits,
  deadline: number,
  outgoing?: Outgoing,
): Promise<{ fetched: Fetched; redirect?: string }> {
  return new Promise((resolvePromise, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: outgoing ? 'POST' : 'GET',
      // The checked address, not a second lookup.
      lookup: (_host: string, _options: unknown, callback: (e: Error | null, address: string, family: number) => void) =>
        callback(null, target.address, target.family),
      headers: outgoing
        ? { 'user-agent': 'diplomatic-events-kb (webhook)', 'content-length': String(Buffer.byteLength(outgoing.body)), ...outgoing.headers }
        : { 'user-agent': 'diplomatic-events-kb (article fetch)', accept: 'text/html,application/xhtml+xml' },
    } as http.RequestOptions);
    request.end(outgoing?.body);
    const timer = setTimeout(
      () => request.destroy(new FetchError('timeout', `No complete answer within ${limits.timeoutMs / 1000} s.`)),
      Math.max(0, deadline - Date.now()),
    );
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(
        error instanceof FetchError
          ? error
          : new FetchError('unreachable', `${url.host} could not be reached (${(error as NodeJS.ErrnoException).code ?? error.message}).`),
      );
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        clearTimeout(timer);
        response.resume();
        const fetched = { url: url.toString(), status, contentType: '', body: Buffer.alloc(0) };
        return resolvePromise({ fetched, redirect: response.headers.location });
      }
      if (Number(response.headers['content-length'] ?? 0) > limits.maxBytes) {
        request.destroy(new FetchError('too large', `The page is larger than ${limits.maxBytes} bytes.`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) request.destroy(new FetchError('too large', `The page is larger than ${limits.maxBytes} bytes.`));
        else chunks.push(chunk);
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolvePromise({ fetched: { url: url.toString(), status, contentType: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks) } });
      });
      response.on('error', (error) => request.destroy(error));
    });
  });
}
