import { z } from 'zod';
import { CursorParam, pageOf } from '../domain/page';
import { IdParams, Limit } from '../domain/views';

export const CHANGE_ACTIONS = [
  'drafted',
  'edited',
  'accepted',
  'rejected',
  'added',
  'merged',
  'claim added',
  'conflict resolved',
  'created',
  'withdrawn',
] as const;
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

/** Oldest first, a page at a time. */
export const History = pageOf(Change).extend({ id: z.string(), status: z.enum(['reviewed', 'auto']) });
export type History = z.infer<typeof History>;

export const HistoryParams = IdParams;

export const HistoryQuery = z.strictObject({ limit: Limit(100, 500), cursor: CursorParam });
export type HistoryQuery = z.infer<typeof HistoryQuery>;
