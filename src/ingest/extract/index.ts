import type { Actor } from '../../domain/model';
import type { Parser } from '../../nlp/parser';
import type { ParsedText, Token } from '../../nlp/parse.schemas';
import { sharedParser } from '../../nlp/shared';
import { analyseSentence, type SentenceEvent } from './analyse';
import type { DraftDate } from './dates';
import { Lexicon } from './lexicon';
import { ArticleActors, mainState } from './mentions';
import { mergeDuplicates, type DatedEvent } from './duplicates';
import { splitSentences } from './sentences';
import type { ActorRef, DateSource, DraftEvent, Extraction, ExtractInput } from './types';

export type { ActorRef, DraftEvent, Extraction, ExtractInput } from './types';
export { participantsOf, titleOf, toFactsFile, type Sides } from './to-facts';
export { splitSentences } from './sentences';

/**
 * How an event whose sentence gives no date is dated: by the article's lead event (news opens with what just
 * happened, and later sentences mostly add to it), or by the publication day.
 */
export type UndatedPolicy = 'lead-event' | 'published';

export interface ExtractOptions {
  undated?: UndatedPolicy;
  /** The article's dependency parse (sentences, tokens, entities), when a parser gave one; the rules do without. */
  parse?: ParsedText;
}

/**
 * `extract` with the article's parse at hand: the parser of the process (nlp/shared.ts) unless one is given.
 * Without a parser (turned off, not installable, failing) the rules run alone, and the parser says why once.
 */
export async function extractParsed(
  input: ExtractInput,
  knownActors: readonly Actor[],
  options: Omit<ExtractOptions, 'parse'> = {},
  parser: Pick<Parser, 'parse'> = sharedParser(),
): Promise<Extraction> {
  const parse = (await parser.parse([input.text]))?.[0];
  return extract(input, knownActors, parse ? { ...options, parse } : options);
}

/** Draft facts from an article's text: offline, rule-based, every event quoting its sentence verbatim. */
export function extract(input: ExtractInput, knownActors: readonly Actor[], options: ExtractOptions = {}): Extraction {
  const lexicon = new Lexicon(knownActors);
  const actors = new ArticleActors(lexicon, mainState(lexicon, input.text));
  const perSentence = splitSentences(input.text)
    .filter((s) => !s.heading)
    .map((s) =>
      analyseSentence(s.text, input.publishedAt, actors, tokensWithin(options.parse, s.start, s.end), organizationsWithin(options.parse, s.start, s.end)),
    );
  const fallback = undatedDate(perSentence, input.publishedAt, options.undated ?? 'lead-event');
  const dated: DatedEvent[] = perSentence.flat().map((e) => ({
    ...e,
    ownDate: e.date !== null,
    date: e.date ?? fallback.date,
    dateFrom: e.dateFrom,
    alsoQuotedIn: [],
  }));
  const events = mergeDuplicates(dated).map((e) => toDraft(e, fallback.source));
  return { events, actors: actorsOf(events, actors.actors()), resolutions: Object.fromEntries(actors.resolutions()) };
}

/** The parse's tokens between two offsets of the text, with offsets moved to count from `start`. */
function tokensWithin(parse: ParsedText | undefined, start: number, end: number): Token[] {
  if (!parse) return [];
  return parse.sentences
    .flatMap((s) => s.tokens)
    .filter((t) => t.start >= start && t.end <= end)
    .map((t) => ({ ...t, start: t.start - start, end: t.end - start }));
}

/** The parse's organisation names between two offsets of the text, with offsets counted from `start`. */
function organizationsWithin(parse: ParsedText | undefined, start: number, end: number): Array<{ start: number; end: number }> {
  if (!parse) return [];
  return parse.entities.filter((e) => e.label === 'ORG' && e.start >= start && e.end <= end).map((e) => ({ start: e.start - start, end: e.end - start }));
}

function undatedDate(perSentence: SentenceEvent[][], publishedAt: string, policy: UndatedPolicy): { date: DraftDate; source: DateSource } {
  const published = { date: { start: publishedAt, end: null, precision: 'day' } as DraftDate, source: 'the publication date' as const };
  if (policy === 'published') return published;
  const lead = perSentence[0]?.find((e) => e.date !== null && e.date.precision === 'day');
  return lead?.date ? { date: lead.date, source: "the article's lead event" } : published;
}

function toDraft(event: DatedEvent, fallback: DateSource): DraftEvent {
  return {
    type: event.type,
    date: event.date,
    agents: event.agents.map((a) => a.id),
    targets: event.targets.map((a) => a.id),
    figures: event.figures,
    place: event.place,
    quote: event.quote,
    alsoQuotedIn: event.alsoQuotedIn,
    sources: event.sources.map((a) => a.id),
    trigger: event.trigger,
    dateSource: event.ownDate && event.dateFrom ? event.dateFrom : fallback,
    reported: event.reported,
    background: event.background,
    evidence: event.evidence,
  };
}

function actorsOf(events: DraftEvent[], seen: ActorRef[]): ActorRef[] {
  const used = new Set(events.flatMap((e) => [...e.agents, ...e.targets, ...e.sources]));
  return seen.filter((a) => used.has(a.id));
}
