import type { Actor, EventType } from '../../domain/model';
import type { Parser } from '../../nlp/parser';
import type { ParsedText, Token } from '../../nlp/parse.schemas';
import { sharedParser } from '../../nlp/shared';
import { analyseSentence, SUIT_FOLLOWED, type SentenceEvent } from './analyse';
import { findDates, hasStoryStep, lastDayOf, opensAsLabel, type DraftDate } from './dates';
import { Lexicon } from './lexicon';
import { ArticleActors, mainSides, mainStates } from './mentions';
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
  const lexicon = new Lexicon(knownActors, input.publishedAt);
  const actors = new ArticleActors(lexicon, mainStates(lexicon, input.text), mainSides(lexicon, input.text));
  const sentences = splitSentences(input.text).filter((s) => !s.heading);
  let previousDay: string | null = null;
  let previousType: EventType | null = null;
  const perSentence: SentenceEvent[][] = [];
  const story = storyDates(sentences, perSentence, input.publishedAt);
  sentences.forEach((s, i) => {
    const events = analyseSentence(
      s.text,
      input.publishedAt,
      actors,
      tokensWithin(options.parse, s.start, s.end),
      organizationsWithin(options.parse, s.start, s.end),
      { day: previousDay, date: hasStoryStep(s.text) ? story(i - 1) : null, type: previousType },
    );
    const days = events.filter((e) => e.dateFrom !== null && e.date?.precision === 'day');
    const last = days[days.length - 1]?.date;
    if (last) previousDay = last.end ?? last.start;
    previousType = events[events.length - 1]?.type ?? previousType;
    perSentence.push(events);
  });
  const paragraphs = sentences.map((s) => paragraphOf(input.text, s.start));
  dateSuitFollowed(perSentence);
  datePastFromContext(
    perSentence,
    sentences.map((s) => s.text),
    paragraphs,
    input.publishedAt,
  );
  dateFromParagraphLabel(
    perSentence,
    sentences.map((s) => s.text),
    paragraphs,
    input.publishedAt,
  );
  const fallback = undatedDate(perSentence, input.publishedAt, options.undated ?? 'lead-event');
  const dated: DatedEvent[] = perSentence.flat().map((e) => ({
    ...e,
    ownDate: e.date !== null,
    date: e.date ?? fallback.date,
    dateFrom: e.dateFrom,
    alsoQuotedIn: [],
  }));
  const events = mergeDuplicates(dated, (a) => actors.stateOf(a) ?? null).map((e) => toDraft(e, fallback.source));
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

const paragraphOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** "Carter then travelled to Pyongyang": the next act of a story told just before. */
const NEXT_IN_STORY =
  /(?:^|[^,]\s)(?:[Tt]hen|[Ss]oon after|[Ss]hortly after)(?:wards?)?\b(?!\s+(?:on|in)\b)(?<!(?:since|until|by|till|and|but|even|only|back) then)/;

/**
 * "The dispute flared in 2012, when … . Lilongwe had recalled its ambassador", "Carter then travelled to Pyongyang":
 * a background event, or the next act of a story, told without a date of its own happened when the paragraph's last
 * past date says, not on the day of the article's lead event.
 */
function datePastFromContext(perSentence: SentenceEvent[][], texts: string[], paragraphs: number[], publishedAt: string): void {
  const monthStart = `${publishedAt.slice(0, 7)}-01`;
  let context: { paragraph: number; sentence: number; date: DraftDate } | null = null;
  perSentence.forEach((events, i) => {
    const paragraph = paragraphs[i] as number;
    const next = NEXT_IN_STORY.test(texts[i] ?? '');
    // the story's next act may open the next paragraph; anything else there starts afresh
    if (context && context.paragraph !== paragraph && !(next && context.sentence === i - 1)) context = null;
    const own = events.filter((e) => e.date !== null && e.dateFrom !== null);
    const past = own.filter((e) => lastDayOf(e.date as DraftDate) < monthStart);
    for (const e of events) {
      if (e.date !== null || !context || !(e.background || next)) continue;
      [e.date, e.dateFrom, e.background] = [context.date, 'an earlier sentence of its paragraph', true];
    }
    if (past.length > 0) context = { paragraph, sentence: i, date: (past[past.length - 1] as SentenceEvent).date as DraftDate };
    else if (own.length > 0) context = null;
  });
}

/** "Riyadh cut ties in January 2016. Bahrain and Sudan followed suit.": the act followed is of the date of the one before. */
function dateSuitFollowed(perSentence: SentenceEvent[][]): void {
  let before: SentenceEvent | undefined;
  for (const e of perSentence.flat()) {
    if (e.date === null && before?.date && e.type === before.type && e.trigger !== null && SUIT_FOLLOWED.test(e.trigger)) {
      [e.date, e.dateFrom, e.background] = [before.date, 'an earlier sentence of its paragraph', before.background];
    }
    before = e;
  }
}

/** "Tuesday: …", "12 March — …": the opening of a digest's or a timeline's item, up to its label's mark. */
const DATE_LABEL = /^\s*[\p{L}\d ,.]{3,30}?\s*(?::|—|–|-)\s/u;

/**
 * "Tuesday: The European Council prolonged … . Hungary had threatened to veto …": an item opened by a date label is
 * told of that day throughout; its undated events take the label's date, not that of the article's lead event.
 */
function dateFromParagraphLabel(perSentence: SentenceEvent[][], texts: string[], paragraphs: number[], publishedAt: string): void {
  let label: { paragraph: number; date: DraftDate } | null = null;
  perSentence.forEach((events, i) => {
    const paragraph = paragraphs[i] as number;
    if (label && label.paragraph !== paragraph) label = null;
    // the label's own sentence dates its events itself; the sentences after it take the label's date
    // the date opens the label ("NIAMEY, Aug 28 - …", a wire's dateline, is when it was filed, no label)
    const opening = DATE_LABEL.exec(texts[i] ?? '')?.[0];
    const date = opening ? findDates(opening, publishedAt).find((m) => opensAsLabel(opening, m))?.date : undefined;
    if (date) {
      label = { paragraph, date };
      return;
    }
    for (const e of events) if (e.date === null && label) [e.date, e.dateFrom] = [label.date, 'an earlier sentence of its paragraph'];
  });
}

/**
 * Where the lead event is looked for: a feature may open on a scene ("For eight years the two governments spoke only
 * through the Swiss.") and tell its news in the next sentence.
 */
const LEAD_SENTENCES = 3;

function undatedDate(perSentence: SentenceEvent[][], publishedAt: string, policy: UndatedPolicy): { date: DraftDate; source: DateSource } {
  const published = { date: { start: publishedAt, end: null, precision: 'day' } as DraftDate, source: 'the publication date' as const };
  if (policy === 'published') return published;
  const lead = perSentence
    .slice(0, LEAD_SENTENCES)
    .flat()
    .find((e) => e.date !== null && e.date.precision === 'day' && !e.background);
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
    resolved: event.resolved ?? {},
  };
}

function actorsOf(events: DraftEvent[], seen: ActorRef[]): ActorRef[] {
  const used = new Set(events.flatMap((e) => [...e.agents, ...e.targets, ...e.sources]));
  return seen.filter((a) => used.has(a.id));
}

/**
 * "… withdrew from them in 2018. Two years later, …": the last date each sentence told (a date phrase of its own, else
 * its events' date, else the one before), which a story's next step counts from. Read only when a sentence takes a
 * step, and once per sentence: `events` holds the events of the sentences read so far.
 */
function storyDates(sentences: ReadonlyArray<{ text: string }>, events: readonly SentenceEvent[][], publishedAt: string): (i: number) => DraftDate | null {
  const told: Array<DraftDate | null> = [];
  const dateOf = (i: number): DraftDate | null => {
    if (i < 0) return null;
    if (told[i] !== undefined) return told[i] ?? null;
    const text = sentences[i]?.text ?? '';
    const before = dateOf(i - 1);
    const mentions = findDates(text, publishedAt, null, before).filter((m) => m.date.start <= publishedAt && !opensAsLabel(text, m));
    const dated = (events[i] ?? []).filter((e) => e.dateFrom !== null && e.date !== null);
    told[i] = mentions[mentions.length - 1]?.date ?? dated[dated.length - 1]?.date ?? before;
    return told[i] ?? null;
  };
  return dateOf;
}
