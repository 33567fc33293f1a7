import type { Token } from '../../nlp/parse.schemas';
import { GROUP_HEADS } from './mentions';

/**
 * What the dependency parse adds to the rules: the grammatical subject of a trigger that the names did not give an
 * agent, when it is a group of people ("Students rallied outside the embassy": the students; "student groups"). Tokens are the
 * sentence's own, with offsets into the sentence.
 */
export function groupSubjectOf(tokens: readonly Token[], triggerIndex: number): string | null {
  const trigger = tokens.find((t) => t.start === triggerIndex);
  if (!trigger) return null;
  const subject = tokens.find((t) => t.head === trigger.i && t.i !== trigger.i && t.dep === 'nsubj');
  if (subject?.tag !== 'NNS' || GROUP_HEADS[subject.text.toLowerCase()] !== 'group') return null;
  // "the students", "environmental groups": a group, qualified only by common words (the names read "Iranian students")
  const qualifiers = tokens.filter((t) => t.head === subject.i && t.i !== subject.i && ['amod', 'compound', 'nummod', 'poss'].includes(t.dep));
  // "student groups", "opposition supporters": a common noun before it qualifies it as an adjective would
  const common = (t: Token) => (t.pos === 'ADJ' && t.tag === 'JJ') || (t.dep === 'compound' && t.pos === 'NOUN' && t.tag === 'NN');
  if (qualifiers.some((t) => !common(t) || (t.i !== tokens[0]?.i && /^\p{Lu}/u.test(t.text)))) return null;
  return [...qualifiers, subject].map((t) => t.text.toLowerCase()).join(' ');
}
