import type { Token } from '../../nlp/parse.schemas';
import { GROUP_HEADS } from './mentions';

/** Words that count a group rather than name it: "several hundred students", "many farmers". */
const COUNTING = /^(?:several|many|some|few|numerous|dozens|hundreds|thousands|scores|tens)$/i;
/** A party's adjective qualifies a group as a common word does: "Republican senators", "Labour MPs". */
const PARTY = /^(?:Republican|Democratic|Democrat|Labour|Conservative|Liberal|Tory|Green|Socialist|Communist)$/;
/** "Thousands of protesters", "Dozens of rebels": the counted group after "of" is the subject. */
const COUNT_NOUNS = /^(?:thousands|hundreds|dozens|scores|tens|crowds?|groups?|hundred|thousand|handful|number)$/i;

/**
 * What the dependency parse adds to the rules: the grammatical subject of a trigger that the names did not give an
 * agent, when it is a group of people ("Students rallied outside the embassy": the students; "student groups";
 * "Thousands of protesters"; "The opposition"). Tokens are the sentence's own, with offsets into the sentence.
 */
export function groupSubjectOf(tokens: readonly Token[], triggerIndex: number): string | null {
  const trigger = tokens.find((t) => t.start === triggerIndex);
  if (!trigger) return null;
  let subject = tokens.find((t) => t.head === trigger.i && t.i !== trigger.i && t.dep === 'nsubj');
  if (subject && COUNT_NOUNS.test(subject.text)) subject = countedAfter(tokens, subject) ?? subject;
  if (!subject || GROUP_HEADS[subject.text.toLowerCase()] !== 'group' || !/^NNS?$/.test(subject.tag)) return null;
  // "the students", "environmental groups": a group, qualified only by common words (the names read "Iranian students")
  const qualifiers = tokens.filter((t) => t.head === subject.i && t.i !== subject.i && ['amod', 'compound', 'poss'].includes(t.dep) && !COUNTING.test(t.text));
  // "student groups", "opposition supporters": a common noun before it qualifies it as an adjective would
  const common = (t: Token) => (t.pos === 'ADJ' && t.tag === 'JJ') || (t.dep === 'compound' && t.pos === 'NOUN' && t.tag === 'NN');
  if (qualifiers.some((t) => !(common(t) || PARTY.test(t.text)) || (t.i !== tokens[0]?.i && /^\p{Lu}/u.test(t.text) && !PARTY.test(t.text)))) return null;
  return [...qualifiers, subject].map((t) => t.text.toLowerCase()).join(' ');
}

/** The noun of the "of" phrase on a counting noun: "protesters" in "Thousands of protesters". */
function countedAfter(tokens: readonly Token[], counter: Token): Token | undefined {
  const of = tokens.find((t) => t.head === counter.i && t.dep === 'prep' && /^of$/i.test(t.text));
  return of ? tokens.find((t) => t.head === of.i && t.dep === 'pobj') : undefined;
}
