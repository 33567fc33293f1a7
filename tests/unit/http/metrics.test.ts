import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../../../src/db/query';
import { createMetrics } from '../../../src/http/metrics';

/** Who may read /metrics: the socket's address decides (never a forwarded header), unless METRICS_PUBLIC. */
function ask(metricsPublic: boolean, remoteAddress: string): Promise<'served' | 'passed on'> {
  const { serve } = createMetrics({} as Db, { METRICS_PUBLIC: metricsPublic });
  return new Promise((resolve) => {
    const res = { set: () => res, send: () => resolve('served') } as unknown as Response;
    const req = { socket: { remoteAddress }, headers: { 'x-forwarded-for': '127.0.0.1' } } as unknown as Request;
    serve(req, res, (() => resolve('passed on')) as NextFunction);
  });
}

test('the loopback is answered, any other address is passed on (a page not found), unless METRICS_PUBLIC', async () => {
  expect(await ask(false, '127.0.0.1')).toBe('served');
  expect(await ask(false, '::1')).toBe('served');
  expect(await ask(false, '::ffff:127.0.0.2')).toBe('served');
  expect(await ask(false, '192.0.2.10')).toBe('passed on');
  expect(await ask(false, '::ffff:192.0.2.10')).toBe('passed on');
  expect(await ask(true, '192.0.2.10')).toBe('served');
});
