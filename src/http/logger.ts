import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config/settings';

/**
 * Structured logs, one line per request with its id; secrets are redacted wherever they might appear.
 * Lines go to stdout unless another destination is given (tests read them from a stream).
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', 'req.params.token'],
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A request's id, in its answer's X-Request-Id header (and in its log line, when there is one). */
function requestId(res: ServerResponse): string {
  const id = randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

export function requestLogger(logger: pino.Logger): RequestHandler {
  // With request logs off, no per-request logger: pino-http makes one for every request, serialising the whole
  // request into it (0.15-0.2 ms of each answer on a busy machine) whether or not it ever writes a line.
  if (logger.level === 'silent') return silentRequests(logger);
  return pinoHttp({
    logger,
    genReqId: (_req, res) => requestId(res),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // A watchlist's feed has its token in its address, the only key to it: the address is logged without it.
    serializers: { req: (req: { url?: string }) => ({ ...req, url: hideFeedToken(req.url ?? '') }) },
  });
}

export const hideFeedToken = (url: string) => url.replace(/\/watch\/feeds\/[^/?#]+/, '/watch/feeds/[redacted]');

/** What pino-http gives each request, without a logger of its own: its id, and the app's (silent) logger. */
function silentRequests(logger: pino.Logger): RequestHandler {
  return (req, res, next) => {
    req.id = requestId(res);
    req.log = logger;
    next();
  };
}
