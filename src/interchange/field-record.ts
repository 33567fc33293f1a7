import { z } from 'zod';
import { FIELD_DATASETS } from '../domain/model';

/**
 * One row of a field dataset (GDELT 2.0, POLECAT) in the terms `kb import` maps from: who did what to whom,
 * when, reported where. The readers check each row of their layout with zod, then put it in this shape.
 */
export const FieldSide = z.strictObject({
  /** The name as the dataset gives it (GDELT upper-cases them: "UNITED STATES"). */
  name: z.string().nullable(),
  /** The CAMEO actor code (GDELT's Actor1Code: BLRGOV), if any. */
  code: z.string().nullable(),
  /** The country code as the dataset gives it (CAMEO country codes are mostly ISO 3166-1 alpha-3). */
  country: z.string().nullable(),
  /** A CAMEO sector (GOV, MIL, …), if the dataset names one. */
  sector: z.string().nullable(),
});
export type FieldSide = z.infer<typeof FieldSide>;

export const FieldRecord = z.strictObject({
  dataset: z.enum(FIELD_DATASETS),
  /** The record's id in its dataset (GDELT's GlobalEventID, POLECAT's Event ID). */
  id: z.string(),
  /** Where in the file: `line 3`. */
  where: z.string(),
  /** The day of the event, YYYY-MM-DD. */
  date: z.string(),
  agent: FieldSide,
  target: FieldSide,
  /** GDELT: the CAMEO event code with its base and root codes. */
  cameo: z.strictObject({ code: z.string(), base: z.string(), root: z.string() }).nullable(),
  /** POLECAT: the PLOVER event category and mode. */
  plover: z.strictObject({ event: z.string(), mode: z.string().nullable() }).nullable(),
  /** The article's address, if the row gives one. */
  url: z.string().nullable(),
  /** The day the article was published or the record added, YYYY-MM-DD, if known. */
  published: z.string().nullable(),
});
export type FieldRecord = z.infer<typeof FieldRecord>;
