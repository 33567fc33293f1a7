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

/** Whole numbers a JSON number holds exactly, as `z.number().int()` accepts them. */
const isCounts = (value: unknown): value is number[] => {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!Number.isSafeInteger(item)) return false;
  return true;
};

/**
 * A series' counts, checked in one loop. `z.array(z.number().int())` runs zod's parser on every element: the answer
 * check of a series by type and month (twenty lists of four hundred months) took 0.9 ms, this a hundredth of that.
 * The same check and the same JSON schema (meta); the list is passed on as it is. Not exported: the OpenAPI
 * document names exported schemas, and this one stays inline as the array it describes.
 */
const Counts = z.custom<number[]>(isCounts, { message: 'Expected a list of whole numbers' }).meta({ type: 'array', items: { type: 'integer' } });

export const Series = z.object({
  key: z.string().describe('The event type, actor id or ISO 3166-1 alpha-2 country code'),
  label: z.string(),
  total: z.number().int(),
  counts: Counts.describe('Events per bucket, in the order of `buckets`'),
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
