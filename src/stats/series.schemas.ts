import { z } from 'zod';
import { Limit } from '../domain/views';
import { EventFilterParams } from '../places/places.schemas';

export const SERIES_BYS = ['type', 'actor', 'country'] as const;
export const SERIES_INTERVALS = ['month', 'year'] as const;

/** At most this many buckets in one answer (a century of months): a longer span is asked by year. */
export const MAX_BUCKETS = 1200;

export const SeriesQuery = z
  .strictObject({
    by: z.enum(SERIES_BYS).default('type').describe('One series per event type, per actor (the most active) or per country'),
    interval: z.enum(SERIES_INTERVALS).default('month'),
    ...EventFilterParams,
    top: Limit(8, 30).describe('How many actors or countries, the most active first (1–30, default 8); all types are always given'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type SeriesQuery = z.infer<typeof SeriesQuery>;

export const Series = z.object({
  key: z.string().describe('The event type, actor id or ISO 3166-1 alpha-2 country code'),
  label: z.string(),
  total: z.number().int(),
  counts: z.array(z.number().int()).describe('Events per bucket, in the order of `buckets`'),
});

export const SeriesAnswer = z.object({
  by: z.enum(SERIES_BYS),
  interval: z.enum(SERIES_INTERVALS),
  buckets: z.array(z.string()).describe('Each bucket by its start: YYYY-MM for months, YYYY for years; every bucket between the first and the last event'),
  series: z.array(Series),
  table: z
    .array(z.object({ key: z.string(), label: z.string(), types: z.record(z.string(), z.number().int()).describe('Events per event type') }))
    .describe('by=country: events per country and event type (the countries of `series`); empty otherwise'),
});
export type SeriesAnswer = z.infer<typeof SeriesAnswer>;
