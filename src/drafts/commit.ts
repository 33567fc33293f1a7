import type { ManagedTransaction } from 'neo4j-driver';
import type { Db } from '../db/query';
import { ConflictError, InvalidError } from '../domain/errors';
import type { Actor, Event, EventLink, Facts } from '../domain/model';
import type { Principal } from '../domain/principal';
import { TAXONOMY } from '../domain/taxonomy';
import { recordChanges, type ChangeRecord } from '../history/history.repository';
import { participantsOf } from '../ingest/extract';
import { slugify } from '../ingest/extract/gazetteer';
import { eventIdsTaken } from '../ingest/ingest.repository';
import { assignIds } from '../ingest/known-events';
import { loadEntries } from '../ingest/load';
import type { Written } from '../ingest/load.repository';
import { existingActorIds } from '../ingest/load.repository';
import { lockDraft, markCommitted } from './drafts.repository';
import type { Committed, Draft, DraftEvent } from './drafts.schemas';

/**
 * Committing a draft: its accepted events become facts, checked like any facts file (verbatim quotes, known
 * actors, real dates) and written in one transaction with the draft's new status and the history of every
 * event; any problem, and nothing is written. Merged events make the article a further source of the known
 * event, with its own claim kept beside the others'.
 */
export async function commitDraft(db: Db, draft: Draft, principal: Principal): Promise<Committed> {
  const accepted = draft.events.filter((e) => e.decision === 'accepted');
  if (accepted.length === 0) throw new InvalidError('events', 'accept at least one event before committing');
  const ids = await finalIds(db, draft.article.id, accepted);
  const facts = await factsOf(db, draft, accepted, ids);
  const now = new Date().toISOString();
  const result = accepted.map((e) => ({ key: e.key, id: ids.get(e.key) as string, merged: e.mergeInto !== null }));
  const committed: Draft = { ...draft, status: 'committed', updatedAt: now, committed: { at: now, by: principal.name, events: result } };
  await loadEntries(db, [{ file: `draft ${draft.id}`, facts }], () => {}, {
    review: 'reviewed',
    before: async (tx) => ensureStillOpen(tx, draft.id),
    after: async (tx, written) => {
      await markCommitted(tx, committed);
      await recordChanges(tx, historyOf(draft, accepted, ids, facts, written, principal.name, now));
    },
  });
  return { draft: draft.id, article: { id: draft.article.id, title: draft.article.title }, events: result };
}

async function ensureStillOpen(tx: ManagedTransaction, id: string): Promise<void> {
  const lock = await lockDraft(tx, id);
  if (lock?.status !== 'open') throw new ConflictError(`Draft ${id} was ${lock?.status ?? 'removed'} by someone else meanwhile; nothing was written.`);
}

/** A known event's id for merged events; for the others an id from type, actor and date, free of other articles'. */
async function finalIds(db: Db, articleId: string, events: DraftEvent[]): Promise<Map<number, string>> {
  const fresh = events.filter((e) => e.mergeInto === null);
  const drafted = fresh.map((e) => slugify([e.type, e.agents[0] ?? e.targets[0] ?? '', e.date.start].join(' ')) || 'event');
  const candidates = drafted.flatMap((id) => [id, ...Array.from({ length: 20 }, (_, n) => `${id}-${n + 2}`)]);
  const assigned = assignIds(drafted, new Set(events.flatMap((e) => (e.mergeInto ? [e.mergeInto] : []))), await eventIdsTaken(db, articleId, candidates));
  const ids = new Map<number, string>();
  fresh.forEach((e, i) => ids.set(e.key, assigned[i] as string));
  for (const e of events) if (e.mergeInto) ids.set(e.key, e.mergeInto);
  return ids;
}

async function factsOf(db: Db, draft: Draft, accepted: DraftEvent[], ids: Map<number, string>): Promise<Facts> {
  const named = new Set(accepted.flatMap((e) => [...e.agents, ...e.targets, ...e.sources]));
  const inGraph = await existingActorIds(db, [...named]);
  const actors: Actor[] = draft.actors
    .filter((a) => named.has(a.id) && !inGraph.has(a.id))
    .map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      aliases: a.aliases,
      ...(a.country ? { country: a.country } : {}),
      ...(a.sector ? { sector: a.sector } : {}),
      ...(a.code ? { code: a.code } : {}),
      ...(a.wikidata ? { wikidata: a.wikidata } : {}),
    }));
  const { article } = draft;
  return {
    article: {
      id: article.id,
      title: article.title,
      publishedAt: article.publishedAt,
      text: article.text,
      ...(article.publisher ? { publisher: article.publisher } : {}),
      ...(article.url ? { url: article.url } : {}),
    },
    actors,
    events: accepted.map((e) => eventOf(e, ids)),
    affiliations: [],
    links: accepted.flatMap((e) => e.links.map((link, i) => linkOf(e, link, i, ids))),
    reactions: [],
  };
}

function eventOf(e: DraftEvent, ids: Map<number, string>): Event {
  const participants = participantsOf(e);
  if (participants.length === 0) throw new InvalidError(`events[${e.key}].agents`, `"${e.title}" names nobody: add an actor or reject it`);
  return {
    id: ids.get(e.key) as string,
    type: e.type,
    title: e.title,
    date: e.date,
    status: e.type === 'intent' ? 'announced' : 'occurred',
    participants,
    sources: [e.quote, ...e.alsoQuotedIn].map((quote) => ({ quote })),
    ...(e.figures ? { figures: e.figures } : {}),
    ...(e.place ? { place: e.place } : {}),
  };
}

function linkOf(e: DraftEvent, link: DraftEvent['links'][number], i: number, ids: Map<number, string>): EventLink {
  const to = ids.get(Number(link.to.slice('draft:'.length)));
  if (!to) throw new InvalidError(`events[${e.key}].links[${i}]`, `"${e.title}" links to ${link.to}, which is not accepted`);
  return { from: ids.get(e.key) as string, to, kind: link.kind };
}

/** The review steps of each committed event, its commit, and the actors the commit creates. */
function historyOf(draft: Draft, accepted: DraftEvent[], ids: Map<number, string>, facts: Facts, written: Written, user: string, now: string): ChangeRecord[] {
  const opened = new Map(written.added.map((s) => [s.id, s.opened]));
  const events = accepted.flatMap((e): ChangeRecord[] => {
    const id = ids.get(e.key) as string;
    const value = facts.events.find((f) => f.id === id && e.mergeInto === null);
    const steps: ChangeRecord[] = e.log.map((s) => ({ ...s, entity: 'event', entityId: id }));
    const from = `"${draft.article.title}" (draft ${draft.id})`;
    if (e.mergeInto === null)
      return [
        ...steps,
        { entity: 'event', entityId: id, at: now, user, action: 'accepted', summary: `Committed from ${from}`, before: null, after: value ?? null },
      ];
    const conflicts = opened.get(id) ?? [];
    const claim = { type: e.type, date: e.date, figures: e.figures, place: e.place, agents: e.agents, targets: e.targets, quote: e.quote };
    return [
      ...steps,
      { entity: 'event', entityId: id, at: now, user, action: 'merged', summary: `A report from ${from} merged into this event`, before: null, after: null },
      {
        entity: 'event',
        entityId: id,
        at: now,
        user,
        action: 'claim added',
        summary: `${TAXONOMY[e.type].label} as ${from} reports it${conflicts.length > 0 ? `: it disagrees on ${conflicts.join(', ')}` : ''}`,
        before: null,
        after: claim,
      },
    ];
  });
  const actors = facts.actors.map(
    (a): ChangeRecord => ({ entity: 'actor', entityId: a.id, at: now, user, action: 'created', summary: `Created from ${draft.id}`, before: null, after: a }),
  );
  return [...events, ...actors];
}
