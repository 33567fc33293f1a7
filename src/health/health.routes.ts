import type { Db } from '../db/query';
import { Reply, route } from '../domain/route';
import { Health } from './health.schemas';
import { checkHealth } from './health.service';

export const healthRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    tag: 'health',
    summary: 'Whether the database answers, and has warmed up since it started',
    response: Health,
    // Monitors ask often and want an answer quickly, whatever the pages may wait.
    budgetS: 3,
    handle: async () => {
      const health = await checkHealth(db);
      return health.database === 'up' ? health : new Reply(503, health);
    },
  }),
];
