import type { EventType } from '../../domain/model';
import { overlaps, type DraftDate } from './dates';
import type { DraftEvent } from './types';

/** A curated event, reduced to what extraction is judged on. */
export interface GoldEvent {
  type: EventType;
  date: DraftDate;
  /** Every actor that may rightly stand as the one who did it. */
  agents: string[];
}

export interface Score {
  gold: number;
  extracted: number;
  matched: number;
  /** Gold events no extracted event matched, and extracted events that matched none. */
  missed: GoldEvent[];
  spurious: DraftEvent[];
}

/**
 * An extracted event matches a gold event when the type is the same, the dates overlap and one of its agents
 * is one of the gold agents. Each event matches at most one other: a maximum bipartite matching, so the score
 * does not depend on the order events are listed in.
 */
export function score(gold: GoldEvent[], extracted: DraftEvent[]): Score {
  const fits = gold.map((g) => extracted.map((e) => matches(g, e)));
  const owner = new Array<number>(extracted.length).fill(-1);
  const augment = (g: number, seen: boolean[]): boolean => {
    for (let e = 0; e < extracted.length; e += 1) {
      if (!fits[g]?.[e] || seen[e]) continue;
      seen[e] = true;
      if (owner[e] === -1 || augment(owner[e] ?? -1, seen)) {
        owner[e] = g;
        return true;
      }
    }
    return false;
  };
  gold.forEach((_, g) => augment(g, new Array<boolean>(extracted.length).fill(false)));
  const matchedGold = new Set(owner.filter((g) => g >= 0));
  return {
    gold: gold.length,
    extracted: extracted.length,
    matched: matchedGold.size,
    missed: gold.filter((_, g) => !matchedGold.has(g)),
    spurious: extracted.filter((_, e) => owner[e] === -1),
  };
}

export function matches(gold: GoldEvent, event: DraftEvent): boolean {
  return gold.type === event.type && event.date !== null && overlaps(gold.date, event.date) && event.agents.some((a) => gold.agents.includes(a));
}

export const recall = (s: Pick<Score, 'gold' | 'matched'>): number => (s.gold === 0 ? 1 : s.matched / s.gold);
export const precision = (s: Pick<Score, 'extracted' | 'matched'>): number => (s.extracted === 0 ? 1 : s.matched / s.extracted);
