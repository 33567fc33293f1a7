import type { Server } from 'node:http';
import type { Express } from 'express';

/**
 * How long an idle kept-alive connection stays open. Node's default, 5 s, closes it while a client or a proxy may be
 * about to reuse it: the request sent on it then meets a reset (ECONNRESET) instead of an answer, which a busy
 * server makes likely (its own answers and the close compete for one event loop). Longer than the 60 s after which
 * common proxies and load balancers drop an idle connection, so that they close first.
 */
export const KEEP_ALIVE_MS = 65_000;

/** The app listening on `port` of `host`, its connections kept alive as above. */
export function listen(app: Express, port: number, host: string, ready?: () => void): Server {
  const server = app.listen(port, host, ready);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // A request's headers must be allowed longer than the connection's idle time, or Node cuts a kept connection's
  // next request short.
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  return server;
}

/**
 * Stops taking connections and resolves once the responses in flight are finished: idle connections are closed at
 * once, and each busy one as soon as its response is sent (kept alive no longer).
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.keepAliveTimeout = 1;
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
