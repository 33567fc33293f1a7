import http from 'node:http';
import zlib from 'node:zlib';
import { elapsedMs } from './common';

/**
 * The query benchmark's client: a GET that reads the whole answer and decodes it, timed. It asks for gzip as
 * fetch does (`Accept-Encoding: gzip, deflate`), so the app compresses as it would for any client, and decodes the
 * body in one synchronous call once it has all of it. fetch decodes through a stream instead, a trip to the thread
 * pool per piece: on a busy 2-core machine that added 1–3 ms to a 60 kB answer, in the same process as the app,
 * and counted as the API's own time though no part of the app's work.
 */

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

const DECODE: Record<string, (body: Buffer) => Buffer> = {
  gzip: (body) => zlib.gunzipSync(body),
  deflate: (body) => zlib.inflateSync(body),
  br: (body) => zlib.brotliDecompressSync(body),
};

export function getJson(url: string): Promise<{ status: number; ms: number; bytes: number }> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { accept: 'application/json', 'accept-encoding': 'gzip, deflate' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const decode = DECODE[String(response.headers['content-encoding'] ?? '')];
        const body = decode ? decode(raw) : raw;
        resolve({ status: response.statusCode ?? 0, ms: elapsedMs(start), bytes: body.length });
      });
    });
    request.on('error', reject);
  });
}
