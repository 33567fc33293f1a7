import { randomUUID } from 'node:crypto';
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

export function requestLogger(logger: pino.Logger) {
  return pinoHttp({
    logger,
    genReqId: (_req, res) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // A watchlist's feed has its token in its address, the only key to it: the address is logged without it.
    serializers: { req: (req: { url?: string }) => ({ ...req, url: hideFeedToken(req.url ?? '') }) },
  });
}

export const hideFeedToken = (url: string) => url.replace(/\/watch\/feeds\/[^/?#]+/, '/watch/feeds/[redacted]');
