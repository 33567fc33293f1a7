import type { Token } from '../../nlp/parse.schemas';
import { GROUP_HEADS } from './mentions';

/**
 * What the dependency parse adds to the rules: the grammatical subject of a trigger that the names did not give an
 * agent, when it is a group of people ("Students rallied outside the embassy": the students). Tokens are the
 * sentence's own, with offsets into the sentence.
 */
export function groupSubjectOf(tokens: readonly Token[], triggerIndex: number): string | null {
  const trigger = tokens.find((t) => t.start === triggerIndex);
  if (!trigger) return null;
  const subject = tokens.find((t) => t.head === trigger.i && t.i !== trigger.i && t.dep === 'nsubj');
  if (subject?.tag !== 'NNS' || GROUP_HEADS[subject.text.toLowerCase()] !== 'group') return null;
  // "the students", "students": a bare group; a qualified one ("Iranian students") the names already read
  const qualified = tokens.some((t) => t.head === subject.i && t.i !== subject.i && ['amod', 'compound', 'nummod', 'poss'].includes(t.dep));
  return qualified ? null : subject.text.toLowerCase();
}
