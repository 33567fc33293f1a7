import { GENERIC_MINISTRY } from './coreference';
import type { Mention } from './types';

/**
 * A sentence cut into the clauses that have their own subject: "Caracas freed ten Americans, | while Washington
 * released 80 Venezuelans"; relative clauses ("…, who visited Taiwan") take their subject from the noun they
 * hang on; reported speech ("X said …", "…, the junta said.", "According to X, …") has a speaker and a content.
 */
export interface Clause {
  start: number;
  end: number;
  kind: 'main' | 'relative' | 'content';
  /** For a relative clause, the actors it describes; for content, who said it. */
  antecedent: Mention[];
}

export interface Speech {
  speakers: Mention[];
  verbIndex: number;
  content: { start: number; end: number };
}

const COORDINATION = /,\s+(?:while|whereas|but)\s+|;\s+|\s+but\s+(?=\p{Ll})/gu;
const RELATIVE = /,?\s+(?:who|which|whose)\s+/g;
const SPEECH_VERBS = String.raw`said|says|say|stated|noted|told|reported|claimed|confirmed|added|insisted|argued|estimated|warned|described|announced`;
const POSTPOSED = new RegExp(String.raw`,\s*([^,]{2,80}?)\s+(?:${SPEECH_VERBS})(?:\s+on\s+\w+|\s+in\s+\p{Lu}\p{L}+|\s+\w+day)?\s*[.!?]?["'”’]?\s*$`, 'u');
/** '"…," said Ayman Khalil, a researcher': the verb before its speaker, right after the quotation it reports. */
const INVERTED = /[,.!?]\s*["”’]\s*(?:said|says|added|adds|told\s+\w+|wrote|writes|insisted|insists|warned|warns)\s+/u;
const MEDIAL = new RegExp(String.raw`\b(?:${SPEECH_VERBS})\b(?:\s+(?:on|in)\s+\p{Lu}\p{L}+)?(?:\s+that\b)?`, 'gu');

export function findSpeech(sentence: string, mentions: Mention[]): Speech | null {
  const heads = mentions.filter((m) => !m.location && !m.modifier);
  const according = /\b[Aa]ccording to\b([^,]*)(,|$|\.)/.exec(sentence);
  if (according) {
    const start = according.index;
    const end = start + according[0].length;
    const speakers = heads.filter((m) => m.index >= start && m.end <= end);
    const content = start < 3 ? { start: end, end: sentence.length } : { start: 0, end: start };
    if (speakers.length > 0) return { speakers, verbIndex: start, content };
  }
  const statedBy = /,?\s*\bas (?:stated|said|announced|described) by\b([^,]*),/.exec(sentence);
  if (statedBy) {
    const start = statedBy.index;
    const speakers = heads.filter((m) => m.index >= start && m.end <= start + statedBy[0].length);
    if (speakers.length > 0) return { speakers, verbIndex: start, content: { start: 0, end: sentence.length } };
  }
  const inverted = INVERTED.exec(sentence);
  if (inverted) {
    const after = inverted.index + inverted[0].length;
    const close = sentence.indexOf(',', after);
    const end = close < 0 ? sentence.length : close;
    // "said Ayman Khalil, a researcher at …": who is named before the first comma; "said Egypt's foreign minister,
    // Sameh Shoukry": else the first one named after it
    const named = heads.filter((m) => m.index >= after && m.end <= end);
    const speakers = named.length > 0 ? named : heads.filter((m) => m.index >= after && m.index < after + 80).slice(0, 1);
    if (speakers.length > 0) return { speakers, verbIndex: inverted.index, content: { start: 0, end: inverted.index + 1 } };
  }
  const postposed = POSTPOSED.exec(sentence);
  if (postposed) {
    const speakers = heads.filter((m) => m.index >= postposed.index);
    if (speakers.length > 0) return { speakers, verbIndex: postposed.index, content: { start: 0, end: postposed.index } };
  }
  return medialSpeech(sentence, heads);
}

/** "Beridze said Georgia remained committed …": the speaker is the subject before the verb. */
function medialSpeech(sentence: string, heads: Mention[]): Speech | null {
  for (const verb of sentence.matchAll(MEDIAL)) {
    const index = verb.index ?? 0;
    if (/^announced/.test(verb[0]) && !/that$/.test(verb[0])) continue; // "announced sanctions" is an act, not speech
    if (/\b(?:was|were|been)\s+$/.test(sentence.slice(0, index))) continue;
    // "said nothing about the arrests", "did not say": no words were reported
    if (/^\s*(?:nothing|little|no more)\b/.test(sentence.slice(index + verb[0].length)) || /\b(?:not|never)\s+$/.test(sentence.slice(0, index))) continue;
    const speakers = subjectBefore(sentence, heads, 0, index);
    if (speakers.length > 0) return { speakers, verbIndex: index, content: { start: index + verb[0].length, end: sentence.length } };
  }
  return null;
}

export function splitClauses(sentence: string, mentions: Mention[], speech: Speech | null): Clause[] {
  const cuts = new Set<number>([0, sentence.length]);
  for (const m of sentence.matchAll(COORDINATION)) cuts.add((m.index ?? 0) + m[0].length);
  const relatives = [...sentence.matchAll(RELATIVE)].map((m) => ({ start: (m.index ?? 0) + m[0].length, at: m.index ?? 0 }));
  for (const r of relatives) {
    cuts.add(r.start);
    const close = sentence.indexOf(',', r.start);
    if (close > 0) cuts.add(close + 1);
  }
  if (speech) {
    cuts.add(speech.content.start);
    cuts.add(speech.content.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const clauses: Clause[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i] ?? 0;
    const end = sorted[i + 1] ?? sentence.length;
    if (end <= start) continue;
    const relative = relatives.find((r) => r.start === start);
    if (relative) {
      clauses.push({ start, end, kind: 'relative', antecedent: antecedentOf(sentence, mentions, relative.at) });
    } else if (speech && start >= speech.content.start && end <= speech.content.end && speech.content.start > 0) {
      clauses.push({ start, end, kind: 'content', antecedent: speech.speakers });
    } else {
      clauses.push({ start, end, kind: 'main', antecedent: [] });
    }
  }
  return clauses;
}

export function clauseAt(clauses: Clause[], index: number): Clause {
  return clauses.find((c) => index >= c.start && index < c.end) ?? clauses[clauses.length - 1] ?? { start: 0, end: 0, kind: 'main', antecedent: [] };
}

/** The actors a relative clause describes: the nouns right before "who" ("Rasa J. and Tomas P., who …"). */
function antecedentOf(sentence: string, mentions: Mention[], at: number): Mention[] {
  const before = mentions.filter((m) => m.end <= at && !m.location && !m.modifier);
  const last = before[before.length - 1];
  if (!last || !/^(?:\s*,?\s*(?:an?|the)?\s*[a-z-]+){0,4}\s*,?\s*$/.test(sentence.slice(last.end, at))) return [];
  return chainEndingAt(sentence, before, before.length - 1);
}

/**
 * The grammatical subject before `until` in [from, until): the first actor not governed by a preposition,
 * with the actors coordinated to it ("Armenian PM Aram Sargsyan and Azerbaijani President Elnur Mammadov").
 */
export function subjectBefore(sentence: string, heads: Mention[], from: number, until: number): Mention[] {
  const inside = heads.filter((m) => m.index >= from && m.end <= until);
  const firstAt = inside.findIndex((m) => !governedByPreposition(sentence, m, from));
  if (firstAt < 0) return [];
  const subject = [inside[firstAt] as Mention];
  for (let i = firstAt + 1; i < inside.length; i += 1) {
    const previous = inside[i - 1] as Mention;
    const current = inside[i] as Mention;
    if (!COORDINATED.test(sentence.slice(previous.end, current.index))) break;
    subject.push(current);
  }
  return subject;
}

const COORDINATED = /^(?:['’]s)?\s*(?:,\s*)?(?:(?:and|&|as well as|together with)\s+)?(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+)*$/u;

function chainEndingAt(sentence: string, mentions: Mention[], last: number): Mention[] {
  const chain = [mentions[last] as Mention];
  for (let i = last - 1; i >= 0; i -= 1) {
    const current = mentions[i] as Mention;
    if (!COORDINATED.test(sentence.slice(current.end, (chain[0] as Mention).index))) break;
    chain.unshift(current);
  }
  return chain;
}

const PREPOSITION_BEFORE =
  /\b(?:of|to|for|with|from|in|on|at|by|about|against|between|among|under|over|into|onto|as|than|toward|towards|after|before|during|since|via|including|like|led|amid|despite|behind|across|upon|regarding|on behalf of)\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[a-z-]+\s+){0,2}$/;

/**
 * "The leaders of Japan and South Korea met": people who act for the states their "of" or "from" phrase names; and a
 * state's formal name ("The Republic of Poland will host …"), which is the state.
 */
const ACTING_FOR_BEFORE =
  /\b(?:(?:Federal\s+|Islamic\s+|People['’]s\s+)?Republic|Kingdom|Principality|Sultanate|Grand Duchy|Commonwealth|Government|leaders?|heads?|(?:foreign |prime |defen[cs]e )?ministers?|presidents?|envoys?|delegations?|delegates|officials|representatives|negotiators|governments|diplomats)\s+(?:of|from)\s+(?:the\s+)?$/i;

/** "The Ministry of Foreign Affairs of Ukraine condemned …": the state whose office acts. */
const OFFICE_OF_BEFORE = new RegExp(String.raw`(?:${GENERIC_MINISTRY.source})\s+of\s+(?:the\s+)?$`);

export function governedByPreposition(sentence: string, mention: Mention, from: number): boolean {
  const before = sentence.slice(Math.max(from, mention.index - 50), mention.index);
  return PREPOSITION_BEFORE.test(before) && !ACTING_FOR_BEFORE.test(before) && !OFFICE_OF_BEFORE.test(before);
}
