import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['up', 'down']),
  counts: z.object({ events: z.number(), actors: z.number(), articles: z.number() }).optional(),
});
export type Health = z.infer<typeof Health>;
