import { atPrecision, firstDay, lastDay } from '../domain/calendar';
import type { Extraction, DraftEvent as ExtractedEvent } from '../ingest/extract';
import { titleOf } from '../ingest/extract';
import { judge } from './confidence';
import type { Draft, DraftActor, DraftEvent } from './drafts.schemas';

/** A new draft from an article and what the extractor drafted of it: every event pending, with why it is doubtful. */
export interface DraftInput {
  id: string;
  now: string;
  user: string;
  article: Draft['article'];
  extraction: Extraction;
  /** Per extracted event (by position), a known event it is likely the same as. */
  knownEvents: ReadonlyMap<number, { id: string; title: string }>;
}

export function buildDraft(input: DraftInput): Draft {
  const { extraction } = input;
  const actors: DraftActor[] = extraction.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, known: a.known, aliases: [] }));
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const isKnown = (id: string) => actors.find((a) => a.id === id)?.known === true;
  const events = extraction.events.map((event, key) =>
    draftEvent(event, key, names, judge(event, extraction.resolutions, isKnown, input.knownEvents.get(key) ?? null), input),
  );
  return {
    id: input.id,
    status: 'open',
    createdAt: input.now,
    createdBy: input.user,
    updatedAt: input.now,
    article: input.article,
    actors,
    events,
    committed: null,
  };
}

function draftEvent(event: ExtractedEvent, key: number, names: ReadonlyMap<string, string>, judged: ReturnType<typeof judge>, input: DraftInput): DraftEvent {
  const date = event.date ?? { start: input.article.publishedAt, end: null, precision: 'day' as const };
  const start = atPrecision(date.start, date.precision);
  const end = date.end ? atPrecision(date.end, date.precision) : undefined;
  return {
    key,
    type: event.type,
    title: titleOf(event, names),
    date: end && end !== start ? { start, end } : { start },
    agents: event.agents,
    targets: event.targets,
    sources: event.sources,
    figures: event.figures,
    place: event.place,
    quote: event.quote,
    alsoQuotedIn: event.alsoQuotedIn,
    links: [],
    confidence: judged.confidence,
    reasons: judged.reasons,
    decision: 'pending',
    mergeInto: null,
    origin: 'extracted',
    log: [
      { at: input.now, user: 'extractor', action: 'drafted', summary: `Drafted from "${input.article.title}" for ${input.user}`, before: null, after: null },
    ],
  };
}

/** The principal actors and day range of drafted events: what finds the known events they may duplicate. */
export function duplicateQueries(extraction: Extraction) {
  return extraction.events.flatMap((event, index) => {
    const agents = event.agents.length > 0 ? event.agents : event.sources;
    if (agents.length === 0 || !event.date) return [];
    const start = atPrecision(event.date.start, event.date.precision);
    return [
      { index, type: event.type, date: firstDay(start), lastDate: lastDay(event.date.end ? atPrecision(event.date.end, event.date.precision) : start), agents },
    ];
  });
}
