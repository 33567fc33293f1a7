import type { Request, Response } from 'express';
import { z } from 'zod';
import { SearchText } from '../domain/views';
import type { Db } from '../db/query';
import * as actorsService from '../actors/actors.service';
import * as eventsService from '../events/events.service';
import { kindLabel, typeLabel } from '../domain/labels';
import { formatEventDate } from '../domain/date-words';
import { blankAsUndefined } from './page-params';

export const SearchPageQuery = z.object({ q: blankAsUndefined(SearchText) });

/** One box for everything: actors by name or alias, events by words of their title or summary. */
export function searchPage(db: Db) {
  return async (req: Request, res: Response) => {
    const { q } = SearchPageQuery.parse(req.query);
    const [actors, events] = q
      ? await Promise.all([actorsService.listActors(db, { q, limit: 30 }), eventsService.listEvents(db, { q, limit: 50 })])
      : [{ items: [] }, { items: [] }];
    res.render('pages/search/index', {
      title: q ? `Search: ${q}` : 'Search',
      nav: 'search',
      q: q ?? '',
      searched: Boolean(q),
      actors: actors.items.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        kindLabel: kindLabel(a.kind),
        description: a.description,
        eventCount: a.eventCount,
      })),
      events: events.items.map((e) => ({ id: e.id, title: e.title, type: e.type, typeLabel: typeLabel(e.type), dateText: formatEventDate(e.date) })),
    });
  };
}
