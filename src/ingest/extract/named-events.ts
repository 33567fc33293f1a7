import type { DraftDate } from './dates';

/**
 * Past events that articles name without a date because every reader knows it ("Belarus's support for Russia's
 * full-scale invasion of Ukraine"): an act that answers one of them began the year it happened. Only events of
 * that kind of fame belong here, each with the year it began.
 */
const NAMED_EVENTS: ReadonlyArray<{ pattern: RegExp; year: string }> = [
  { pattern: /\bfull[- ]scale invasion of Ukraine\b/i, year: '2022' },
  { pattern: /\bannexation of (?:the )?Crimea\b/i, year: '2014' },
  { pattern: /\bSeptember 11(?:th)?,? 2001,? attacks\b|\b9\/11 attacks\b/i, year: '2001' },
  { pattern: /\binvasion of Kuwait\b/i, year: '1990' },
];

/** The year of the named past event the words of a trigger answer ("support for … invasion of Ukraine"), if any. */
export function namedEventDate(words: string): DraftDate | null {
  const found = NAMED_EVENTS.find((e) => e.pattern.test(words));
  return found ? { start: `${found.year}-01-01`, end: null, precision: 'year' } : null;
}
