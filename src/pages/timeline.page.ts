import type { Request, Response } from 'express';
import { z } from 'zod';
import { listActorNames } from '../actors/actors.service';
import type { Db } from '../db/query';
import { addDays, addYears, daysBetween } from '../domain/calendar';
import { IsoDate } from '../domain/dates';
import { EventType, Slug } from '../domain/model';
import { getStats } from '../stats/stats.service';
import { GROUP_BYS } from '../timeline/timeline.schemas';
import { listWindow, storyWindow } from '../timeline/timeline.service';
import { VIS_TIMELINE_SCRIPTS, VIS_TIMELINE_STYLES } from './assets';
import { blankAsUndefined } from './page-params';
import { downloadLinks, feedLink, TIMELINE_FORMATS } from './downloads';
import { TYPE_GROUPS, typeLabel } from '../domain/labels';
import { formatEventDate, precisionNote } from '../domain/date-words';

export const TimelinePageQuery = z.object({
  from: blankAsUndefined(IsoDate),
  to: blankAsUndefined(IsoDate),
  actor: blankAsUndefined(Slug),
  type: blankAsUndefined(EventType),
  group: blankAsUndefined(z.enum(GROUP_BYS)),
  cursor: blankAsUndefined(z.string().max(500)),
});

/** Events listed per page when the timeline is read without JavaScript. */
const LIST_PAGE = 50;

/** Every event, from the start of the first year to the end of the last: the window when the address names none. */
async function fullWindow(db: Db): Promise<{ from: string; to: string }> {
  const { span } = await getStats(db, 1);
  const thisYear = new Date().getUTCFullYear();
  if (!span) return { from: `${thisYear}-01-01`, to: `${thisYear}-12-31` };
  return paddedWindow(span.first, span.last);
}

/** A window around [first, last] with room on both sides, so items at the edges are not cut off. */
export function paddedWindow(first: string, last: string): { from: string; to: string } {
  const pad = Math.max(45, daysBetween(first, last) * 0.06);
  return { from: addDays(first, -Math.ceil(pad)), to: addDays(last, Math.floor(pad)) };
}

/** The window the address names, completed: one year when only one end is given, the story's when none. */
function requestedWindow(
  story: () => Promise<{ from: string; to: string }>,
  from?: string,
  to?: string,
): Promise<{ from: string; to: string }> | { from: string; to: string } {
  if (from && to) return from <= to ? { from, to } : { from: to, to: from };
  if (from) return { from, to: addYears(from, 1) };
  if (to) return { from: addYears(to, -1), to };
  return story();
}

export function timelinePage(db: Db) {
  return async (req: Request, res: Response) => {
    const query = TimelinePageQuery.parse(req.query);
    const span = await fullWindow(db);
    const window = await requestedWindow(() => storyWindow(db, { actor: query.actor, type: query.type }), query.from, query.to);
    const [actors, page] = await Promise.all([
      listActorNames(db, 1000),
      listWindow(db, { ...window, actor: query.actor, type: query.type }, LIST_PAGE, query.cursor),
    ]);
    const group = query.group ?? 'type';
    const filters = { from: window.from, to: window.to, actor: query.actor ?? '', type: query.type ?? '', group };
    const nextParams = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
    if (page.nextCursor) nextParams.set('cursor', page.nextCursor);
    res.render('pages/timeline/index', {
      title: 'Timeline',
      nav: 'timeline',
      styles: VIS_TIMELINE_STYLES,
      scripts: [...VIS_TIMELINE_SCRIPTS, '/js/timeline.js'],
      filters,
      activeFilters: [query.actor, query.type].filter(Boolean).length,
      downloads: downloadLinks(filters, TIMELINE_FORMATS),
      feeds: [feedLink('Newest events of this timeline (Atom)', { actor: filters.actor, type: filters.type })],
      span,
      actors,
      typeGroups: TYPE_GROUPS,
      events: page.items.map((e) => ({
        id: e.id,
        title: e.title,
        type: e.type,
        typeLabel: typeLabel(e.type),
        dateText: formatEventDate({ start: e.date, end: e.endDate, precision: e.precision }),
        precisionNote: precisionNote(e.precision),
        participants: e.actors,
      })),
      firstPage: !query.cursor,
      nextHref: page.nextCursor ? `/timeline?${nextParams.toString()}` : null,
      firstHref: `/timeline?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString()}`,
    });
  };
}
