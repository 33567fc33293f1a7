import { scoreOf } from '../domain/cameo';
import { AGENT_ROLES } from '../domain/taxonomy';
import type { EventRef } from '../domain/views';
import type { DyadAnswer, DyadLink, LedgerEntry, Side, TrendMonth } from './dyads.schemas';

/** What the ledger, the counts and the trend need of an event: the event and whose move it is. */
export type Move = EventRef & { side: Side };

/**
 * What a dyad's events say, read without the database: whose move each is, what each side gave and got back,
 * counts by type, and the cooperation–conflict trend per month. The method is written once, here, for the
 * answer and the page.
 */

/** A move worth a ledger line on its own: a concession or material cooperation (Goldstein weight 5 or more). */
const GIVING_WEIGHT = 5;

export const METHOD =
  'Each side is the actor and those who act for it (its presidents and leaders, envoys and state companies). ' +
  'An event is a side’s move when someone of that side did it (agent or host; for a statement, who made it) and someone of the other side took part; ' +
  'a move that does not name the other side is included when it is linked to one that does. ' +
  `The ledger lists each side’s concessions and material cooperation (a Goldstein weight of ${GIVING_WEIGHT} or more) and every move linked as reciprocal, with what it answered or was answered by. ` +
  'The trend is the mean Goldstein weight (−10 conflict to +10 cooperation) of the CAMEO codes of each month’s events, with the events per CAMEO quad class; ' +
  'events known only to the year, and types without a CAMEO code (nominations, elections), count in no mean.';

export interface SideMembers {
  a: ReadonlySet<string>;
  b: ReadonlySet<string>;
}

type Participant = { actor: { id: string }; role: string };

/** Who acted: agents and hosts, or for an event without any, who it is attributed to. */
function actors(participants: readonly Participant[]): string[] {
  const agents = participants.filter((p) => (AGENT_ROLES as readonly string[]).includes(p.role));
  return (agents.length > 0 ? agents : participants.filter((p) => p.role === 'source')).map((p) => p.actor.id);
}

export function sideOf(participants: readonly Participant[], members: SideMembers): Side {
  const acting = actors(participants);
  const a = acting.some((id) => members.a.has(id));
  const b = acting.some((id) => members.b.has(id));
  return a && !b ? 'a' : b && !a ? 'b' : 'both';
}

const ref = ({ id, type, title, date }: EventRef): EventRef => ({ id, type, title, date });

/** Per side, its giving moves and its reciprocal ones, each with the other side's moves it answered or that answered it. */
export function ledger(events: readonly Move[], links: readonly DyadLink[]): DyadAnswer['ledger'] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const reciprocal = links.filter((l) => l.kind === 'reciprocates');
  const entries = (side: 'a' | 'b'): LedgerEntry[] =>
    events
      .filter((e) => e.side === side)
      .map((e) => ({
        event: ref(e),
        inReturnFor: reciprocal
          .filter((l) => l.from === e.id)
          .map((l) => byId.get(l.to))
          .filter(isOtherSide(side))
          .map(ref),
        answeredBy: reciprocal
          .filter((l) => l.to === e.id)
          .map((l) => byId.get(l.from))
          .filter(isOtherSide(side))
          .map(ref),
      }))
      .filter((entry) => entry.inReturnFor.length + entry.answeredBy.length > 0 || (scoreOf(entry.event.type)?.goldstein ?? 0) >= GIVING_WEIGHT);
  return { a: entries('a'), b: entries('b') };
}

const isOtherSide =
  (side: 'a' | 'b') =>
  (event: Move | undefined): event is Move =>
    event !== undefined && event.side !== side;

export function countsBySide(events: readonly Move[]): DyadAnswer['counts'] {
  const counts: DyadAnswer['counts'] = { a: {}, b: {}, both: {} };
  for (const e of events) counts[e.side][e.type] = (counts[e.side][e.type] ?? 0) + 1;
  return counts;
}

const mean = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100);

/** Per month with events (known to the month or the day), oldest first. */
export function trend(events: readonly Move[]): TrendMonth[] {
  const months = new Map<string, Move[]>();
  for (const e of events) {
    if (e.date.precision === 'year') continue;
    const month = e.date.start.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(e);
    else months.set(month, [e]);
  }
  return [...months.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([month, list]) => monthScore(month, list));
}

function monthScore(month: string, events: Move[]): TrendMonth {
  const scored = (list: Move[]) => list.map((e) => scoreOf(e.type)).filter((s) => s !== null);
  const side = (s: Side) => {
    const list = events.filter((e) => e.side === s);
    return { events: list.length, goldstein: mean(scored(list).map((x) => x.goldstein)) };
  };
  const quad: TrendMonth['quad'] = [0, 0, 0, 0];
  for (const score of scored(events)) quad[score.quad - 1] = quad[score.quad - 1]! + 1;
  return { month, a: side('a'), b: side('b'), both: side('both'), goldstein: mean(scored(events).map((x) => x.goldstein)), quad };
}
