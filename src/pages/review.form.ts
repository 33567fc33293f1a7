import { z } from 'zod';
import type { DraftEventEdit, NewDraftEvent } from '../drafts/drafts.schemas';
import { EventType, LinkKind } from '../domain/model';

/**
 * The workbench's forms, read into the edits the drafts service takes. A form field left empty means "none";
 * checkboxes list the actors kept on each side, `add_<side>` names one more (its id, or its name).
 */
const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));
const blank = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

export const EventForm = z.object({
  type: EventType.optional(),
  title: blank,
  date_start: blank,
  date_end: blank,
  agents: list,
  targets: list,
  add_agent: blank,
  add_target: blank,
  figure_count: blank,
  figure_unit: blank,
  place: blank,
  link_kind: blank,
  link_to: blank,
  links: list,
  merge_into: blank,
  /** The button that accepts the event as the known event it duplicates. */
  merge_known: blank,
  decision: z.enum(['accepted', 'rejected', 'pending', 'save']).default('save'),
});
export type EventForm = z.infer<typeof EventForm>;

/** The edit a card's form asks for; `names` turns what was typed in `add_*` into actor ids. */
export function editOf(form: EventForm, resolve: (typed: string) => string): DraftEventEdit {
  const side = (kept: string[], added: string | undefined) => [...new Set([...kept, ...(added ? [resolve(added)] : [])])];
  const figures = form.figure_count && form.figure_unit ? { count: Number(form.figure_count), unit: form.figure_unit } : null;
  const links = form.links.flatMap((value) => {
    const [kind, to] = value.split(' ');
    return kind && to ? [{ kind: LinkKind.parse(kind), to }] : [];
  });
  if (form.link_kind && form.link_to) links.push({ kind: LinkKind.parse(form.link_kind), to: form.link_to });
  return {
    ...(form.type ? { type: form.type } : {}),
    ...(form.title ? { title: form.title } : {}),
    ...(form.date_start ? { date: form.date_end ? { start: form.date_start, end: form.date_end } : { start: form.date_start } } : {}),
    agents: side(form.agents, form.add_agent),
    targets: side(form.targets, form.add_target),
    figures,
    place: form.place ?? null,
    links,
    mergeInto: form.merge_known ?? form.merge_into ?? null,
    ...(form.merge_known ? { decision: 'accepted' as const } : form.decision === 'save' ? {} : { decision: form.decision }),
  };
}

export const NewEventForm = z.object({
  quote: z.string().min(1),
  type: EventType,
  date_start: blank,
  date_end: blank,
  add_agent: blank,
  add_target: blank,
});

export function newEventOf(form: z.infer<typeof NewEventForm>, resolve: (typed: string) => string): NewDraftEvent {
  return {
    quote: form.quote,
    type: form.type,
    ...(form.date_start ? { date: form.date_end ? { start: form.date_start, end: form.date_end } : { start: form.date_start } } : {}),
    agents: form.add_agent ? [resolve(form.add_agent)] : [],
    targets: form.add_target ? [resolve(form.add_target)] : [],
  };
}
