import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db/query';
import { Limit } from '../api/common.schemas';
import { sendAs } from '../http/respond';
import { readStats } from './stats.repository';
import { Stats } from './stats.schemas';

export const StatsQuery = z.strictObject({ latest: Limit(5, 50).describe('How many of the latest events (1–50, default 5)') });

export function statsApi(db: Db): Router {
  return Router().get('/stats', async (req, res) => {
    sendAs(res, Stats, await readStats(db, StatsQuery.parse(req.query).latest));
  });
}
