import type { z } from 'zod';
import { formatPath, type FileProblem } from '../domain/errors';
import { FactsFile, type Facts } from '../domain/model';
import type { FactsEntry } from '../ingest/check-facts';
import type { ExportEvent } from '../exports/exports.schemas';
import type { ActorDefinition, ArticleMeta, Gathered, HeldAffiliation } from './gather';
import type { PlacedLink } from './links';

type FactsInput = z.input<typeof FactsFile>;
type EventInput = NonNullable<FactsInput['events']>[number];
type AffiliationInput = NonNullable<FactsInput['affiliations']>[number];

const definedOrUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The partial date a stored date stands for: 2025-09-01 at month precision is 2025-09. */
export function partialStart(date: ExportEvent['date']): string {
  return date.precision === 'year' ? date.start.slice(0, 4) : date.precision === 'month' ? date.start.slice(0, 7) : date.start;
}

export interface BuiltLoads {
  loads: FactsEntry[][];
  reactionRefsDropped: number;
  problems: FileProblem[];
}

/** What writing the facts files of the loads shares, from one file to the next. */
interface Building {
  file: string;
  gathered: Gathered;
  links: readonly PlacedLink[];
  storedText: (articleId: string) => string | undefined;
  /** Actors defined by an earlier file: later ones refer to them. */
  defined: Set<string>;
  reactionRefsDropped: number;
  problems: FileProblem[];
}

/** One facts file per article, load by load; `storedText` is the text the database holds of an article, if any. */
export function buildLoads(
  file: string,
  gathered: Gathered,
  phases: readonly string[][],
  links: readonly PlacedLink[],
  storedText: (articleId: string) => string | undefined,
): BuiltLoads {
  const building: Building = { file, gathered, links, storedText, defined: new Set(), reactionRefsDropped: 0, problems: [] };
  const loads = phases.map((articleIds) => {
    const phaseEvents = new Set(articleIds.flatMap((a) => [...(gathered.articleEvents.get(a)?.keys() ?? [])]));
    return articleIds.map((articleId) => factsEntryOf(building, articleId, phaseEvents));
  });
  return { loads, reactionRefsDropped: building.reactionRefsDropped, problems: building.problems };
}

function factsEntryOf(building: Building, articleId: string, phaseEvents: ReadonlySet<string>): FactsEntry {
  const { gathered } = building;
  const meta = (gathered.articles.get(articleId) as { record: ArticleMeta }).record;
  const byEvent = gathered.articleEvents.get(articleId) as Map<string, string[]>;
  const held = gathered.articleAffiliations.get(articleId) ?? [];
  const events = [...byEvent].map(([id, quotes]) => eventInput(id, (gathered.events.get(id) as { event: ExportEvent }).event, quotes));
  const affiliations = held.map(affiliationInput);
  const actors = newActorDefinitions(building, events, affiliations);
  const reactions = reactionsWithin(building, articleId, phaseEvents);
  const text = building.storedText(articleId) ?? rebuiltText(byEvent, held);
  const eventIds = new Set(byEvent.keys());
  const input: FactsInput = {
    article: {
      id: meta.id,
      title: meta.title,
      ...(meta.publisher === null ? {} : { publisher: meta.publisher }),
      ...(meta.url === null ? {} : { url: meta.url }),
      publishedAt: meta.publishedAt,
      text,
    },
    actors,
    events,
    affiliations,
    links: building.links
      .filter((l) => l.article === articleId || (eventIds.has(l.from) && eventIds.has(l.to)))
      .map(({ from, to, kind }) => ({ from, to, kind })),
    reactions,
  };
  return checkedEntry(building, `${building.file} (article ${articleId})`, input, text);
}

function eventInput(id: string, event: ExportEvent, quotes: readonly string[]): EventInput {
  return {
    id,
    type: event.type,
    title: event.title,
    summary: definedOrUndefined(event.summary),
    date: { start: partialStart(event.date), end: definedOrUndefined(event.date.end) },
    place: definedOrUndefined(event.place),
    status: event.status,
    figures: event.figures ?? undefined,
    participants: event.participants.map(({ actor, role }) => ({ actor: actor.id, role })),
    sources: quotes.map((quote) => ({ quote })),
  };
}

function affiliationInput({ holder, affiliation: a }: HeldAffiliation): AffiliationInput {
  return {
    actor: holder,
    counterpart: a.counterpart.id,
    role: a.role,
    title: definedOrUndefined(a.title),
    from: definedOrUndefined(a.from),
    to: definedOrUndefined(a.to),
    former: a.former,
    source: a.quote === null ? undefined : { quote: a.quote },
  };
}

/** The actors this file names that no earlier file defined; it defines them, the later files refer to them. */
function newActorDefinitions(building: Building, events: readonly EventInput[], affiliations: readonly AffiliationInput[]) {
  const referenced = [...events.flatMap((e) => e.participants.map((p) => p.actor)), ...affiliations.flatMap((a) => [a.actor, a.counterpart])];
  return [...new Set(referenced)]
    .filter((id) => !building.defined.has(id))
    .map((id) => {
      building.defined.add(id);
      const { record } = building.gathered.actors.get(id) as { record: ActorDefinition };
      return {
        ...record,
        description: definedOrUndefined(record.description),
        country: definedOrUndefined(record.country),
        sector: definedOrUndefined(record.sector),
        code: definedOrUndefined(record.code),
        wikidata: definedOrUndefined(record.wikidata),
      };
    });
}

/** The article's reader reactions, each about only the events its load writes (the others are counted). */
function reactionsWithin(building: Building, articleId: string, phaseEvents: ReadonlySet<string>) {
  return (building.gathered.reactions.get(articleId) ?? []).map((reaction) => {
    const about = reaction.about.filter((id) => phaseEvents.has(id));
    building.reactionRefsDropped += reaction.about.length - about.length;
    return { ...reaction, about };
  });
}

/** A text for an article the database lacks: its quotes, one paragraph each, so each is verbatim in it. */
function rebuiltText(byEvent: ReadonlyMap<string, string[]>, held: readonly HeldAffiliation[]): string {
  const affiliationQuotes = held.flatMap(({ affiliation: a }) => (a.quote ? [a.quote] : []));
  return [...new Set([...byEvent.values()].flat().concat(affiliationQuotes))].join('\n\n');
}

function checkedEntry(building: Building, where: string, input: FactsInput, text: string): FactsEntry {
  const parsed = FactsFile.safeParse(input);
  if (!parsed.success) {
    building.problems.push(...parsed.error.issues.map((issue) => ({ file: where, path: formatPath(issue.path), reason: issue.message })));
    return { file: where, facts: input as unknown as Facts };
  }
  // The schema trims texts; a stored text is kept exactly as the database has it (offsets and all).
  const { article, ...rest } = parsed.data;
  return { file: where, facts: { ...rest, article: { ...(article as Facts['article']), text } } };
}
