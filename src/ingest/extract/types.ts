import type { Figures, ActorKind, EventType } from '../../domain/model';
import type { DraftDate } from './dates';

/** What the extractor is given: an article's text and when it was published (YYYY-MM-DD). */
export interface ExtractInput {
  text: string;
  publishedAt: string;
  title?: string;
  articleId?: string;
}

/** An actor the extractor refers to: a known one (from the database) or one it proposes. */
export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
  known: boolean;
}

/** A draft event: who did what to whom, when, quoting the sentence that reports it. */
/** Each actor once, first seen first. */
export function uniqueActors(list: readonly ActorRef[]): ActorRef[] {
  return list.filter((a, i) => list.findIndex((o) => o.id === a.id) === i);
}

export interface DraftEvent {
  type: EventType;
  date: DraftDate | null;
  agents: string[];
  targets: string[];
  figures: Figures | null;
  place: string | null;
  /** The verbatim sentence that reports the event. */
  quote: string;
  /** Further sentences that report the same event (merged duplicates). */
  alsoQuotedIn: string[];
  /** Who said so, for statements, claims and reported intents. */
  sources: string[];
  /** The words that report it; null for a statement read from its speech verb. */
  trigger: string | null;
  /** Where its date comes from. */
  dateSource: DateSource;
  /** Reported inside what someone said: an event as its speaker claims it. */
  reported: boolean;
  /**
   * Told as background, not as news of the reporting days: in the past perfect ("had expelled"), answering a
   * named past event, or dated before the month of publication ("a treaty signed in Lomé on 4 May 1994").
   */
  background: boolean;
  /** What the rules read it from: raw evidence the confidence is calibrated on (drafts/calibration.ts). */
  evidence: Evidence;
  /**
   * How its actors were reached by referring back to earlier mentions (a pronoun, a possessive, a role phrase, a
   * description such as "the bloc"), by actor id, in words for a reviewer; actors named outright are not in it.
   */
  resolved?: Record<string, string>;
}

/** Where an event's trigger was found: the trigger words, only the parse's verbs, or a speech verb alone. */
export const TRIGGER_SOURCES = ['trigger words', 'the parse', 'a speech verb'] as const;
/** Where its agent came from: the clause's subject in the parse, the rules' roles, inferred from context, or none. */
export const AGENT_SOURCES = ['the parse', 'the rules', 'inferred', 'none'] as const;
export interface Evidence {
  trigger: (typeof TRIGGER_SOURCES)[number];
  agent: (typeof AGENT_SOURCES)[number];
}

export const DATE_SOURCES = [
  'its own phrase',
  'the sentence opening',
  'an earlier sentence of its paragraph',
  "the article's lead event",
  'the publication date',
] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

export interface Extraction {
  events: DraftEvent[];
  actors: ActorRef[];
  /** How each actor was recognised in the text, by actor id (`alias "Washington"`, `pronoun …`). */
  resolutions: Record<string, string>;
}

/** One reference to an actor in a sentence, with what the words around it say about its part. */
export interface Mention {
  index: number;
  end: number;
  text: string;
  actor: ActorRef;
  /** "in Minsk": names where something happened, not who took part. */
  location: boolean;
  /** "Belarusian" in "Belarusian President Alexander Lukashenko": the nationality of a name that follows. */
  modifier: boolean;
  /** "Belarus's": the owner of what follows. */
  possessive: boolean;
  /** How the words were resolved to the actor, in words for a reviewer: `alias "Washington"`, `pronoun "he"`. */
  how: string;
  /** Reached by referring back to an earlier mention (a pronoun, possessive, role phrase or description), not by a name. */
  coreferent?: boolean;
}
