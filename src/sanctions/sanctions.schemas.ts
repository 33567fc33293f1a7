import { z } from 'zod';
import { PRECISIONS } from '../domain/calendar';
import { IsoDate } from '../domain/dates';
import { Slug } from '../domain/model';
import { CHANGE_KINDS } from '../domain/sanctions';
import { CursorParam, pageOf } from '../domain/page';
import { ActorRef, EventLinkView, Limit } from '../domain/views';

const Filters = {
  target: Slug.optional().describe('An actor id: measures on it, or on a part of it (its scope), e.g. belavia'),
  authority: Slug.optional().describe('An actor id: measures it imposed'),
};

export const InForceQuery = z.strictObject({
  ...Filters,
  on: IsoDate.optional().describe('The day (YYYY-MM-DD); today when left out'),
  limit: Limit(200, 1000),
  cursor: CursorParam,
});
export type InForceQuery = z.infer<typeof InForceQuery>;

export const ChangesQuery = z.strictObject({
  ...Filters,
  from: IsoDate.optional().describe('First day (YYYY-MM-DD); a year before `to` when left out'),
  to: IsoDate.optional().describe('Last day (YYYY-MM-DD); today when left out'),
  limit: Limit(200, 1000),
  cursor: CursorParam,
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export const MeasuresQuery = z.strictObject({ ...Filters, limit: Limit(500, 2000), cursor: CursorParam });
export type MeasuresQuery = z.infer<typeof MeasuresQuery>;

/** A start or an end: its first day and how precisely the source knows it. */
export const MeasureDate = z.object({ date: z.string().describe('First day (YYYY-MM-DD)'), precision: z.enum(PRECISIONS) });
export type MeasureDate = z.infer<typeof MeasureDate>;

export const ChangeView = z.object({
  kind: z.enum(CHANGE_KINDS),
  date: MeasureDate,
  event: z.object({ id: z.string(), title: z.string(), quote: z.string().nullable() }),
});
export type ChangeView = z.infer<typeof ChangeView>;

const Period = {
  start: MeasureDate.nullable().describe('null: the start is unknown (the knowledge base has no imposition before a lift)'),
  end: MeasureDate.nullable().describe('null: still in force'),
  startKnown: z.boolean(),
};

export const ExemptionView = z.object({
  id: z.string(),
  scope: ActorRef.describe('What the easing took out of the measure'),
  ...Period,
  changes: z.array(ChangeView),
});
export type ExemptionView = z.infer<typeof ExemptionView>;

export const MeasureView = z.object({
  id: z.string().describe('authority|target|scope or *|ordinal: stable across rebuilds'),
  authority: ActorRef,
  target: ActorRef,
  scope: ActorRef.nullable().describe('What the measure covers; null: the whole target'),
  ...Period,
  instrument: z.string().nullable().describe('The legal instrument its events name, when they name one'),
  reimposes: z.string().nullable().describe('The measure on the same line that this one imposes again'),
  changes: z.array(ChangeView),
  exemptions: z.array(ExemptionView),
});
export type MeasureView = z.infer<typeof MeasureView>;

export const InForceMeasure = MeasureView.extend({
  certain: z.boolean().describe('false when the day falls in the month or year of a start or end known only to that precision'),
});
export type InForceMeasure = z.infer<typeof InForceMeasure>;

const Capped = z.boolean().describe('true when more matched than this page holds (nextCursor is set): follow it, or narrow the filters');

/** Measures by line (target, scope, authority), then start (unknown first), then id; a page at a time. */
export const InForceAnswer = pageOf(InForceMeasure).extend({ on: z.string(), capped: Capped });
export type InForceAnswer = z.infer<typeof InForceAnswer>;

export const MeasuresAnswer = pageOf(MeasureView).extend({ capped: Capped });
export type MeasuresAnswer = z.infer<typeof MeasuresAnswer>;

/** One change of a measure in the window, with the event behind it and the events linked to that one. */
export const ChangeRow = z.object({
  measure: z.object({
    id: z.string(),
    authority: ActorRef,
    target: ActorRef,
    scope: ActorRef.nullable(),
    exemptionOf: z.string().nullable().describe('For a change of an exemption, the measure it is cut out of'),
    ...Period,
  }),
  change: ChangeView,
  links: z.array(EventLinkView).describe("The events linked to the change's event, e.g. what a lift reciprocates"),
});
export type ChangeRow = z.infer<typeof ChangeRow>;

/** Changes by day, then measure, then their order on the measure's line; a page at a time. */
export const ChangesAnswer = pageOf(ChangeRow).extend({ from: z.string(), to: z.string(), capped: Capped });
export type ChangesAnswer = z.infer<typeof ChangesAnswer>;
