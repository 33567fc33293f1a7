import type { z } from 'zod';
import { NotFoundError } from '../domain/errors';
import { TYPE_GROUPS } from '../domain/labels';
import { NewWatchlist, WatchlistChanges } from '../watch/watch.schemas';

/**
 * The form of a watchlist (to follow something new, or to change one), read into the API's own schemas so that
 * the page refuses what the API refuses, with the same words; each refusal is shown beside its field.
 */

/** The form as typed: what a re-shown form is filled with. */
export interface WatchFormValues {
  name: string;
  actor: string;
  other: string;
  type: string;
  webhook: string;
}

/** Problems by form field (`form` for one no field explains). */
export type FieldErrors = Partial<Record<keyof WatchFormValues | 'form', string>>;

export type WatchFormResult<T> = { ok: true; values: WatchFormValues; input: T } | { ok: false; values: WatchFormValues; errors: FieldErrors };

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function formValues(body: unknown): WatchFormValues {
  const form = (body ?? {}) as Record<string, unknown>;
  return { name: text(form.name), actor: text(form.actor), other: text(form.other), type: text(form.type), webhook: text(form.webhook).trim() };
}

/** The API's paths, as the form's fields. */
const FIELDS: Record<string, keyof WatchFormValues> = {
  name: 'name',
  follow: 'actor',
  'follow.actor': 'actor',
  'follow.other': 'other',
  'follow.type': 'type',
  webhook: 'webhook',
};

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = FIELDS[issue.path.join('.')] ?? 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}

const blank = (value: string) => (value.trim() === '' ? undefined : value);
const followOf = (values: WatchFormValues) => ({ actor: blank(values.actor), other: blank(values.other), type: blank(values.type) });

function parsed<T>(schema: z.ZodType<T>, values: WatchFormValues, candidate: unknown): WatchFormResult<T> {
  const result = schema.safeParse(candidate);
  return result.success ? { ok: true, values, input: result.data } : { ok: false, values, errors: fieldErrors(result.error) };
}

/** A new watchlist from the form: no webhook when the field is left empty. */
export function readNewWatchlist(body: unknown): WatchFormResult<NewWatchlist> {
  const values = formValues(body);
  return parsed(NewWatchlist, values, { name: values.name, follow: followOf(values), webhook: blank(values.webhook) });
}

/** A change from the edit form, which shows every setting: an empty webhook field removes the webhook. */
export function readWatchlistChanges(body: unknown): WatchFormResult<WatchlistChanges> {
  const values = formValues(body);
  return parsed(WatchlistChanges, values, { name: values.name, follow: followOf(values), webhook: blank(values.webhook) ?? null });
}

/** An actor the form named that the knowledge base does not know, as a problem of its field (else undefined). */
export function unknownActorError(error: unknown, values: WatchFormValues): FieldErrors | undefined {
  if (!(error instanceof NotFoundError) || error.what !== 'actor') return undefined;
  return { [error.id === values.actor ? 'actor' : 'other']: 'is not an actor of the knowledge base' };
}

export const EMPTY_FORM: WatchFormValues = { name: '', actor: '', other: '', type: '', webhook: '' };

/** What the fields partial needs besides the values and errors. */
export const formChoices = (actors: ReadonlyArray<{ id: string; name: string }>) => ({ actors, typeGroups: TYPE_GROUPS });
