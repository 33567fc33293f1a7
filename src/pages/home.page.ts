import type { Request, Response } from 'express';
import type { Db } from '../db/query';
import { addDays } from '../domain/calendar';
import { getStats, getActiveDyads, getLatestEventsReviewed, getSeries } from '../stats/stats.service';
import { typeLabel } from '../domain/labels';
import { formatCount, formatEventDate, formatPartialDate } from '../domain/date-words';
import { listConflicts } from '../events/events.service';
import { listDrafts } from '../drafts/drafts.service';
import { mapClusters } from '../places/places.service';
import { mapThumbnail, sparkline } from './map-thumbnail';

/** "The last 90 days" of the dashboard end with the latest event, so a knowledge base of past events still shows them. */
const RECENT_DAYS = 90;

/** What editors have to do: open drafts and unsettled conflicts (signed-in users only). */
async function editorWork(db: Db) {
  const [drafts, conflicts] = await Promise.all([listDrafts(db, { limit: 5 }), listConflicts(db, { limit: 5 })]);
  return {
    drafts: drafts.items.map((d) => ({ id: d.id, title: d.title, pending: d.pendingCount })),
    conflicts: conflicts.items.map((c) => ({ id: c.event.id, title: c.event.title, fields: c.conflicts.join(', ') })),
  };
}

/** The dashboard's parts drawn from the events: monthly counts, the busiest actors and dyads, the map. */
async function activity(db: Db, last: string) {
  const from = addDays(last, -RECENT_DAYS);
  const [monthly, actors, dyads, map] = await Promise.all([
    getSeries(db, { by: 'type', interval: 'year', top: 8 }),
    getSeries(db, { by: 'actor', interval: 'year', top: 5, from, to: last }),
    getActiveDyads(db, from, last, 5),
    mapClusters(db, { zoom: 0 }),
  ]);
  const perYear = monthly.buckets.map((_, i) => monthly.series.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));
  return {
    recentFrom: formatEventDate({ start: from, end: null, precision: 'day' }),
    sparkline: sparkline(perYear),
    sparklineNote: monthly.buckets.length ? `per year, ${monthly.buckets[0]}–${monthly.buckets.at(-1)}` : '',
    actors: actors.series.map((s) => ({ id: s.key, name: s.label, count: s.total })),
    dyads: dyads.map((d) => ({ a: d.a, b: d.b, count: d.count })),
    thumbnail: mapThumbnail(map.clusters),
  };
}

/** Events the dashboard lists. */
const LATEST_SHOWN = 6;

type EventRefs = Awaited<ReturnType<typeof getStats>>['latest'];

/**
 * The dashboard's latest events are the latest an editor reviewed: what an analyst can cite without checking it
 * first. Until an editor has committed a draft (a fresh install holds only the seed, loaded automatically), the
 * latest events are all automatic ones, and are shown as such, marked unreviewed, rather than an empty list.
 */
function latestEvents(reviewed: EventRefs, latest: EventRefs) {
  const events = reviewed.length > 0 ? reviewed : latest;
  return {
    reviewed: reviewed.length > 0,
    events: events.map((e) => ({ id: e.id, title: e.title, type: e.type, typeLabel: typeLabel(e.type), dateText: formatEventDate(e.date) })),
  };
}

export function homePage(db: Db) {
  return async (req: Request, res: Response) => {
    const [stats, reviewed] = await Promise.all([getStats(db, LATEST_SHOWN), getLatestEventsReviewed(db, LATEST_SHOWN)]);
    const [recent, work] = await Promise.all([stats.span ? activity(db, stats.span.last) : null, req.principal ? editorWork(db) : null]);
    res.render('pages/home/index', {
      title: 'What the knowledge base holds',
      nav: 'home',
      counts: {
        events: formatCount(stats.counts.events),
        actors: formatCount(stats.counts.actors),
        articles: formatCount(stats.counts.articles),
        reactions: formatCount(stats.counts.reactions),
      },
      empty: stats.counts.events === 0,
      span: stats.span && { first: formatPartialDate(stats.span.first.slice(0, 4)), last: formatPartialDate(stats.span.last.slice(0, 7)) },
      latest: latestEvents(reviewed, stats.latest),
      recent,
      work,
    });
  };
}
