import type { FileProblem } from '../domain/errors';
import type { FactsEntry } from '../ingest/check-facts';
import { buildLoads } from './facts';
import { gatherRecords } from './gather';
import { placeLinks, type EventLink } from './links';
import type { ReadEvent } from './read-event';

export { partialStart } from './facts';

/** What the database already holds of an article the file names. */
export interface StoredArticle {
  text: string;
  events: string[];
}

export interface ImportPlan {
  /** Loads run one after another; within one, an event is in at most one article (see `phasesOf`). */
  loads: FactsEntry[][];
  /**
   * Links between events that no one load holds together (their articles share another event, so they are
   * in different loads): written after the last load, when both events exist. Rare.
   */
  crossLinks: EventLink[];
  /** What was left out, and why (links and reaction references to events not in the file). */
  notes: string[];
  problems: FileProblem[];
}

/**
 * Groups articles into loads so that no event is in two articles of one load: the loader refuses an event
 * id defined twice in one load, yet an event reported by two articles must be written with each. Greedy:
 * each article goes to the first load that has none of its events. Usually there is one load.
 */
export function phasesOf(articleEvents: Map<string, string[]>): string[][] {
  const phases: Array<{ articles: string[]; events: Set<string> }> = [];
  for (const [article, events] of articleEvents) {
    let phase = phases.find((p) => events.every((id) => !p.events.has(id)));
    if (!phase) phases.push((phase = { articles: [], events: new Set() }));
    phase.articles.push(article);
    for (const id of events) phase.events.add(id);
  }
  return phases.map((p) => p.articles);
}

/**
 * Turns exported events back into facts files, one per article (pure: what the database holds is passed in).
 * Actors are defined in the first file of the first load that names them; the others refer to them.
 */
export function planImport(file: string, read: readonly ReadEvent[], stored: ReadonlyMap<string, StoredArticle>): ImportPlan {
  const gathered = gatherRecords(file, read);
  const problems = [...gathered.problems, ...detachingProblems(file, gathered.articleEvents, stored)];
  if (problems.length > 0) return { loads: [], crossLinks: [], notes: [], problems };

  const phases = phasesOf(new Map([...gathered.articleEvents].map(([id, byEvent]) => [id, [...byEvent.keys()]])));
  const { links, crossLinks, outside } = placeLinks(gathered.events, gathered.articleEvents, phases);
  const built = buildLoads(file, gathered, phases, links, (articleId) => stored.get(articleId)?.text);
  const notes: string[] = [];
  if (outside > 0) notes.push(`${outside} link(s) to events not in the file were left out`);
  if (built.reactionRefsDropped > 0) notes.push(`${built.reactionRefsDropped} reader reaction reference(s) to events not in the file were left out`);
  return { loads: built.loads, crossLinks, notes, problems: built.problems };
}

/** The loader detaches an article's events its facts file omits: a partial export must not overwrite what the database knows. */
function detachingProblems(
  file: string,
  articleEvents: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  stored: ReadonlyMap<string, StoredArticle>,
): FileProblem[] {
  const problems: FileProblem[] = [];
  for (const [articleId, byEvent] of articleEvents) {
    const missing = stored.get(articleId)?.events.filter((id) => !byEvent.has(id)) ?? [];
    if (missing.length === 0) continue;
    problems.push({
      file,
      path: `article ${articleId}`,
      reason:
        `the database holds this article with ${missing.length} event(s) the file does not carry (${missing.slice(0, 5).join(', ')}` +
        `${missing.length > 5 ? ', …' : ''}); importing would detach them. Import a complete export of the article instead.`,
    });
  }
  return problems;
}
