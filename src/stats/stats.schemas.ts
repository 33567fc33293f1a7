import { z } from 'zod';
import { EventRef, Limit } from '../domain/views';

export const StatsQuery = z.strictObject({ latest: Limit(5, 50).describe('How many of the latest events (1–50, default 5)') });

export const Stats = z.object({
  counts: z.object({ events: z.number().int(), actors: z.number().int(), articles: z.number().int(), reactions: z.number().int() }),
  span: z
    .object({ first: z.string().describe('First day of the earliest event'), last: z.string().describe('First day of the latest event') })
    .nullable()
    .describe('null when the knowledge base holds no event'),
  latest: z.array(EventRef).describe('The latest events, latest first'),
});
export type Stats = z.infer<typeof Stats>;
