import type { SentenceEvent } from './analyse';
import { overlaps } from './dates';
import type { ActorRef } from './types';

/** An event from one sentence, with whether its date was read from that sentence or inherited. */
export interface DatedEvent extends SentenceEvent {
  ownDate: boolean;
  alsoQuotedIn: string[];
}

/**
 * Articles report one event in several sentences (the lead, then the details). Two drafts are one event when
 * they have the same type, overlapping dates and the same agents; meetings, where each sentence names other
 * participants, need only share one actor (a person counting as the state they act for) and not be held with
 * two other states.
 */
export function mergeDuplicates(events: DatedEvent[], stateOf: (actor: ActorRef) => ActorRef | null = () => null): DatedEvent[] {
  const merged: DatedEvent[] = [];
  for (const event of events) {
    const same = merged.find((m) => isSameEvent(m, event, stateOf));
    if (same) absorb(same, event);
    else merged.push({ ...event, alsoQuotedIn: [...event.alsoQuotedIn] });
  }
  return merged;
}

function isSameEvent(a: DatedEvent, b: DatedEvent, stateOf: (actor: ActorRef) => ActorRef | null): boolean {
  if (a.type !== b.type) return false;
  if (a.date && b.date && !overlaps(a.date, b.date)) return false;
  const ids = (e: DatedEvent) =>
    e.agents
      .map((x) => x.id)
      .sort()
      .join('|');
  // "will visit Madrid", later "is also scheduled to meet the EU's chief": two plans, told of other partners
  if (a.type === 'intent' && a.targets.length > 0 && b.targets.length > 0 && !b.targets.some((t) => a.targets.some((u) => u.id === t.id))) return false;
  if (a.type !== 'talks') return ids(a) === ids(b);
  // "flew to Beijing" in October, "visited Tokyo in late October": meetings with other states are two meetings
  const withStates = (list: ActorRef[]) => list.flatMap((x) => [x.id, stateOf(x)?.id ?? x.id]);
  const met = new Set(withStates(a.targets));
  if (a.targets.length > 0 && b.targets.length > 0 && !withStates(b.targets).some((id) => met.has(id))) return false;
  // a meeting of two states, then "Benin's president hosted the talks": a person stands for the state they lead
  const actors = new Set(withStates([...a.agents, ...a.targets]));
  return withStates([...b.agents, ...b.targets]).some((id) => actors.has(id));
}

function absorb(into: DatedEvent, other: DatedEvent): void {
  const union = <T extends { id: string }>(a: T[], b: T[]) => [...a, ...b.filter((x) => !a.some((y) => y.id === x.id))];
  into.agents = union(into.agents, other.agents);
  into.targets = union(into.targets, other.targets).filter((t) => !into.agents.some((a) => a.id === t.id));
  into.sources = union(into.sources, other.sources);
  if (!into.ownDate && other.ownDate) {
    into.date = other.date;
    into.dateFrom = other.dateFrom;
    into.ownDate = true;
  }
  if (other.resolved) into.resolved = { ...other.resolved, ...into.resolved };
  into.figures ??= other.figures;
  into.place ??= other.place;
  if (other.quote !== into.quote && !into.alsoQuotedIn.includes(other.quote)) into.alsoQuotedIn.push(other.quote);
}
