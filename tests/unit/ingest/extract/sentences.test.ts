import { splitSentences } from '../../../../src/ingest/extract/sentences';

describe('splitSentences', () => {
  it('keeps abbreviations and initialisms inside their sentence', () => {
    const text = 'The U.S. Secretary of State met Mr. Smith on Dec. 5 in Washington. He said the U.N. would act.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'The U.S. Secretary of State met Mr. Smith on Dec. 5 in Washington.',
      'He said the U.N. would act.',
    ]);
  });

  it('ends a sentence after a closing quotation', () => {
    const text = 'He called it "a new beginning." The talks ended.';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['He called it "a new beginning."', 'The talks ended.']);
  });

  it('gives offsets so every sentence is a verbatim slice of the text', () => {
    const text = 'First line here.\nKey Outcomes: Sanctions Lifted\nSecond  sentence, with two spaces.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('marks a line without closing punctuation as a heading', () => {
    const text = 'Talks were held.\nKey Outcomes: Sanctions Lifted, Prisoners Pardoned\nThe envoy left.';
    expect(splitSentences(text).map((s) => s.heading)).toEqual([false, true, false]);
  });
});
