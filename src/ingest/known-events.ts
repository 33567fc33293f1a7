import { firstDay, lastDay } from '../domain/calendar';
import type { Db } from '../db/query';
import type { Event, Facts } from '../domain/model';
import { eventIdsTaken, findReportedEvents, type ReportedEventMatch, type ReportedEventQuery } from './ingest.repository';

/**
 * One event, many reports. Before a new article's facts are loaded, each of its events is looked up in the
 * knowledge base; when the knowledge base already has it, the new facts take that event's id, so loading adds
 * the article as a further source (and its participants) instead of a second copy of the event.
 *
 * The rule: an existing event is the same event when
 *   - it has the same type,
 *   - its dates overlap the new event's (a month or a year covers all its days), and
 *   - the new event names at least one principal actor, and every one of them takes part in the existing event
 *     as agent, host, guest or source.
 * The new event's principal actors are its agents and hosts, or, when it has none (statements), its sources.
 * Targets are not compared: reports of one event often describe who it was done to in different words
 * ("123 prisoners", "political prisoners"). Each existing event takes at most one new event of an article.
 *
 * New events that are not merged keep their draft ids unless another article's event already has that id;
 * then they get the first free `-2`, `-3`, … suffix.
 */

export interface MergeDecision {
  /** Position of the event in the facts' event list. */
  index: number;
  /** Its id in the draft, and the id it is loaded under. */
  draftId: string;
  id: string;
  /** True when the event is one the knowledge base already had from another article. */
  merged: boolean;
  /** The title the event goes by: the existing event's when merged, the draft's otherwise. */
  title: string;
}

export interface MergedFacts {
  facts: Facts;
  decisions: MergeDecision[];
}

const SUFFIXES = 9;

/** Who did it, as far as merging is concerned: agents and hosts, or else the sources (for statements). */
export function principalActors(event: Event): string[] {
  const doers = event.participants.filter((p) => p.role === 'agent' || p.role === 'host').map((p) => p.actor);
  const principals = doers.length > 0 ? doers : event.participants.filter((p) => p.role === 'source').map((p) => p.actor);
  return [...new Set(principals)];
}

export function reportedEventQueries(facts: Facts): ReportedEventQuery[] {
  return facts.events.flatMap((event, index) => {
    const agents = principalActors(event);
    if (agents.length === 0) return [];
    const date = firstDay(event.date.start);
    const last = lastDay(event.date.end ?? event.date.start);
    return [{ index, type: event.type, date, lastDate: last, agents }];
  });
}

/** Greedy in the article's order: each new event takes its best candidate that no earlier event took. */
export function chooseMatches(candidates: readonly ReportedEventMatch[]): Map<number, ReportedEventMatch> {
  const chosen = new Map<number, ReportedEventMatch>();
  const taken = new Set<string>();
  for (const candidate of candidates) {
    if (chosen.has(candidate.index) || taken.has(candidate.id)) continue;
    chosen.set(candidate.index, candidate);
    taken.add(candidate.id);
  }
  return chosen;
}

const idCandidates = (id: string) => [id, ...Array.from({ length: SUFFIXES - 1 }, (_, n) => `${id}-${n + 2}`)];

/** The id each unmerged event is loaded under: its own, or the first suffixed one nobody else holds. */
export function assignIds(draftIds: readonly string[], reserved: ReadonlySet<string>, takenElsewhere: ReadonlySet<string>): string[] {
  const used = new Set(reserved);
  return draftIds.map((draftId) => {
    const free = idCandidates(draftId).find((id) => !used.has(id) && !takenElsewhere.has(id));
    const id = free ?? `${draftId}-${used.size + 1}`;
    used.add(id);
    return id;
  });
}

/** The facts with event ids replaced, references included (links, reactions). Pure. */
export function renameEvents(facts: Facts, ids: ReadonlyMap<string, string>): Facts {
  const to = (id: string) => ids.get(id) ?? id;
  return {
    ...facts,
    events: facts.events.map((event) => ({ ...event, id: to(event.id) })),
    links: facts.links.map((link) => ({ ...link, from: to(link.from), to: to(link.to) })),
    reactions: facts.reactions.map((reaction) => ({ ...reaction, about: reaction.about.map(to) })),
  };
}

/** Re-points the article's events at the events the knowledge base already has; see the rule above. */
export async function mergeReports(db: Db, facts: Facts): Promise<MergedFacts> {
  const articleId = facts.article.id;
  const matches = chooseMatches(await findReportedEvents(db, articleId, reportedEventQueries(facts)));
  const unmatched = facts.events.map((event, index) => ({ event, index })).filter(({ index }) => !matches.has(index));
  const reserved = new Set([...matches.values()].map((m) => m.id));
  const candidates = unmatched.flatMap(({ event }) => idCandidates(event.id));
  const newIds = assignIds(
    unmatched.map(({ event }) => event.id),
    reserved,
    await eventIdsTaken(db, articleId, candidates),
  );
  const finalIds = new Map<number, string>(unmatched.map(({ index }, i) => [index, newIds[i] as string]));

  const decisions = facts.events.map((event, index): MergeDecision => {
    const match = matches.get(index);
    if (match) {
      const own = match.definedIn === null ? match.reportedHere : match.definedIn === articleId;
      return { index, draftId: event.id, id: match.id, merged: !own, title: match.title };
    }
    return { index, draftId: event.id, id: finalIds.get(index) ?? event.id, merged: false, title: event.title };
  });
  // Renaming by position, not by draft id, so that two drafts can never end up under one id.
  const renamed: Facts = {
    ...renameEvents(facts, new Map(decisions.map((d) => [d.draftId, d.id]))),
    events: facts.events.map((event, index) => ({ ...event, id: decisions[index]?.id ?? event.id })),
  };
  return { facts: renamed, decisions };
}
