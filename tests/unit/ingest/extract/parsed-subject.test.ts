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
