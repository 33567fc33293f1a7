import { PlaceTally } from '../places/place-counts';
import { LATEST_KEPT, latestFirst, pairId } from '../db/cypher';
import { tallyMonths } from './month-counts';
import { tallyInto } from './summaries';
import { Tally } from '../domain/type-tally';
import type { Contribution, SummaryRows } from './tally';

/**
 * The activity summaries that new events add, summed in memory from their contributions by the definitions the
 * loader writes them by (`tallyInto`, `tallyMonths`; each pair's latest shared events in LATEST_ORDER, by
 * `latestFirst`). What a bulk load writes as import files (derived-rows.ts) and what a file load writes once at its
 * end (deferred-summaries.ts) instead of once per batch.
 */
export class SummaryTotals {
  private readonly actors = new Tally();
  private readonly pairs = new Tally();
  private readonly months = new Tally();
  private readonly actorMonths = new Tally();
  private readonly places = new PlaceTally();
  /** Each pair's shared events so far, as indexes into `ids` and `days`, trimmed to the latest now and then. */
  private readonly shared = new Map<string, number[]>();
  private readonly ids: string[] = [];
  private readonly days: string[] = [];

  /** How many events were added. */
  get size(): number {
    return this.ids.length;
  }

  add(contributions: readonly Contribution[]): void {
    tallyInto(this.actors, this.pairs, contributions, 1);
    tallyMonths(this.months, this.actorMonths, [...contributions], 1);
    this.places.add(contributions, 1);
    for (const contribution of contributions) this.share(contribution);
  }

  private share({ id, date, actors }: Contribution): void {
    const index = this.ids.push(id) - 1;
    this.days.push(date);
    const sorted = [...actors].sort();
    sorted.forEach((a, i) => {
      for (const b of sorted.slice(i + 1)) {
        const key = pairId(a, b);
        const events = this.shared.get(key) ?? [];
        events.push(index);
        if (events.length >= 4 * LATEST_KEPT) this.shared.set(key, this.latest(events));
        else this.shared.set(key, events);
      }
    });
  }

  private latest(events: number[]): number[] {
    const entry = (i: number) => ({ id: this.ids[i]!, date: this.days[i]! });
    return events.sort((a, b) => latestFirst(entry(a), entry(b))).slice(0, LATEST_KEPT);
  }

  /** Every row, each list in key order (the order concurrent writers lock them in). */
  rows(): SummaryRows {
    return {
      actors: this.actors.changes(),
      pairs: this.pairs.changes().map((count) => {
        const latest = this.latest(this.shared.get(count.key) ?? []);
        return { ...count, latestIds: latest.map((i) => this.ids[i]!), latestDates: latest.map((i) => this.days[i]!) };
      }),
      months: this.months.changes(),
      actorMonths: this.actorMonths.changes(),
      places: this.places.rows(),
    };
  }
}
