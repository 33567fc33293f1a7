import { CALIBRATION, CalibrationMap, evidenceOf, FEATURES, probability } from '../../../src/drafts/calibration';
import { judge } from '../../../src/drafts/confidence';
import type { DraftEvent } from '../../../src/ingest/extract/types';

const event = (overrides: Partial<DraftEvent> = {}): DraftEvent => ({
  type: 'talks',
  date: { start: '2025-03-02', end: null, precision: 'day' },
  agents: ['belarus'],
  targets: ['norway'],
  figures: null,
  place: null,
  quote: 'Belarus held talks with Norway on 2 March.',
  alsoQuotedIn: [],
  sources: [],
  trigger: 'held talks',
  dateSource: 'its own phrase',
  reported: false,
  background: false,
  evidence: { trigger: 'trigger words', agent: 'the parse' },
  ...overrides,
});
const known = () => true;

describe('the confidence of a drafted event', () => {
  it('is the stored calibration map’s probability for the event’s evidence', () => {
    const plain = event();
    const expected = Math.round(probability(CALIBRATION, evidenceOf(plain, known)) * 100) / 100;
    expect(judge(plain, {}, known, null).confidence).toBe(expected);
  });

  it('is lower for evidence that went with wrong drafts (told as background, inside reported speech) and names why', () => {
    const plain = judge(event(), {}, known, null);
    const doubtful = judge(event({ reported: true, background: true, dateSource: "the article's lead event" }), {}, known, null);
    expect(doubtful.confidence).toBeLessThan(plain.confidence);
    expect(doubtful.reasons.flags).toEqual([
      'date not its own: taken from elsewhere in the article',
      'embedded under a reporting verb: true as its speaker claims it',
    ]);
  });

  it('reads the evidence the rules recorded', () => {
    const evidence = evidenceOf(event({ evidence: { trigger: 'a speech verb', agent: 'inferred' }, targets: ['new-group'] }), (id) => id !== 'new-group');
    expect(evidence).toMatchObject({ speechOnly: true, triggerFromParse: false, agentFromParse: false, agentInferred: true, newActor: true, noAgent: false });
  });

  it('keeps a stored map with a weight for every feature and says how it was fitted', () => {
    expect(Object.keys(CALIBRATION.weights).sort()).toEqual([...FEATURES].sort());
    expect(CALIBRATION.fittedOn).toEqual(['heldout', 'heldout2']);
    expect(CalibrationMap.safeParse({ ...CALIBRATION, weights: { ...CALIBRATION.weights, extra: 1 } }).success).toBe(false);
  });
});
