import type { Request, Response } from 'express';
import type { Db } from '../db/query';
import { getStats } from '../stats/stats.service';
import { typeLabel } from '../domain/labels';
import { formatCount, formatEventDate, formatPartialDate } from '../domain/date-words';

export function homePage(db: Db) {
  return async (_req: Request, res: Response) => {
    const stats = await getStats(db, 6);
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
      latest: stats.latest.map((e) => ({ id: e.id, title: e.title, type: e.type, typeLabel: typeLabel(e.type), dateText: formatEventDate(e.date) })),
    });
  };
}
