import { atPrecision, lastDay, type Precision } from './calendar';

/**
 * Each source's own claims about one event, and the values the event shows. Every article that reports an
 * event keeps what it says of it (date, figures, place, who took part) as its claim; the event shows, per
 * field, the value of the claim an editor chose, and otherwise follows the rule below. Sources that disagree
 * raise a conflict, open until an editor chooses; the other claims stay, whatever is chosen.
 *
 * The rule without a choice:
 *  - date: the most specific claim (a day before a month before a year; at equal precision the earlier report)
 *    among those that overlap every other claim; when no claim agrees with all, the first report's;
 *  - figures and place: the first report's (the article that defined the event), else the first that has one.
 * Conflicts: dates that do not overlap, figures that differ (count or unit), places that differ, and actors:
 * two sources naming who did it with no one in common.
 */

export const CLAIM_FIELDS = ['date', 'figures', 'place', 'participants'] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

export interface ClaimDate {
  start: string;
  end: string | null;
  precision: Precision;
}

export interface ClaimFigures {
  count: number;
  unit: string;
  approximate?: boolean | null;
}

export interface Claim {
  article: string;
  /** When the article was published: earlier reports come first. */
  publishedAt: string;
  date: ClaimDate;
  figures: ClaimFigures | null;
  place: string | null;
  participants: Array<{ actor: string; role: string }>;
}

export type Choices = Partial<Record<ClaimField, string>>;

export interface Shown {
  date: ClaimDate;
  figures: ClaimFigures | null;
  place: string | null;
  /** Fields whose claims disagree and that no editor has settled. */
  conflicts: ClaimField[];
}

const PRINCIPAL_ROLES = new Set(['agent', 'host']);
const RANK: Record<Precision, number> = { day: 0, month: 1, year: 2 };

const lastOf = (date: ClaimDate) => date.end ?? lastDay(atPrecision(date.start, date.precision));
const overlaps = (a: ClaimDate, b: ClaimDate) => a.start <= lastOf(b) && b.start <= lastOf(a);
const sameFigures = (a: ClaimFigures, b: ClaimFigures) => a.count === b.count && a.unit.trim().toLowerCase() === b.unit.trim().toLowerCase();
const samePlace = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function pairs<T>(list: readonly T[]): Array<[T, T]> {
  return list.flatMap((a, i) => list.slice(i + 1).map((b) => [a, b] as [T, T]));
}

/** The values an event shows given its claims (first report first), and its open conflicts. */
export function resolveClaims(claims: readonly Claim[], choices: Choices = {}): Shown {
  const ordered = [...claims].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.article.localeCompare(b.article));
  const first = ordered[0];
  if (!first) throw new Error('an event has at least one claim');
  const chosen = (field: ClaimField) => ordered.find((c) => c.article === choices[field]);
  const conflicts = CLAIM_FIELDS.filter((field) => !chosen(field) && disagree(ordered, field));
  return {
    date: chosen('date')?.date ?? agreedDate(ordered) ?? first.date,
    figures: chosen('figures')?.figures ?? first.figures ?? ordered.find((c) => c.figures)?.figures ?? null,
    place: chosen('place')?.place ?? first.place ?? ordered.find((c) => c.place)?.place ?? null,
    conflicts,
  };
}

function agreedDate(claims: readonly Claim[]): ClaimDate | undefined {
  const agreeing = claims.filter((c) => claims.every((other) => overlaps(c.date, other.date)));
  // A stable sort: at equal precision the earlier report keeps its place.
  return agreeing.sort((a, b) => RANK[a.date.precision] - RANK[b.date.precision])[0]?.date;
}

export function disagree(claims: readonly Claim[], field: ClaimField): boolean {
  switch (field) {
    case 'date':
      return pairs(claims).some(([a, b]) => !overlaps(a.date, b.date));
    case 'figures':
      return pairs(claims.flatMap((c) => (c.figures ? [c.figures] : []))).some(([a, b]) => !sameFigures(a, b));
    case 'place':
      return pairs(claims.flatMap((c) => (c.place ? [c.place] : []))).some(([a, b]) => !samePlace(a, b));
    case 'participants':
      return pairs(claims.map(principals).filter((set) => set.size > 0)).some(([a, b]) => ![...a].some((id) => b.has(id)));
  }
}

const principals = (claim: Claim) => new Set(claim.participants.filter((p) => PRINCIPAL_ROLES.has(p.role)).map((p) => p.actor));
