import { requireActor } from '../actors/actors.service';
import { isDense } from '../db/dense';
import { cursorKeys } from '../db/keyset';
import { toLuceneQuery } from '../db/lucene';
import type { Db } from '../db/query';
import type { Choices, Claim } from '../domain/claims';
import { decodeCursor, encodeCursor, pageFrom } from '../domain/cursor';
import { InvalidError, NotFoundError } from '../domain/errors';
import type { Role } from '../domain/model';
import type { Principal } from '../domain/principal';
import { recordChanges } from '../history/history.repository';
import { settleClaims } from '../ingest/claims.repository';
import { readContributions, writeSummaryChanges } from '../ingest/summaries';
import { locateEvents } from '../places/places.repository';
import { ploverCoding, scoreOfCode } from '../domain/cameo';
import * as repository from './events.repository';
import type { ClaimChoice, ClaimView, ConflictList, ConflictsQuery, EventDetail, EventPage, EventsQuery } from './events.schemas';

/** A page of events in date order, with the cursor of the next page (null on the last). */
export async function listEvents(db: Db, query: EventsQuery): Promise<EventPage> {
  const actor = query.actor === undefined ? undefined : await requireActor(db, query.actor);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const filter = {
    actor: query.actor,
    // A `from` is no bound on e.date (an event that began earlier may reach into it): the walk would start
    // at the beginning of time, so a dense actor with one is expanded, as in who-did-what.
    denseActor: actor !== undefined && isDense(actor.degree) && query.from === undefined,
    type: query.type,
    from: query.from,
    to: query.to,
    status: query.status,
    lucene: query.q && toLuceneQuery(query.q),
  };
  const rows = await repository.listEvents(db, filter, query.limit + 1, after);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last.date.start, last.id) : null;
  return { items, nextCursor };
}

export async function getEvent(db: Db, id: string): Promise<EventDetail> {
  const event = await repository.findEvent(db, id);
  if (!event) throw new NotFoundError('event', id);
  const {
    event: plover,
    mode: ploverMode,
    cameo,
  } = ploverCoding(
    event.type,
    event.participants.map((p) => p.role),
  );
  const claims = await claimViews(db, event);
  return {
    ...event,
    cameo,
    plover,
    ploverMode,
    goldstein: scoreOfCode(cameo)?.goldstein ?? null,
    claims,
    choices: event.choices ? (JSON.parse(event.choices) as Choices) : {},
  };
}

/** Each article's claim with its actors named: the event's participants, or looked up when a claim names others. */
async function claimViews(db: Db, event: repository.StoredEventDetail): Promise<ClaimView[]> {
  const parsed = event.claims.map((c) => ({ ...c, claim: JSON.parse(c.claim) as Omit<Claim, 'article' | 'publishedAt'> }));
  const refs = new Map(event.participants.map((p) => [p.actor.id, p.actor]));
  const missing = [...new Set(parsed.flatMap((c) => c.claim.participants.map((p) => p.actor)))].filter((id) => !refs.has(id));
  if (missing.length > 0) for (const actor of await repository.actorRefs(db, missing)) refs.set(actor.id, actor);
  return parsed.map(({ article, quotes, claim }) => ({
    article,
    quotes,
    date: claim.date,
    figures: claim.figures && { count: claim.figures.count, unit: claim.figures.unit, approximate: claim.figures.approximate ?? false },
    place: claim.place,
    participants: claim.participants.flatMap((p) => {
      const actor = refs.get(p.actor);
      return actor ? [{ actor, role: p.role as Role }] : [];
    }),
  }));
}

/** Events whose sources disagree on something no editor has settled yet, by id. */
export async function listConflicts(db: Db, query: ConflictsQuery): Promise<ConflictList> {
  const rows = await repository.listConflicted(db, query.limit + 1, cursorKeys(repository.CONFLICT_ORDER, query.cursor));
  return pageFrom(rows, query.limit, repository.CONFLICT_ORDER.codec);
}

/**
 * An editor settles a field: the event shows that article's claim for it (the other claims stay), the conflict
 * closes, and the step goes into the event's history, in one transaction.
 */
export async function chooseClaim(db: Db, id: string, choice: ClaimChoice, principal: Principal): Promise<EventDetail> {
  const event = await getEvent(db, id);
  const claim = event.claims.find((c) => c.article.id === choice.article);
  if (!claim) throw new InvalidError('article', `article "${choice.article}" makes no claim about event "${id}"`);
  const before = fieldValue(event, choice.field);
  await repository.writeChoice(db, id, JSON.stringify({ ...event.choices, [choice.field]: choice.article }), async (tx) => {
    // The summaries follow what the event shows: its date (months, places' months) and, as a load does, its place.
    const counted = await readContributions(tx, [id]);
    await settleClaims(tx, [id]);
    await locateEvents(tx, [id]);
    await writeSummaryChanges(tx, counted, await readContributions(tx, [id]));
    await recordChanges(tx, [
      {
        entity: 'event',
        entityId: id,
        at: new Date().toISOString(),
        user: principal.name,
        action: 'conflict resolved',
        summary: `Chose the ${choice.field} of "${claim.article.title}"`,
        before,
        after: fieldValue({ ...event, ...claim }, choice.field),
      },
    ]);
  });
  return getEvent(db, id);
}

function fieldValue(event: Pick<EventDetail, 'date' | 'figures' | 'place' | 'participants'>, field: ClaimChoice['field']): unknown {
  if (field === 'participants') return event.participants.map((p) => ({ actor: p.actor.id, role: p.role }));
  return event[field];
}
