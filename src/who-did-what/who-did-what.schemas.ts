import { z } from 'zod';
import { CursorParam, pageOf } from '../domain/page';
import { ActorRef, DateFilter, DateView, FiguresView, Limit } from '../domain/views';
import { EventType, Slug, ReviewStatus } from '../domain/model';

export const WhoDidWhatQuery = z.strictObject({
  actor: Slug.optional().describe('An actor id; matches events it took part in, in any role'),
  action: EventType.optional().describe('The event type (what was done)'),
  target: Slug.optional().describe('An actor id on the receiving side (target, guest or beneficiary)'),
  from: DateFilter,
  to: DateFilter,
  status: ReviewStatus.optional().describe('reviewed: only events an editor accepted; auto: only events loaded without review'),
  limit: Limit(100, 500),
  cursor: CursorParam,
});
export type WhoDidWhatQuery = z.infer<typeof WhoDidWhatQuery>;

/** One answer: who (agents) did what (the event type) to whom (targets), when, per which sentence. */
export const WhoDidWhatRow = z.object({
  event: z.object({ id: z.string(), title: z.string() }),
  who: z.array(ActorRef).describe('Agents and hosts; for statements, who made them'),
  saidBy: z.array(ActorRef).describe('Who the report is attributed to (role source)'),
  did: EventType,
  label: z.string(),
  toWhom: z.array(ActorRef),
  date: DateView,
  status: ReviewStatus,
  place: z.string().nullable(),
  figures: FiguresView.nullable(),
  quote: z.string(),
  article: z.object({ id: z.string(), title: z.string() }),
});
export type WhoDidWhatRow = z.infer<typeof WhoDidWhatRow>;

/** Rows in date order (ties by event id), a page at a time. */
export const WhoDidWhatAnswer = pageOf(WhoDidWhatRow);
export type WhoDidWhatAnswer = z.infer<typeof WhoDidWhatAnswer>;
