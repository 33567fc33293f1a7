import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { createLogger, requestLogger } from '../../../src/http/logger';

/** An app that answers with what the request logger gave the request; the log lines written, kept. */
async function answerWith(level: string) {
  const lines: string[] = [];
  const destination = new Writable({ write: (chunk, _encoding, done) => done(void lines.push(String(chunk))) });
  const logger = createLogger({ LOG_LEVEL: level as 'info' }, destination);
  const app = express()
    .use(requestLogger(logger))
    .get('/', (req, res) => {
      req.log.info('inside');
      res.json({ id: req.id, logs: typeof req.log.warn });
    });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return { header: response.headers.get('x-request-id'), body: (await response.json()) as { id: string; logs: string }, lines };
  } finally {
    server.close();
  }
}

describe('the request logger', () => {
  test('with logs on, each request has an id, in X-Request-Id and in its log lines', async () => {
    const { header, body, lines } = await answerWith('info');
    expect(header).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toEqual({ id: header, logs: 'function' });
    expect(lines.map((line) => JSON.parse(line).req?.id)).toContain(header);
  });

  test('with logs off, each request still has its id and a logger to call, and nothing is written', async () => {
    const { header, body, lines } = await answerWith('silent');
    expect(header).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toEqual({ id: header, logs: 'function' });
    expect(lines).toEqual([]);
  });
});
