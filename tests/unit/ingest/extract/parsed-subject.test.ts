import type { Token } from '../../../../src/nlp/parse.schemas';
import { groupSubjectOf } from '../../../../src/ingest/extract/parsed-subject';

/** Tokens as the parser gives them, offsets into the sentence; only what the rule reads is filled in. */
function tokens(words: Array<[text: string, tag: string, dep: string, head: number]>): Token[] {
  let start = 0;
  return words.map(([text, tag, dep, head], i) => {
    const token = { i, text, start, end: start + text.length, lemma: text.toLowerCase(), pos: '', tag, dep, head, morph: '' };
    start += text.length + 1;
    return token;
  });
}

const RALLIED = 9; // "Students rallied": the trigger's offset

test('a bare plural group noun that is the subject of the trigger is its agent', () => {
  const sentence = tokens([
    ['Students', 'NNS', 'nsubj', 1],
    ['rallied', 'VBD', 'ROOT', 1],
  ]);
  expect(groupSubjectOf(sentence, RALLIED)).toBe('students');
});

test('no group: a subject that is not a group noun, one qualified by a name, or no token at the trigger', () => {
  expect(
    groupSubjectOf(
      tokens([
        ['Envoys', 'NNS', 'nsubj', 1],
        ['rallied', 'VBD', 'ROOT', 1],
      ]),
      7,
    ),
  ).toBeNull();
  const iranian = tokens([
    ['Iranian', 'JJ', 'amod', 1],
    ['students', 'NNS', 'nsubj', 2],
    ['rallied', 'VBD', 'ROOT', 2],
  ]);
  expect(groupSubjectOf(iranian, 17)).toBeNull();
  expect(
    groupSubjectOf(
      tokens([
        ['Students', 'NNS', 'dobj', 1],
        ['rallied', 'VBD', 'ROOT', 1],
      ]),
      RALLIED,
    ),
  ).toBeNull();
  expect(
    groupSubjectOf(
      tokens([
        ['Students', 'NNS', 'nsubj', 1],
        ['rallied', 'VBD', 'ROOT', 1],
      ]),
      3,
    ),
  ).toBeNull();
});

test('"Thousands of protesters" and "several hundred students": the group counted, without its count', () => {
  const thousands = tokens([
    ['Thousands', 'NNS', 'nsubj', 3],
    ['of', 'IN', 'prep', 0],
    ['protesters', 'NNS', 'pobj', 1],
    ['rallied', 'VBD', 'ROOT', 3],
  ]);
  expect(groupSubjectOf(thousands, thousands[3]!.start)).toBe('protesters');
  const hundreds = tokens([
    ['several', 'JJ', 'amod', 2],
    ['hundred', 'CD', 'nummod', 2],
    ['students', 'NNS', 'nsubj', 3],
    ['demonstrated', 'VBD', 'ROOT', 3],
  ]);
  expect(groupSubjectOf(hundreds, hundreds[3]!.start)).toBe('students');
});

test('rebels, militants and the opposition are groups too', () => {
  const rebels = tokens([
    ['Rebels', 'NNS', 'nsubj', 1],
    ['attacked', 'VBD', 'ROOT', 1],
  ]);
  expect(groupSubjectOf(rebels, rebels[1]!.start)).toBe('rebels');
  const opposition = tokens([
    ['The', 'DT', 'det', 1],
    ['opposition', 'NN', 'nsubj', 2],
    ['refused', 'VBD', 'ROOT', 2],
  ]);
  expect(groupSubjectOf(opposition, opposition[2]!.start)).toBe('opposition');
});
