import { z } from 'zod';
import { IsoDate } from '../domain/dates';
import { PRECISIONS } from '../domain/calendar';
import { EventType, Slug } from '../domain/model';

/** How a window's events are put into rows: one row per event type, or one per leading actor. */
export const GROUP_BYS = ['type', 'actor'] as const;

/** Bucket sizes for dense windows, finest first; the finest that keeps the row short enough is used. */
export const BUCKET_UNITS = ['day', 'week', 'month', 'quarter', 'year', 'decade', 'century'] as const;
export type BucketUnit = (typeof BUCKET_UNITS)[number];

export const TimelineQuery = z
  .strictObject({
    from: IsoDate.describe('First day of the window (YYYY-MM-DD)'),
    to: IsoDate.describe('Last day of the window (YYYY-MM-DD)'),
    actor: Slug.optional().describe('Only events this actor took part in'),
    type: EventType.optional(),
    groupBy: z.enum(GROUP_BYS).default('type').describe('Rows by event type or by actor'),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 1000, {
    message: 'the window can span at most 1000 years',
    path: ['from'],
  });
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelineGroup = z.object({
  id: z.string().describe('type:<event type>, actor:<actor id> or other'),
  content: z.string().describe('Row label (plain text)'),
  title: z.string().optional().describe("A type row's PLOVER category and mode (plain text, shown on hover)"),
  kind: z.enum(['type', 'actor', 'other']),
  className: z.string(),
});
export type TimelineGroup = z.infer<typeof TimelineGroup>;

/** One event placed in one row, shaped for vis-timeline (content is plain text, never HTML). */
export const TimelineItem = z.object({
  id: z.string().describe('Unique per row: the event id, suffixed with the row when an event sits in several'),
  event: z.string().describe('The event id'),
  content: z.string().describe('The event title (plain text)'),
  type: EventType,
  start: z.string().describe('First day (YYYY-MM-DD)'),
  end: z.string().nullable().describe('Day after the last day covered (exclusive), for ranges; null for points'),
  lastDate: z.string().describe('Last day the event may cover (YYYY-MM-DD)'),
  precision: z.enum(PRECISIONS),
  itemType: z.enum(['range', 'point']),
  group: z.string(),
  className: z.string(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

/** How many events start in one bucket of one row, when the window is too dense to list them. */
export const TimelineBucket = z.object({
  id: z.string(),
  group: z.string(),
  start: z.string().describe('First day of the bucket'),
  end: z.string().describe('Day after the bucket (exclusive)'),
  count: z.number().int(),
  className: z.string(),
});
export type TimelineBucket = z.infer<typeof TimelineBucket>;

export const TimelineWindow = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(GROUP_BYS),
  mode: z.enum(['items', 'buckets']).describe('items: every event of the window; buckets: counts, the window being too dense'),
  bucket: z.enum(BUCKET_UNITS).nullable(),
  total: z.number().int().describe('Events in the window (in bucket mode: events that start in it)'),
  outside: z
    .object({
      earlier: z.number().int().describe('Events wholly before the window (counted up to 1,000)'),
      later: z.number().int().describe('Events wholly after the window (counted up to 1,000)'),
    })
    .describe('What the window leaves out, within the filters: the markers at its edges'),
  groups: z.array(TimelineGroup),
  items: z.array(TimelineItem),
  buckets: z.array(TimelineBucket),
});
export type TimelineWindow = z.infer<typeof TimelineWindow>;
