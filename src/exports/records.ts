import { AGENT_ROLES, TARGET_ROLES, type Role } from '../domain/taxonomy';
import type { ActorRecord, ArticleRecord, ExportEvent } from './exports.schemas';

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

/**
 * Keeps an actor's `affiliations` and an article's `reactions` only where they first appear in the stream
 * (participants before sources, in order), so an actor in a hundred events carries its roles once. The
 * importer collects them from wherever they are. Holds one id per actor and article seen, nothing more.
 */
export async function* onlyFirstAppearances(events: AsyncIterable<ExportEvent>): AsyncGenerator<ExportEvent> {
  const actorsSeen = new Set<string>();
  const articlesSeen = new Set<string>();
  const article = (record: ArticleRecord): ArticleRecord => {
    if (!articlesSeen.has(record.id)) {
      articlesSeen.add(record.id);
      return record;
    }
    const { reactions: _dropped, ...rest } = record;
    return rest;
  };
  for await (const event of events) {
    const participants = event.participants.map(({ role, actor }) => {
      const { affiliations, ...base } = actor;
      if (actorsSeen.has(actor.id)) return { role, actor: base };
      actorsSeen.add(actor.id);
      return { role, actor: { ...base, affiliations: (affiliations ?? []).map((a) => ({ ...a, article: article(a.article) })) } };
    });
    const sources = event.sources.map((source) => ({ ...source, article: article(source.article) }));
    yield { ...event, participants, sources };
  }
}
