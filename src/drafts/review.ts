import { ConflictError, InvalidError, NotFoundError } from '../domain/errors';
import { titleOf } from '../ingest/extract';
import { slugify } from '../ingest/extract/gazetteer';
import type { Draft, DraftActor, DraftEvent, DraftEventEdit, NewDraftActor, NewDraftEvent, ReviewStep } from './drafts.schemas';

/**
 * What an editor does to a draft, as pure functions from a draft to the next: each records its step (who, when,
 * the values before and after) in the event's log, which becomes the event's history when it is committed.
 */

const EDITABLE = ['type', 'title', 'date', 'agents', 'targets', 'sources', 'figures', 'place', 'links', 'mergeInto'] as const;

export function requireOpen(draft: Draft): void {
  if (draft.status !== 'open') throw new ConflictError(`Draft ${draft.id} is ${draft.status}; it can no longer be changed.`);
}

function eventOf(draft: Draft, key: number): DraftEvent {
  const event = draft.events.find((e) => e.key === key);
  if (!event) throw new NotFoundError('drafted event', `${draft.id}/${key}`);
  return event;
}

const step = (user: string, now: string, action: ReviewStep['action'], summary: string, before: unknown = null, after: unknown = null): ReviewStep => ({
  at: now,
  user,
  action,
  summary,
  before,
  after,
});

/** Actors an edit names must be ones the draft knows (the extractor's, or added with addActor / linkActor). */
function checkActors(draft: Draft, edit: DraftEventEdit): void {
  for (const field of ['agents', 'targets', 'sources'] as const) {
    (edit[field] ?? []).forEach((id, i) => {
      if (!draft.actors.some((a) => a.id === id)) throw new InvalidError(`${field}[${i}]`, `unknown actor "${id}": add it to the draft first`);
    });
  }
  (edit.links ?? []).forEach((link, i) => {
    const key = /^draft:(\d+)$/.exec(link.to)?.[1];
    if (key === undefined || !draft.events.some((e) => e.key === Number(key)))
      throw new InvalidError(`links[${i}].to`, `"${link.to}" is not an event of this draft (write draft:<key>)`);
  });
}

const names = (draft: Draft) => new Map(draft.actors.map((a) => [a.id, a.name]));

/** Applies an edit: changed fields replace, a decision is taken; the title follows the sides unless set. */
export function editEvent(draft: Draft, key: number, edit: DraftEventEdit, user: string, now: string): Draft {
  requireOpen(draft);
  checkActors(draft, edit);
  const event = eventOf(draft, key);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let next: DraftEvent = { ...event };
  for (const field of EDITABLE) {
    const value = edit[field];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(event[field])) continue;
    before[field] = event[field];
    after[field] = value;
    next = { ...next, [field]: value };
  }
  // The title follows the sides unless this edit gave one of its own (a form sends the current title back).
  if (!('title' in after) && ('type' in after || 'agents' in after || 'targets' in after)) next.title = titleOf(next, names(draft));
  const log = [...event.log];
  if (Object.keys(after).length > 0) log.push(step(user, now, 'edited', `Edited ${Object.keys(after).join(', ')}`, before, after));
  if (edit.decision !== undefined && edit.decision !== event.decision) {
    next.decision = edit.decision;
    if (edit.decision !== 'pending') log.push(step(user, now, edit.decision, edit.decision === 'accepted' ? 'Accepted' : 'Rejected'));
  }
  return withEvent(draft, { ...next, log }, now);
}

function withEvent(draft: Draft, event: DraftEvent, now: string): Draft {
  return { ...draft, updatedAt: now, events: draft.events.map((e) => (e.key === event.key ? event : e)) };
}

/** An event the extractor missed, from its sentence: accepted, with what the editor gave. */
export function addEvent(draft: Draft, input: NewDraftEvent, user: string, now: string): { draft: Draft; key: number } {
  requireOpen(draft);
  if (!draft.article.text.includes(input.quote)) throw new InvalidError('quote', 'quote not found verbatim in the article');
  checkActors(draft, input);
  const key = Math.max(-1, ...draft.events.map((e) => e.key)) + 1;
  const sides = { type: input.type, agents: input.agents ?? [], targets: input.targets ?? [], sources: input.sources ?? [] };
  const event: DraftEvent = {
    key,
    ...sides,
    title: input.title ?? titleOf(sides, names(draft)),
    date: input.date ?? { start: draft.article.publishedAt },
    figures: input.figures ?? null,
    place: input.place ?? null,
    quote: input.quote,
    alsoQuotedIn: [],
    links: input.links ?? [],
    confidence: 1,
    reasons: {
      trigger: null,
      actors: [...new Set([...sides.agents, ...sides.targets, ...sides.sources])].map((id) => ({ id, how: `chosen by ${user}` })),
      date: input.date ? `given by ${user}` : 'the publication date',
      flags: [],
      knownEvent: null,
    },
    decision: input.decision ?? 'accepted',
    mergeInto: input.mergeInto ?? null,
    origin: 'added',
    log: [step(user, now, 'added', 'Added from its sentence: the extractor had missed it', null, { type: input.type, quote: input.quote })],
  };
  return { draft: { ...draft, updatedAt: now, events: [...draft.events, event] }, key };
}

/** Names an actor in the draft: one the graph knows (by its id), or a new one created when the draft is committed. */
export function addActor(draft: Draft, actor: NewDraftActor | DraftActor, now: string): { draft: Draft; actor: DraftActor } {
  requireOpen(draft);
  const id = 'id' in actor ? actor.id : slugify(actor.name);
  if (!id) throw new InvalidError('name', 'a name needs letters or digits');
  const existing = draft.actors.find((a) => a.id === id);
  const codes = 'known' in actor ? {} : codesOf(actor);
  if (existing && !existing.known && Object.keys(codes).length > 0) {
    // the same name again with codes: the proposed actor gets them (known actors' codes are set on their page)
    const updated: DraftActor = { ...existing, ...codes };
    return { draft: { ...draft, updatedAt: now, actors: draft.actors.map((a) => (a.id === id ? updated : a)) }, actor: updated };
  }
  if (existing) return { draft, actor: existing };
  const added: DraftActor = 'known' in actor ? actor : { id, name: actor.name, kind: actor.kind, known: false, aliases: actor.aliases, ...codes };
  return { draft: { ...draft, updatedAt: now, actors: [...draft.actors, added] }, actor: added };
}

/** The codes a new actor's form gave, and only those. */
function codesOf(actor: NewDraftActor): Pick<DraftActor, 'country' | 'sector' | 'code' | 'wikidata'> {
  const { country, sector, code, wikidata } = actor;
  return Object.fromEntries(Object.entries({ country, sector, code, wikidata }).filter(([, v]) => v !== undefined));
}

/** Accepts every pending event at or above the confidence. */
export function acceptAbove(draft: Draft, confidence: number, user: string, now: string): { draft: Draft; accepted: number } {
  requireOpen(draft);
  let accepted = 0;
  const events = draft.events.map((e) => {
    if (e.decision !== 'pending' || e.confidence < confidence) return e;
    accepted += 1;
    return {
      ...e,
      decision: 'accepted' as const,
      log: [...e.log, step(user, now, 'accepted', `Accepted with every event at or above confidence ${confidence}`)],
    };
  });
  return { draft: { ...draft, updatedAt: now, events }, accepted };
}

export function discard(draft: Draft, now: string): Draft {
  requireOpen(draft);
  return { ...draft, status: 'discarded', updatedAt: now };
}
