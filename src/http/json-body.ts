import zlib from 'node:zlib';
import type { Request, Response } from 'express';

/**
 * An API answer as JSON, compressed here in one synchronous call when it is large enough and the client takes
 * gzip or brotli, rather than by the compression middleware's stream (which would hand each 16 KB piece to the
 * thread pool and back: a few milliseconds per large answer on a busy 2-core machine). The result is what the
 * middleware would send (same encodings, same preference for brotli, `Vary: Accept-Encoding`, an ETag, 304 when
 * fresh); the middleware leaves an answer that is already encoded alone, and still compresses pages and files.
 */

/** Below this, an answer is sent as it is (as the middleware's default threshold). */
const THRESHOLD_BYTES = 1024;

const ENCODE: Record<'br' | 'gzip', (text: string) => Buffer> = {
  br: (text) => zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.length } }),
  // Level 1: a third of the default level's time on JSON, for a fifth more bytes.
  gzip: (text) => zlib.gzipSync(text, { level: 1 }),
};

/** The quality the client gives an encoding in its Accept-Encoding (`*` counts for those it does not name). */
function quality(header: string, encoding: string): number {
  let any = 0;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find((m) => m !== null);
    const value = q ? Number(q[1]) : 1;
    if (name === encoding) return value;
    if (name === '*') any = value;
  }
  return any;
}

/** Brotli when the client takes it at least as gladly as gzip (as the middleware prefers it), else gzip, else none. */
export function encodingFor(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const br = quality(header, 'br');
  const gzip = quality(header, 'gzip');
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : null;
}

export function sendJson(req: Request, res: Response, body: unknown): void {
  const text = JSON.stringify(body);
  res.vary('Accept-Encoding');
  // A HEAD is encoded as its GET would be, so that its length and ETag are the GET's (a cache may revalidate with it).
  const encoding = text.length >= THRESHOLD_BYTES ? encodingFor(req.get('accept-encoding')) : null;
  res.type('json');
  if (encoding !== null) {
    res.set('Content-Encoding', encoding);
    res.send(ENCODE[encoding](text));
    return;
  }
  res.send(text);
}
