import type { PlaceRows } from '../places/place-counts';
import type { Count } from '../domain/type-tally';

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
