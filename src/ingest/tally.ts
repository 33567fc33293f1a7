import type { PlaceRows } from '../places/place-counts';
import { EVENT_TYPES } from '../domain/taxonomy';

/** The summaries' arithmetic (summaries.ts, month-counts.ts): what an event contributes, and counts built from it. */

/**
 * What one event adds to the summaries: its type, its first day (ISO) and its distinct participants; for the
 * place counts (places/place-counts.ts), its last day and the places it is drawn at, when known.
 */
export interface Contribution {
  id: string;
  type: string;
  date: string;
  actors: string[];
  lastDate?: string | null;
  places?: string[];
}

/**
 * The contributions of events from the rows that write them: each event's type, first day and distinct
 * participants (in the order the rows name them). What the loader adds for the events a batch creates, and what
 * a bulk load derives its summaries from.
 */
export function contributionsOf(
  events: ReadonlyArray<{ id: string; type: string; date: string; lastDate?: string | null }>,
  participants: ReadonlyArray<{ event: string; actor: string }>,
): Contribution[] {
  const actors = new Map<string, Set<string>>();
  for (const row of participants) actors.set(row.event, (actors.get(row.event) ?? new Set()).add(row.actor));
  return events.map((e) => ({ id: e.id, type: e.type, date: e.date, lastDate: e.lastDate ?? null, actors: [...(actors.get(e.id) ?? [])] }));
}

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

/** A pair's counts with its latest shared events, newest first (the LATEST_KEPT latest). */
export interface PairRow extends Count {
  latestIds: string[];
  latestDates: string[];
}

/** The activity summaries of a set of new events, as rows to add to the database's (summaries.ts, month-counts.ts). */
export interface SummaryRows {
  actors: Count[];
  pairs: PairRow[];
  months: Count[];
  actorMonths: Count[];
  /** The place counts (places/place-counts.ts), of the events whose places were known. */
  places?: PlaceRows;
}
