import { z } from 'zod';
import { isValidPartialDate } from './calendar';

/**
 * Dates as requests and facts files write them: a partial date as precise as the source gives it (`2025`,
 * `2025-09` or `2025-12-12`), or a full ISO day. Day arithmetic is in calendar.ts.
 */
export const PartialDate = z
  .string()
  .refine(isValidPartialDate, { message: 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD' })
  .meta({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' });
export type PartialDate = z.infer<typeof PartialDate>;

/** A full calendar date, YYYY-MM-DD, that exists (2025-02-30 does not). */
export const IsoDate = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isValidPartialDate(value), {
    message: 'must be a real date written YYYY-MM-DD',
  })
  .meta({ format: 'date' });
