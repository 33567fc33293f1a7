/**
 * How well the drafts' confidence (drafts/confidence.ts) says how often events are right: events in bins of
 * confidence, each with the share of its events that match a gold event. A confidence that is calibrated has, in
 * each bin, a precision near the bin's mean confidence.
 */

/** One extracted event: its confidence and whether it matched a gold event. */
export interface JudgedEvent {
  confidence: number;
  right: boolean;
}

export interface ReliabilityBin {
  /** The bin holds confidences in [from, to). */
  from: number;
  to: number;
  events: number;
  right: number;
  meanConfidence: number | null;
  precision: number | null;
}

const EDGES = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
const round = (x: number) => Math.round(x * 10000) / 10000;

export function reliability(events: JudgedEvent[]): ReliabilityBin[] {
  return EDGES.slice(0, -1).map((from, i) => {
    const to = EDGES[i + 1] as number;
    const inBin = events.filter((e) => e.confidence >= from && e.confidence < to);
    const right = inBin.filter((e) => e.right).length;
    const mean = inBin.reduce((sum, e) => sum + e.confidence, 0) / inBin.length;
    return {
      from,
      to: Math.min(to, 1),
      events: inBin.length,
      right,
      meanConfidence: inBin.length === 0 ? null : round(mean),
      precision: inBin.length === 0 ? null : round(right / inBin.length),
    };
  });
}

/** The mean squared gap between confidence and outcome (1 right, 0 wrong): lower is better; null for no events. */
export function brier(events: JudgedEvent[]): number | null {
  if (events.length === 0) return null;
  return round(events.reduce((sum, e) => sum + (e.confidence - (e.right ? 1 : 0)) ** 2, 0) / events.length);
}

/** The bins of each set side by side: events, mean confidence and precision. */
export function reliabilityTable(groups: Array<{ label: string; bins: ReliabilityBin[] }>): string[] {
  const percent = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
  const head = `${'confidence'.padEnd(12)}${groups.map((g) => `${g.label.padEnd(32)}`).join('')}`;
  const sub = `${''.padEnd(12)}${groups.map(() => `${'events  mean conf.  precision'.padEnd(32)}`).join('')}`;
  const rows = (groups[0]?.bins ?? []).map((bin, i) => {
    const label = `${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`.padEnd(12);
    return (
      label +
      groups
        .map((g) => {
          const b = g.bins[i] as ReliabilityBin;
          return `${String(b.events).padStart(6)}  ${percent(b.meanConfidence).padStart(10)}  ${percent(b.precision).padStart(9)}`.padEnd(32);
        })
        .join('')
    );
  });
  return [head, sub, ...rows];
}
