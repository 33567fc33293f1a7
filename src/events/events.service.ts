import { requireActor } from '../actors/actors.service';
import { isDense } from '../db/dense';
import { toLuceneQuery } from '../db/lucene';
import type { Db } from '../db/query';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import { NotFoundError } from '../domain/errors';
import { TAXONOMY } from '../domain/taxonomy';
import * as repository from './events.repository';
import type { EventDetail, EventPage, EventsQuery } from './events.schemas';

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
  const { cameo, plover } = TAXONOMY[event.type];
  return { ...event, cameo, plover };
}
