import { Router } from 'express';
import { z } from 'zod';
import { read, type Db } from '../db/query';
import { describeError } from '../http/errors';

export const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['up', 'down']),
  counts: z.object({ events: z.number(), actors: z.number(), articles: z.number() }).optional(),
});

const COUNTS = `
  RETURN COUNT { (:Event) } AS events, COUNT { (:Actor) } AS actors, COUNT { (:Article) } AS articles`;

/** 200 when Neo4j answers a query, 503 when it does not (within the configured timeout). */
export function healthApi(db: Db): Router {
  return Router().get('/health', async (_req, res) => {
    try {
      const [counts] = await read<{ events: number; actors: number; articles: number }>(db, COUNTS);
      res.json({ status: 'ok', database: 'up', counts });
    } catch (error) {
      const { status } = describeError(error);
      if (status !== 503) throw error;
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });
}
