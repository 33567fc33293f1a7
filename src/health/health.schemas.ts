import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  /** warming: it answers, but the hot queries have not run once since it (re)started; 503 until they have. */
  database: z.enum(['up', 'warming', 'down']),
  counts: z.object({ events: z.number(), actors: z.number(), articles: z.number() }).optional(),
});
export type Health = z.infer<typeof Health>;
