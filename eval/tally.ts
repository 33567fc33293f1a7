import { precision, recall, type Score } from '../src/ingest/extract/score';

/** Counts of one article, set or type: gold events, extracted events, and gold events an extracted one matched. */
export type Tally = Pick<Score, 'gold' | 'extracted' | 'matched'>;

/** A tally with its ratios, as the JSON summary reports it (`found` is the number extracted). */
export interface Figures {
  gold: number;
  found: number;
  matched: number;
  recall: number;
  precision: number;
}

export const EMPTY: Tally = { gold: 0, extracted: 0, matched: 0 };

export const add = (a: Tally, b: Tally): Tally => ({ gold: a.gold + b.gold, extracted: a.extracted + b.extracted, matched: a.matched + b.matched });

export const sum = (tallies: Tally[]): Tally => tallies.reduce(add, EMPTY);

const ratio = (x: number) => Math.round(x * 10000) / 10000;

export const figures = (t: Tally): Figures => ({
  gold: t.gold,
  found: t.extracted,
  matched: t.matched,
  recall: ratio(recall(t)),
  precision: ratio(precision(t)),
});
