import { confusion, merge } from '../../../../eval/confusion';
import { reliability } from '../../../../eval/reliability';
import { speedOf } from '../../../../eval/speed';
import type { GoldEvent } from '../../../../src/ingest/extract/score';
import type { DraftEvent } from '../../../../src/ingest/extract/types';

const gold = (type: GoldEvent['type'], start: string, agents: string[]): GoldEvent => ({ type, date: { start, end: null, precision: 'day' }, agents });
const found = (type: DraftEvent['type'], start: string, agents: string[]): DraftEvent => ({
  type,
  date: { start, end: null, precision: 'day' },
  agents,
  targets: [],
  figures: null,
  place: null,
  quote: '',
  alsoQuotedIn: [],
  sources: [],
  trigger: null,
  dateSource: 'its own phrase',
  reported: false,
  background: false,
});

describe('confusion of types in the extraction evaluation', () => {
  it('pairs a missed and a spurious event of the same date and agent as a confusion, and counts the rest as missed or spurious', () => {
    const missed = [gold('talks', '2025-03-01', ['peru']), gold('ceasefire', '2025-03-02', ['chile'])];
    const spurious = [found('statement', '2025-03-01', ['peru']), found('threat', '2025-03-02', ['bolivia'])];
    expect(confusion(missed, spurious)).toEqual([
      { gold: 'talks', extracted: 'statement', count: 1 },
      { gold: 'ceasefire', extracted: null, count: 1 },
      { gold: null, extracted: 'threat', count: 1 },
    ]);
  });

  it('does not pair events on different days', () => {
    expect(confusion([gold('talks', '2025-03-01', ['peru'])], [found('statement', '2025-03-04', ['peru'])])).toEqual([
      { gold: 'talks', extracted: null, count: 1 },
      { gold: null, extracted: 'statement', count: 1 },
    ]);
  });

  it('adds up the cells of the same pair across articles: confusions before misses, the largest count first', () => {
    const cells = merge([
      { gold: 'talks', extracted: 'statement', count: 1 },
      { gold: 'appeal', extracted: null, count: 1 },
      { gold: 'talks', extracted: 'statement', count: 2 },
      { gold: 'peace_agreement', extracted: 'agreement', count: 4 },
    ]);
    expect(cells).toEqual([
      { gold: 'peace_agreement', extracted: 'agreement', count: 4 },
      { gold: 'talks', extracted: 'statement', count: 3 },
      { gold: 'appeal', extracted: null, count: 1 },
    ]);
  });
});

describe('speed of the extraction evaluation', () => {
  it('reports the first article as cold and the others as warm, in ms per sentence', () => {
    const speed = speedOf([
      { sentences: 10, ms: 500 },
      { sentences: 20, ms: 40 },
      { sentences: 30, ms: 80 },
    ]);
    expect(speed.cold).toEqual({ articles: 1, sentences: 10, ms: 500, msPerSentence: 50 });
    expect(speed.warm).toEqual({ articles: 2, sentences: 50, ms: 120, msPerSentence: 2.4 });
  });
});

describe('reliability of the confidence in the extraction evaluation', () => {
  it('bins events by confidence, with their mean confidence and the share that matched; an empty bin has no figures', () => {
    const bins = reliability([
      { confidence: 0.45, right: false },
      { confidence: 0.65, right: true },
      { confidence: 0.65, right: false },
      { confidence: 0.6, right: true },
      { confidence: 0.9, right: true },
    ]);
    expect(bins.map((b) => [b.from, b.events, b.right])).toEqual([
      [0, 1, 0],
      [0.5, 0, 0],
      [0.6, 3, 2],
      [0.7, 0, 0],
      [0.8, 0, 0],
      [0.9, 1, 1],
    ]);
    expect(bins[2]).toMatchObject({ meanConfidence: 0.6333, precision: 0.6667 });
    expect(bins[1]).toMatchObject({ meanConfidence: null, precision: null });
    expect(bins[5]?.to).toBe(1);
  });
});
