import { AGENT_ROLES, TARGET_ROLES } from '../domain/taxonomy';
import type { Role } from '../domain/model';
import type { ActorRecord, AffiliationRecord, ArticleRecord, ExportEvent, ReactionRecord } from './exports.schemas';

/** An actor on one side of an event, with the role(s) it has there. */
export interface SideActor {
  actor: ActorRecord;
  roles: Role[];
}

function side(event: ExportEvent, roles: readonly Role[]): SideActor[] {
  const byId = new Map<string, SideActor>();
  for (const { actor, role } of event.participants) {
    if (!roles.includes(role)) continue;
    const entry = byId.get(actor.id);
    if (entry) entry.roles.push(role);
    else byId.set(actor.id, { actor, roles: [role] });
  }
  return [...byId.values()].sort((a, b) => compare(a.actor.name, b.actor.name) || compare(a.actor.id, b.actor.id));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * "Who did what to whom", as event data reads it: the agent side is the agents and hosts, or (for a
 * statement that names neither) whoever said it; the target side is the targets, guests and beneficiaries.
 */
export function agentSide(event: ExportEvent): SideActor[] {
  const agents = side(event, AGENT_ROLES);
  return agents.length > 0 ? agents : side(event, ['source']);
}

export function targetSide(event: ExportEvent): SideActor[] {
  return side(event, TARGET_ROLES);
}

/** The first quote of an event (sources come in article date, then rank, order): the sentence that reports it. */
export function primarySource(event: ExportEvent): ExportEvent['sources'][number] {
  return event.sources[0] as ExportEvent['sources'][number];
}

/** Ids of the actors and articles an export has already written in full. */
export interface SeenIds {
  actors: Set<string>;
  articles: Set<string>;
}

/**
 * Gives an actor its `affiliations` and an article its `reactions` only where it first appears in the
 * export (in event order; within an event, participants and their roles' articles before sources), so an
 * actor in a hundred events carries its roles once. The importer collects them from wherever they are.
 */
export function attachFirstAppearances(
  events: readonly ExportEvent[],
  seen: SeenIds,
  lookup: { affiliations: (actorId: string) => AffiliationRecord[]; reactions: (articleId: string) => ReactionRecord[] },
): ExportEvent[] {
  const article = (record: ArticleRecord): ArticleRecord => {
    if (seen.articles.has(record.id)) return record;
    seen.articles.add(record.id);
    return { ...record, reactions: lookup.reactions(record.id) };
  };
  return events.map((event) => {
    const participants = event.participants.map(({ role, actor }) => {
      if (seen.actors.has(actor.id)) return { role, actor };
      seen.actors.add(actor.id);
      const affiliations = lookup.affiliations(actor.id).map((a) => ({ ...a, article: article(a.article) }));
      return { role, actor: { ...actor, affiliations } };
    });
    const sources = event.sources.map((source) => ({ ...source, article: article(source.article) }));
    return { ...event, participants, sources };
  });
}
