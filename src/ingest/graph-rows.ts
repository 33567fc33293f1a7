import { affiliationKey } from '../db/affiliation-key';
import { type ActorCodes, settleActorCodes } from '../domain/actor-codes';
import { firstDay, lastDay, precisionOf } from '../domain/calendar';
import type { Claim } from '../domain/claims';
import type { Event, Facts, LinkKind } from '../domain/model';
import { LINK_KINDS, LINK_RELATIONSHIP } from '../domain/taxonomy';

/**
 * One article's facts flattened into the parameter rows the load queries UNWIND. Pure: no driver here.
 * Dates become ISO day strings (the queries turn them into Neo4j DATEs): `date` is the first day,
 * `endDate` the explicit end if any, `lastDate` the last day the event may cover (for window overlap).
 */
export interface GraphRows {
  article: Facts['article'];
  actors: Array<{ id: string; name: string; kind: string; aliases: string[]; aliasText: string; description: string | null } & ActorCodes>;
  events: Array<{
    id: string;
    type: string;
    title: string;
    summary: string | null;
    date: string;
    endDate: string | null;
    lastDate: string;
    precision: string;
    place: string | null;
    status: string;
    figureCount: number | null;
    figureUnit: string | null;
    figureApproximate: boolean | null;
    /** Where an imported event came from (domain/model.ts `EventOrigin`); null for an article's own facts. */
    originFormat: string | null;
    originFile: string | null;
    originId: string | null;
    participantKeys: string[];
  }>;
  participants: Array<{ event: string; actor: string; role: string }>;
  /**
   * `rank` keeps the file's order: the first source of an event is its primary quote. `claim` is what this
   * article says of the event (JSON of the values domain/claims.ts compares), kept on each of its quotes.
   */
  sources: Array<{ event: string; quote: string; start: number; end: number; rank: number; claim: string }>;
  sourceKeys: string[];
  /** `key`: db/affiliation-key.ts. */
  affiliations: Array<{
    key: string;
    actor: string;
    counterpart: string;
    role: string;
    title: string | null;
    from: string | null;
    to: string | null;
    former: boolean;
    quote: string | null;
  }>;
  links: Record<LinkKind, Array<{ from: string; to: string }>>;
  /** `from|RELATIONSHIP_TYPE|to` of every link the article states. */
  linkKeys: string[];
  reactions: Array<{ id: string; author: string; text: string; stance: string; about: string[] }>;
}

/** An event row with no more than its id, type and day: the rows written to prepare statements, and test rows. */
export function bareEventRow(id: string, type: GraphRows['events'][number]['type'], date: string, place: string | null = null): GraphRows['events'][number] {
  return {
    id,
    type,
    title: id,
    summary: null,
    date,
    endDate: null,
    lastDate: date,
    precision: 'day',
    place,
    status: 'occurred',
    figureCount: null,
    figureUnit: null,
    figureApproximate: null,
    originFormat: null,
    originFile: null,
    originId: null,
    participantKeys: [],
  };
}

export const participantKey = (actor: string, role: string) => `${actor}|${role}`;
export const sourceKey = (event: string, quote: string) => `${event}|${quote}`;

/** Reaction ids follow their order in the file: `<article>-reaction-1`, … */
export const reactionId = (articleId: string, index: number) => `${articleId}-reaction-${index + 1}`;

/** What one article says of an event: the fields sources may disagree on (see domain/claims.ts). */
export function claimOf(event: Event): Omit<Claim, 'article' | 'publishedAt'> {
  return {
    date: {
      start: firstDay(event.date.start),
      end: event.date.end === undefined ? null : lastDay(event.date.end),
      precision: precisionOf(event.date.start),
    },
    figures: event.figures ?? null,
    place: event.place ?? null,
    // In one order whatever order the source listed them in: the same claim is the same text.
    participants: event.participants.map(({ actor, role }) => ({ actor, role })).sort((a, b) => a.role.localeCompare(b.role) || a.actor.localeCompare(b.actor)),
  };
}

export function toGraphRows(facts: Facts): GraphRows {
  const { article } = facts;
  const sources = facts.events.flatMap((event) => {
    const claim = JSON.stringify(claimOf(event));
    return event.sources.map((source, rank) => {
      const start = article.text.indexOf(source.quote);
      return { event: event.id, quote: source.quote, start, end: start + source.quote.length, rank, claim };
    });
  });
  return {
    article,
    actors: facts.actors.map((actor) => ({
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      aliases: actor.aliases,
      aliasText: actor.aliases.join(' | '),
      description: actor.description ?? null,
      ...settleActorCodes(actor),
    })),
    events: facts.events.map((event) => ({
      id: event.id,
      type: event.type,
      title: event.title,
      summary: event.summary ?? null,
      date: firstDay(event.date.start),
      endDate: event.date.end === undefined ? null : lastDay(event.date.end),
      lastDate: lastDay(event.date.end ?? event.date.start),
      precision: precisionOf(event.date.start),
      place: event.place ?? null,
      status: event.status,
      figureCount: event.figures?.count ?? null,
      figureUnit: event.figures?.unit ?? null,
      figureApproximate: event.figures?.approximate ?? null,
      originFormat: event.origin?.format ?? null,
      originFile: event.origin?.file ?? null,
      originId: event.origin?.id ?? null,
      participantKeys: event.participants.map((p) => participantKey(p.actor, p.role)),
    })),
    participants: facts.events.flatMap((event) => event.participants.map((p) => ({ event: event.id, ...p }))),
    sources,
    sourceKeys: sources.map((s) => sourceKey(s.event, s.quote)),
    affiliations: facts.affiliations.map((a) => ({
      key: affiliationKey(a.actor, a.counterpart, a.role),
      actor: a.actor,
      counterpart: a.counterpart,
      role: a.role,
      title: a.title ?? null,
      from: a.from ?? null,
      to: a.to ?? null,
      former: a.former ?? false,
      quote: a.source?.quote ?? null,
    })),
    links: Object.fromEntries(
      LINK_KINDS.map((kind) => [kind, facts.links.filter((l) => l.kind === kind).map(({ from, to }) => ({ from, to }))]),
    ) as GraphRows['links'],
    linkKeys: facts.links.map((l) => `${l.from}|${LINK_RELATIONSHIP[l.kind]}|${l.to}`),
    reactions: facts.reactions.map((r, i) => ({
      id: reactionId(article.id, i),
      author: r.author,
      text: r.text,
      stance: r.stance,
      about: r.about,
    })),
  };
}
