import { z } from 'zod';
import { IdParams } from '../domain/views';
import { NotFoundError } from '../domain/errors';

/** An empty form field means "no filter": `?actor=` is the same as no actor. */
export const blankAsUndefined = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

/** A page id that is not even well formed names nothing: the visitor gets the 404 page, not a form error. */
export function pageId(what: string, params: unknown): string {
  const parsed = IdParams.safeParse(params);
  if (!parsed.success) throw new NotFoundError(what, String((params as { id?: unknown }).id ?? ''));
  return parsed.data.id;
}
