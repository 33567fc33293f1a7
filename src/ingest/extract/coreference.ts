import { type ActorRef, type Mention, uniqueActors } from './types';

/**
 * What a sentence can refer back to: the actors the sentences before it were about. News writing names an actor
 * once and then says "It recalled …", "Its foreign ministry …", "They agreed …", "the bloc", "the Treasury", "the two
 * governments"; each of these is resolved here from the article's own earlier mentions, never guessed from outside
 * it, and the caller records how (a reason the review workbench shows).
 */
export class Discourse {
  /** Who the last sentence that named anyone was about: its first event's agents, or else its grammatical subject. */
  private about: ActorRef[] = [];
  /** The grammatical subject of the sentence read last. */
  private subject: ActorRef[] = [];
  /** Everyone who took part in that sentence's first event (agents and targets): "They" after a meeting. */
  private participants: ActorRef[] = [];
  /** States and bodies named as actors, the most recent last. */
  private readonly named: ActorRef[] = [];
  /** The states the sentence read last named as actors. */
  private statesBefore: ActorRef[] = [];
  /** The international body named last ("the bloc", "the alliance"). */
  private body: ActorRef | null = null;

  /** The subject of a sentence just read: what the next one refers to unless an event of it says otherwise. */
  noteSubject(subject: readonly ActorRef[]): void {
    this.subject = [...subject];
    if (subject.length === 0) return;
    this.about = [...subject];
    this.participants = [...subject];
  }

  /**
   * The agents and targets of a sentence's first event, for "It …", "Its …" and "They …" in the next one; a subject
   * that shares an actor with the agents adds those coordinated with it ("A and B met", the parse giving only A).
   */
  noteEvent(agents: readonly ActorRef[], targets: readonly ActorRef[]): void {
    if (agents.length === 0) return;
    const subject = this.subject.some((s) => agents.some((a) => a.id === s.id)) ? this.subject : [];
    this.about = uniqueActors([...agents, ...subject]);
    this.participants = uniqueActors([...agents, ...subject, ...targets]);
  }

  /** "He", "she": the one person the sentence before had as its subject, who stays the topic (null: none). */
  personSubject(): ActorRef | null {
    return this.subject.length === 1 && this.subject[0]?.kind === 'person' ? this.subject[0] : null;
  }

  /** An actor named as an actor (not where something happened). */
  noteActor(actor: ActorRef): void {
    if (actor.kind === 'organization') this.body = actor;
    if (actor.kind === 'state' || actor.kind === 'organization' || actor.kind === 'government_body') {
      const at = this.named.findIndex((a) => a.id === actor.id);
      if (at >= 0) this.named.splice(at, 1);
      this.named.push(actor);
    }
  }

  /** "the kingdom": the state named last that `fits` (a kingdom), when the article has named one. */
  lastStateThat(fits: (state: ActorRef) => boolean): ActorRef | null {
    return [...this.named].reverse().find((a) => a.kind === 'state' && fits(a)) ?? null;
  }

  /** "the commission", "the court": the body named last whose name has that word ("African Union Commission"). */
  lastBodyNamed(word: string): ActorRef | null {
    const pattern = new RegExp(String.raw`\b${word}\b`, 'i');
    return [...this.named].reverse().find((a) => a.kind !== 'state' && pattern.test(a.name)) ?? null;
  }

  /** "It recalled …", "Its foreign ministry …": the one state or body the sentence before was about. */
  single(): ActorRef | null {
    const [only] = this.about;
    return this.about.length === 1 && only && (only.kind === 'state' || only.kind === 'organization') ? only : null;
  }

  /** "They agreed …": two or more who took part in what the sentence before reported. */
  plural(): ActorRef[] {
    const actors = this.participants.filter((a) => a.kind !== 'commodity');
    return actors.length > 1 ? actors : [];
  }

  /**
   * "Their foreign ministers …": the states of those the sentence before was about (people stand for the state they
   * act for), when they are two or more.
   */
  pluralStates(stateOf: (actor: ActorRef) => ActorRef | undefined): ActorRef[] {
    const states = uniqueActors(this.about.map((a) => (a.kind === 'person' ? stateOf(a) : a)).filter((a): a is ActorRef => a?.kind === 'state'));
    return states.length > 1 ? states : [];
  }

  /** The one state the sentence before was about, a person counting as the state they act for. */
  singleState(stateOf: (actor: ActorRef) => ActorRef | undefined): ActorRef | null {
    const states = uniqueActors(this.about.map((a) => (a.kind === 'person' ? stateOf(a) : a)).filter((a): a is ActorRef => a?.kind === 'state'));
    return states.length === 1 ? (states[0] as ActorRef) : null;
  }

  /** "the two governments", "both sides": the two states the sentence before named as actors, when it named two. */
  lastTwoStates(): ActorRef[] {
    return this.statesBefore.length === 2 ? this.statesBefore : [];
  }

  /** The states a sentence names as actors, once it is read: what "the two governments" of the next one are. */
  noteStates(states: readonly ActorRef[]): void {
    this.statesBefore = uniqueActors([...states]);
  }

  /** "the bloc": the international body named last. */
  lastBody(): ActorRef | null {
    return this.body;
  }
}

/** A reference back that opens with a possessive ("Its foreign ministry", "Their envoys"), with the owner's number. */
export interface Possessive {
  index: number;
  text: string;
  plural: boolean;
}

/** Who acts for a state or a body: "Its foreign minister", "Their envoys", "Its troops". */
const AGENT_NOUNS = String.raw`foreign\s+ministers?|prime\s+ministers?|ministers?|envoys?|ambassadors?|president|leaders?|spokes(?:man|woman|person)|diplomats?|negotiators?|delegation|delegates|representatives?|officials|troops|forces|army|navy|coast\s+guard|ministry|ministries|government|governments|cabinet|parliament|authorities`;
/** A possessive and up to two words that qualify the noun: "Its special envoy", "Their deputy foreign ministers". */
const POSSESSIVE_AGENT = new RegExp(String.raw`\b(Its|Their|its|their)\s+(?:[a-z-]+\s+){0,2}?(?:${AGENT_NOUNS})\b`, 'g');

/**
 * "Its special envoy met …", "Their foreign ministers signed …": possessive phrases of people or bodies who act for
 * their owner. One followed by a name ("Its information minister, Mohamed Farah,") introduces that person: the
 * name is the actor, and the phrase only says whose.
 */
export function possessiveAgents(sentence: string): Array<Possessive & { named: boolean }> {
  return [...sentence.matchAll(POSSESSIVE_AGENT)].map((m) => ({
    index: m.index ?? 0,
    text: m[0],
    plural: /^their$/i.test(m[1] ?? ''),
    named: /^\s*,?\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]*)+/u.test(sentence.slice((m.index ?? 0) + m[0].length)),
  }));
}

/** A ministry by its office alone, no state in its name: "the Ministry of Foreign Affairs", "the Foreign Ministry". */
export const GENERIC_MINISTRY =
  /(?:Ministry|Department)\s+of\s+(?:Foreign\s+Affairs|Defen[cs]e|(?:the\s+)?Interior|Justice|Finance|Foreign\s+Trade|Trade|Economy)|(?:Foreign|Defen[cs]e|Interior|Justice|Finance)\s+Ministry/;

/** A state's own department named bare: "The Treasury", "the ministry". */
export const BARE_DEPARTMENT = new RegExp(String.raw`\b[Tt]he\s+(?:Treasury|ministry|${GENERIC_MINISTRY.source})\b(?!\s+of\b)`, 'g');

/** A state named by what kind of state it is: "The kingdom rejected …". */
export const STATE_TITLE = /\b[Tt]he\s+(kingdom|emirate|sultanate|principality|grand duchy)\b(?!\s+of\b)/g;

/** A body named by the head word of its name: "The commission also urged …" after "the African Union Commission". */
export const BODY_HEAD = /\b[Tt]he\s+(commission|council|court|committee|agency|union|fund|tribunal|assembly|parliament|league)\b(?!\s+of\b)(?!\s*\p{Lu})/gu;

/**
 * A pronoun subject that opens the sentence, after an opening phrase and its comma at most ("On Thursday, it
 * pardoned …", "On Friday evening, they signed …"); the opening phrase names no one (checked by the caller).
 */
export function openingPronoun(sentence: string): { index: number; text: string; plural: boolean } | null {
  const m = /^(?:([^,]{2,40}),\s+)?(It|They|it|they)\b/.exec(sentence);
  if (!m || (!m[1] && /^[a-z]/.test(m[2] ?? '')) || (m[1] && !/^\p{Lu}/u.test(m[1]))) return null;
  const text = m[2] ?? '';
  return { index: m[0].length - text.length, text, plural: /^they$/i.test(text) };
}

/** An international body named by what it is: "the bloc", "the alliance". */
export const BARE_BODY = /\b[Tt]he\s+(?:bloc|alliance)\b(?!\s+of\b)/g;

/**
 * How an event's actors were reached by referring back, by actor id: the reason of the mention that names the actor
 * in the event's sentence only by a pronoun, possessive, role phrase or description (an actor also named outright
 * there needs none).
 */
export function referencesOf(
  event: { agents: readonly ActorRef[]; targets: readonly ActorRef[]; sources: readonly ActorRef[] },
  mentions: readonly Mention[],
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const actor of [...event.agents, ...event.targets, ...event.sources]) {
    const own = mentions.filter((m) => m.actor.id === actor.id);
    const reference = own.find((m) => m.coreferent);
    if (reference && own.every((m) => m.coreferent || m.location)) resolved[actor.id] = reference.how;
  }
  return resolved;
}
