import { FactsFile as FactsFileSchema, type Actor, type Event, type FactsFile, type Participant, type Role } from '../../domain/model';
import { atPrecision } from '../../domain/calendar';
import { TAXONOMY } from '../../domain/taxonomy';
import { slugify } from './gazetteer';
import type { ActorRef, DraftEvent, Extraction, ExtractInput } from './types';

/**
 * The extraction as a facts file of the seed's format, for a curator to review and the loader to load: the
 * article with its text inline, the actors the extractor proposes, and each event with its participants and
 * the verbatim sentences that report it. The result is validated with the FactsFile schema before it is returned.
 */
export function toFactsFile(input: ExtractInput, extraction: Extraction, knownActors: readonly Actor[]): FactsFile {
  const known = new Set(knownActors.map((a) => a.id));
  const names = new Map(extraction.actors.map((a) => [a.id, a.name]));
  const ids = new Set<string>();
  const file = {
    article: {
      id: input.articleId ?? slugify(input.title ?? input.text.slice(0, 80)),
      title: (input.title ?? input.text.split('\n')[0] ?? 'Untitled').slice(0, 500),
      publishedAt: input.publishedAt,
      text: input.text,
    },
    actors: extraction.actors.filter((a) => !known.has(a.id) && !a.known).map(newActor),
    events: extraction.events.map((e) => toEvent(e, input.publishedAt, names, ids)),
  };
  return FactsFileSchema.parse(file);
}

function newActor(actor: ActorRef): Actor {
  return { id: actor.id, name: actor.name, kind: actor.kind, aliases: [] };
}

function toEvent(draft: DraftEvent, publishedAt: string, names: Map<string, string>, ids: Set<string>): Event {
  const date = draft.date ?? { start: `${publishedAt.slice(0, 7)}-01`, end: null, precision: 'month' };
  const start = atPrecision(date.start, date.precision);
  const end = date.end ? atPrecision(date.end, date.precision) : undefined;
  const event: Event = {
    id: uniqueId(slugify([draft.type, draft.agents[0] ?? '', start].join(' ')), ids),
    type: draft.type,
    title: titleOf(draft, names),
    date: end && end !== start ? { start, end } : { start },
    status: draft.type === 'intent' ? 'announced' : 'occurred',
    participants: participantsOf(draft),
    sources: [draft.quote, ...draft.alsoQuotedIn].map((quote) => ({ quote })),
  };
  if (draft.place) event.place = draft.place;
  if (draft.figures) event.figures = draft.figures;
  return event;
}

/** Who took part in an event, on which side: enough to give it its participants and its title. */
export type Sides = Pick<DraftEvent, 'type' | 'agents' | 'targets' | 'sources'>;

/** Agents do it (or, for a statement, are its source), targets receive it, sources say so. */
export function participantsOf(draft: Sides): Participant[] {
  const agentRole: Role = draft.type === 'statement' ? 'source' : 'agent';
  const list: Participant[] = [
    ...draft.agents.map((actor) => ({ actor, role: agentRole })),
    ...draft.targets.map((actor) => ({ actor, role: 'target' as const })),
    ...draft.sources.map((actor) => ({ actor, role: 'source' as const })),
  ];
  return list.filter((p, i) => list.findIndex((o) => o.actor === p.actor && o.role === p.role) === i);
}

/** "United States: sanctions lifted (Belavia)": who, what, to whom. */
export function titleOf(draft: Sides, names: ReadonlyMap<string, string>): string {
  const who = draft.agents.map((id) => names.get(id) ?? id).join(', ');
  const whom = draft.targets.map((id) => names.get(id) ?? id).join(', ');
  const label = TAXONOMY[draft.type].label.toLowerCase();
  return `${who}: ${label}${whom ? ` (${whom})` : ''}`.slice(0, 300);
}

function uniqueId(base: string, ids: Set<string>): string {
  let id = base || 'event';
  for (let n = 2; ids.has(id); n += 1) id = `${base}-${n}`;
  ids.add(id);
  return id;
}
