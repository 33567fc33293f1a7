import { z } from 'zod';
import { IdParams } from '../domain/views';

export const CHANGE_ACTIONS = ['drafted', 'edited', 'accepted', 'rejected', 'added', 'merged', 'claim added', 'conflict resolved', 'created', 'withdrawn'] as const;
export const ChangeAction = z.enum(CHANGE_ACTIONS);
export type ChangeAction = z.infer<typeof ChangeAction>;

export const ENTITIES = ['event', 'actor', 'link'] as const;

/**
 * One step in the life of a fact: who did what to it, when, with the values before and after (JSON, or null
 * where there were none). Steps made while reviewing a draft are kept with the draft and become the event's
 * history when it is committed.
 */
export const Change = z.object({
  at: z.string().describe('When (ISO date-time, UTC)'),
  user: z.string().describe('Who: a user name, "automation" (the KB_API_TOKEN setting) or "extractor"'),
  action: ChangeAction,
  summary: z.string().describe('The step in words'),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type Change = z.infer<typeof Change>;

export const History = z.object({ id: z.string(), status: z.enum(['reviewed', 'auto']), items: z.array(Change).describe('Oldest first') });
export type History = z.infer<typeof History>;

export const HistoryParams = IdParams;
