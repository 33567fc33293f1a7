import { EVENT_TYPES } from './taxonomy';

// Counts of events per key (an actor, a pair, a month, a place) and per event type. Pure arithmetic, below the
// features: the activity summaries (ingest/) and the place counts (places/) both build on it.

const TYPE_INDEX = new Map<string, number>(EVENT_TYPES.map((type, i) => [type, i]));

/** Per-key totals and per-type counts, built up from contributions (positive or negative). */
export class Tally {
  readonly counts = new Map<string, { total: number; byType: number[] }>();

  add(key: string, type: string, sign: number): void {
    const entry = this.counts.get(key) ?? { total: 0, byType: EVENT_TYPES.map(() => 0) };
    entry.total += sign;
    entry.byType[TYPE_INDEX.get(type) ?? 0]! += sign;
    this.counts.set(key, entry);
  }

  /**
   * The entries that change something, in key order: concurrent writes that touch the same actors then
   * lock them in the same order, and wait for each other instead of deadlocking.
   */
  changes(): Array<{ key: string; total: number; byType: number[] }> {
    return [...this.counts]
      .filter(([, c]) => c.byType.some((n) => n !== 0))
      .map(([key, c]) => ({ key, ...c }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/** Per-key totals and per-type counts (an actor, a pair, a month, an actor's month). */
export interface Count {
  key: string;
  total: number;
  byType: number[];
}
