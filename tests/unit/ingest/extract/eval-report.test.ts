import { confusion, merge } from '../../../../eval/confusion';
import { addMisses, missReasons, missTable } from '../../../../eval/near-misses';
import { calibrated, fitCalibration, type Outcome } from '../../../../eval/calibration-fit';
import { brier, reliability } from '../../../../eval/reliability';
import { FEATURES, probability, type Evidence } from '../../../../src/drafts/calibration';
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
  evidence: { trigger: 'trigger words', agent: 'the parse' },
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
      [0, 0, 0],
      [0.2, 0, 0],
      [0.3, 0, 0],
      [0.4, 1, 0],
      [0.5, 0, 0],
      [0.6, 3, 2],
      [0.7, 0, 0],
      [0.8, 0, 0],
      [0.9, 1, 1],
    ]);
    expect(bins[5]).toMatchObject({ meanConfidence: 0.6333, precision: 0.6667 });
    expect(bins[4]).toMatchObject({ meanConfidence: null, precision: null });
    expect(bins[8]?.to).toBe(1);
  });

  it('scores confidence against outcomes by the Brier score: 0 for certain and right, 1 for certain and wrong', () => {
    expect(brier([{ confidence: 1, right: true }])).toBe(0);
    expect(brier([{ confidence: 1, right: false }])).toBe(1);
    expect(
      brier([
        { confidence: 0.8, right: true },
        { confidence: 0.6, right: false },
      ]),
    ).toBe(0.2);
    expect(brier([])).toBeNull();
  });
});

describe('fitting the calibration map of the confidence', () => {
  const none = Object.fromEntries(FEATURES.map((f) => [f, false])) as Evidence;
  const outcomes = (count: number, right: number, evidence: Partial<Evidence>): Outcome[] =>
    Array.from({ length: count }, (_, i) => ({ evidence: { ...none, ...evidence }, right: i < right }));

  it('without a penalty, gives each kind of evidence the share of its events that were right', () => {
    const map = fitCalibration([...outcomes(40, 36, {}), ...outcomes(20, 10, { reported: true })], 0);
    expect(probability(map, none)).toBeCloseTo(0.9, 3);
    expect(probability(map, { ...none, reported: true })).toBeCloseTo(0.5, 3);
    expect(map.weights.reported).toBeLessThan(0);
  });

  it('with a penalty, draws evidence seen on few events toward the rate of all events', () => {
    const data = [...outcomes(40, 36, {}), ...outcomes(2, 0, { background: true })];
    const free = probability(fitCalibration(data, 0), { ...none, background: true });
    const penalised = probability(fitCalibration(data, 2), { ...none, background: true });
    expect(free).toBeLessThan(0.01);
    expect(penalised).toBeGreaterThan(0.3);
    expect(calibrated(fitCalibration(data, 2), data).map((e) => e.right)).toEqual(data.map((o) => o.right));
  });
});

describe('misses by what the nearest spurious event got wrong', () => {
  const none = { date: 0, agentAsTarget: 0, noAgent: 0, otherAgent: 0, type: 0, notDrafted: 0, spuriousAlone: 0 };

  it('names the one thing of type, date and agent that the nearest spurious event got wrong', () => {
    const swapped = { ...found('diplomats_expelled', '2025-03-03', ['chile']), targets: ['peru'] };
    const missed = [
      gold('talks', '2025-03-01', ['peru']),
      gold('diplomats_expelled', '2025-03-03', ['peru']),
      gold('ceasefire', '2025-03-05', ['peru']),
      gold('sanctions_imposed', '2025-03-07', ['peru']),
      gold('pardon', '2025-03-09', ['peru']),
      gold('threat', '2025-03-11', ['peru']),
    ];
    const spurious = [
      found('talks', '2025-02-01', ['peru']),
      swapped,
      found('ceasefire', '2025-03-05', []),
      found('sanctions_imposed', '2025-03-07', ['bolivia']),
      found('statement', '2025-03-09', ['peru']),
      found('appeal', '2025-06-01', ['ecuador']),
    ];
    expect(missReasons(missed, spurious)).toEqual({
      date: 1,
      agentAsTarget: 1,
      noAgent: 1,
      otherAgent: 1,
      type: 1,
      notDrafted: 1,
      spuriousAlone: 1,
    });
  });

  it('lets one spurious event explain one miss only, and an undated one no wrong date', () => {
    const missed = [gold('talks', '2025-03-01', ['peru']), gold('talks', '2025-03-02', ['peru'])];
    expect(missReasons(missed, [found('talks', '2025-04-01', ['peru'])])).toEqual({ ...none, date: 1, notDrafted: 1 });
    const undated = { ...found('talks', '2025-03-01', ['chile']), date: null };
    expect(missReasons([gold('talks', '2025-03-01', ['peru'])], [undated])).toEqual({ ...none, notDrafted: 1, spuriousAlone: 1 });
  });

  it('adds articles up and prints one row per set', () => {
    const total = addMisses([
      { ...none, date: 2, spuriousAlone: 1 },
      { ...none, date: 1, notDrafted: 4 },
    ]);
    expect(total).toEqual({ ...none, date: 3, notDrafted: 4, spuriousAlone: 1 });
    const [header, row] = missTable([{ label: 'heldout', counts: total }]);
    expect(header).toContain('wrong date');
    expect(row?.split(/\s+/)).toEqual(['heldout', '3', '0', '0', '0', '0', '4', '1']);
  });
});
