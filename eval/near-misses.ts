import { overlaps } from '../src/ingest/extract/dates';
import type { GoldEvent } from '../src/ingest/extract/score';
import type { DraftEvent } from '../src/ingest/extract/types';

/**
 * Why a gold event was missed, judged against the extracted events the score left over (spurious ones): which
 * one of the three things a match needs (type, date, agent) the nearest of them got wrong, or that nothing was drafted
 * near it at all. Aggregate counts only, so that a held-out set can say which part of the extractor fails on it (the
 * trigger, the date, the actors) without any of its events being looked at.
 */
export const MISS_REASONS = ['date', 'agentAsTarget', 'noAgent', 'otherAgent', 'type', 'notDrafted'] as const;
export type MissReason = (typeof MISS_REASONS)[number];

export type MissCounts = Record<MissReason, number> & {
  /** Spurious events that stand near no missed gold event: drafted where the gold has nothing. */
  spuriousAlone: number;
};

const sameType = (g: GoldEvent, e: DraftEvent) => g.type === e.type;
const sameDate = (g: GoldEvent, e: DraftEvent) => e.date !== null && overlaps(g.date, e.date);
const sameAgent = (g: GoldEvent, e: DraftEvent) => e.agents.some((a) => g.agents.includes(a));

/** Each reason's test, in the order they are tried: two of the three right, and what is wrong about the third. */
const TESTS: Array<[Exclude<MissReason, 'notDrafted'>, (g: GoldEvent, e: DraftEvent) => boolean]> = [
  ['date', (g, e) => sameType(g, e) && sameAgent(g, e)],
  ['agentAsTarget', (g, e) => sameType(g, e) && sameDate(g, e) && e.targets.some((t) => g.agents.includes(t))],
  ['noAgent', (g, e) => sameType(g, e) && sameDate(g, e) && e.agents.length === 0],
  ['otherAgent', (g, e) => sameType(g, e) && sameDate(g, e)],
  ['type', (g, e) => sameDate(g, e) && sameAgent(g, e)],
];

/**
 * Pairs each missed gold event with at most one spurious event, trying the reasons in order (a greedy pairing: a
 * diagnostic, not a score), and counts the misses by reason and the spurious events left alone.
 */
export function missReasons(missed: GoldEvent[], spurious: DraftEvent[]): MissCounts {
  const counts: MissCounts = { date: 0, agentAsTarget: 0, noAgent: 0, otherAgent: 0, type: 0, notDrafted: 0, spuriousAlone: 0 };
  const used = new Set<number>();
  const open = new Set(missed.keys());
  for (const [reason, test] of TESTS) {
    for (const g of open) {
      const e = spurious.findIndex((event, i) => !used.has(i) && test(missed[g] as GoldEvent, event));
      if (e === -1) continue;
      used.add(e);
      open.delete(g);
      counts[reason] += 1;
    }
  }
  counts.notDrafted = open.size;
  counts.spuriousAlone = spurious.length - used.size;
  return counts;
}

/** Adds up counts of several articles. */
export function addMisses(all: MissCounts[]): MissCounts {
  const total: MissCounts = { date: 0, agentAsTarget: 0, noAgent: 0, otherAgent: 0, type: 0, notDrafted: 0, spuriousAlone: 0 };
  for (const c of all) for (const key of Object.keys(total) as Array<keyof MissCounts>) total[key] += c[key];
  return total;
}

const LABELS: Record<keyof MissCounts, string> = {
  date: 'wrong date',
  agentAsTarget: 'agent as target',
  noAgent: 'no agent',
  otherAgent: 'other agent',
  type: 'wrong type',
  notDrafted: 'not drafted',
  spuriousAlone: 'spurious alone',
};

/** One row per set: its misses by reason, then its spurious events that stand near no miss. */
export function missTable(sets: Array<{ label: string; counts: MissCounts }>): string[] {
  const keys = [...MISS_REASONS, 'spuriousAlone'] as const;
  return [
    `${'set'.padEnd(10)} ${keys.map((k) => LABELS[k].padStart(16)).join('')}`,
    ...sets.map((s) => `${s.label.padEnd(10)} ${keys.map((k) => String(s.counts[k]).padStart(16)).join('')}`),
  ];
}
