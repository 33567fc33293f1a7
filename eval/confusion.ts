import type { EventType } from '../src/domain/model';
import { overlaps } from '../src/ingest/extract/dates';
import type { GoldEvent } from '../src/ingest/extract/score';
import type { DraftEvent } from '../src/ingest/extract/types';

/**
 * How often a gold type came out as an extracted type. `extracted: null` is a gold event nothing stands for
 * (missed), `gold: null` an extracted event that stands for no gold one (spurious).
 */
export interface ConfusionCell {
  gold: EventType | null;
  extracted: EventType | null;
  count: number;
}

/** The same event under another type: the dates overlap and an extracted agent is a gold agent. */
const sameEvent = (g: GoldEvent, e: DraftEvent): boolean => e.date !== null && overlaps(g.date, e.date) && e.agents.some((a) => g.agents.includes(a));

/**
 * Confusion of the events the type-aware score left over: each missed gold event is paired with at most one
 * spurious extracted event of the same date and agent (a maximum matching, as the score does), and what stays
 * unpaired counts as missed or spurious.
 */
export function confusion(missed: GoldEvent[], spurious: DraftEvent[]): ConfusionCell[] {
  const owner = new Array<number>(spurious.length).fill(-1);
  const augment = (g: number, seen: boolean[]): boolean => {
    for (let e = 0; e < spurious.length; e += 1) {
      if (seen[e] || !sameEvent(missed[g]!, spurious[e]!)) continue;
      seen[e] = true;
      if (owner[e] === -1 || augment(owner[e]!, seen)) {
        owner[e] = g;
        return true;
      }
    }
    return false;
  };
  missed.forEach((_, g) => augment(g, new Array<boolean>(spurious.length).fill(false)));
  const paired = new Set(owner.filter((g) => g >= 0));
  return merge([
    ...owner.flatMap((g, e) => (g >= 0 ? [cell(missed[g]!.type, spurious[e]!.type)] : [])),
    ...missed.filter((_, g) => !paired.has(g)).map((m) => cell(m.type, null)),
    ...spurious.filter((_, e) => owner[e] === -1).map((s) => cell(null, s.type)),
  ]);
}

const cell = (gold: EventType | null, extracted: EventType | null): ConfusionCell => ({ gold, extracted, count: 1 });

/** Confusions first, then misses, then spurious events. */
export const kindOrder = (c: Pick<ConfusionCell, 'gold' | 'extracted'>): number => (c.gold !== null && c.extracted !== null ? 0 : c.extracted === null ? 1 : 2);

const key = (c: Pick<ConfusionCell, 'gold' | 'extracted'>) => `${c.gold ?? ''}>${c.extracted ?? ''}`;

/** Adds up cells of the same pair of types: confusions, misses, spurious events, each the largest count first. */
export function merge(cells: ConfusionCell[]): ConfusionCell[] {
  const byPair = new Map<string, ConfusionCell>();
  for (const c of cells) {
    const seen = byPair.get(key(c));
    byPair.set(key(c), seen ? { ...seen, count: seen.count + c.count } : { ...c });
  }
  return [...byPair.values()].sort((a, b) => kindOrder(a) - kindOrder(b) || b.count - a.count || key(a).localeCompare(key(b)));
}
