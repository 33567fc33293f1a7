import type { Db } from '../db/query';
import { toLuceneQuery } from '../db/lucene';
import { TAXONOMY } from '../domain/taxonomy';
import { NotFoundError } from '../http/errors';
import { actorDegree, isDense } from '../db/dense';
import { decodeCursor, encodeCursor } from './cursor';
import * as repository from './events.repository';
import type { EventDetail, EventsQuery, EventView } from './events.schemas';

/** A page of events in date order, with the cursor of the next page (null on the last). */
export async function listEvents(db: Db, query: EventsQuery): Promise<{ items: EventView[]; nextCursor: string | null }> {
  const degree = query.actor ? await actorDegree(db, query.actor) : undefined;
  if (query.actor && degree === undefined) throw new NotFoundError('actor', query.actor);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const filter = {
    actor: query.actor,
    // A `from` is no bound on e.date (an event that began earlier may reach into it): the walk would start
    // at the beginning of time, so a dense actor with one is expanded, as in who-did-what.
    denseActor: degree !== undefined && isDense(degree) && query.from === undefined,
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
