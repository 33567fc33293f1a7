import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../db/query';
import { formatEventDate } from '../domain/date-words';
import { NotFoundError } from '../domain/errors';
import { LINK_PHRASES, ROLE_LABELS, typeLabel } from '../domain/labels';
import { EVENT_TYPES } from '../domain/taxonomy';
import { DyadParams, type DyadAnswer, type DyadEvent, type LedgerEntry } from '../dyads/dyads.schemas';
import { getDyad } from '../dyads/dyads.service';
import { IsoDate } from '../domain/dates';
import { blankAsUndefined } from './page-params';

export const DyadPageQuery = z.object({ from: blankAsUndefined(IsoDate), to: blankAsUndefined(IsoDate) });

/**
 * `/dyads/:a/:b`: two actors toward each other. A's moves on the left, B's on the right, by date, with the
 * links between them; the ledger of what each gave and got back; counts by type; the monthly trend (drawn by
 * the page's script from the same answer).
 */
export function dyadPage(db: Db) {
  return async (req: Request, res: Response) => {
    const params = DyadParams.safeParse(req.params);
    if (!params.success) throw new NotFoundError('pair of actors', `${req.params.a}/${req.params.b}`);
    const query = DyadPageQuery.parse(req.query);
    const dyad = await getDyad(db, params.data, { ...query, limit: 500 });
    res.render('pages/dyads/show', {
      title: `${dyad.a.name} and ${dyad.b.name}`,
      nav: 'connections',
      scripts: ['/js/dyads.js'],
      a: dyad.a,
      b: dyad.b,
      filters: { from: query.from ?? '', to: query.to ?? '' },
      swapHref: `/dyads/${dyad.b.id}/${dyad.a.id}`,
      connectionsHref: `/connections?from=${dyad.a.id}&to=${dyad.b.id}`,
      events: dyad.events.map((e) => eventView(e, dyad)),
      truncated: dyad.truncated,
      linksJson: JSON.stringify(dyad.links),
      ledger: { a: dyad.ledger.a.map(ledgerLine), b: dyad.ledger.b.map(ledgerLine) },
      counts: countRows(dyad.counts),
      trendMonths: dyad.trend.length,
      method: dyad.method,
    });
  };
}

function eventView(e: DyadEvent, dyad: DyadAnswer) {
  const titles = new Map(dyad.events.map((x) => [x.id, x.title]));
  const links = dyad.links.flatMap((l) =>
    l.from === e.id
      ? [{ phrase: LINK_PHRASES[l.kind].outgoing, id: l.to, title: titles.get(l.to) ?? l.to, kind: l.kind }]
      : l.to === e.id
        ? [{ phrase: LINK_PHRASES[l.kind].incoming, id: l.from, title: titles.get(l.from) ?? l.from, kind: l.kind }]
        : [],
  );
  return {
    id: e.id,
    side: e.side,
    type: e.type,
    label: e.label,
    title: e.title,
    date: formatEventDate(e.date),
    who: e.participants.map((p) => `${p.actor.name} (${ROLE_LABELS[p.role]})`).join(', '),
    quote: e.quote,
    article: e.article,
    linkedOnly: e.linkedOnly,
    links,
  };
}

const ledgerLine = (entry: LedgerEntry) => ({
  id: entry.event.id,
  title: entry.event.title,
  date: formatEventDate(entry.event.date),
  inReturnFor: entry.inReturnFor.map((e) => ({ id: e.id, title: e.title })),
  answeredBy: entry.answeredBy.map((e) => ({ id: e.id, title: e.title })),
});

function countRows(counts: DyadAnswer['counts']) {
  return EVENT_TYPES.filter((type) => (counts.a[type] ?? 0) + (counts.b[type] ?? 0) + (counts.both[type] ?? 0) > 0).map((type) => ({
    type,
    label: typeLabel(type),
    a: counts.a[type] ?? 0,
    b: counts.b[type] ?? 0,
    both: counts.both[type] ?? 0,
  }));
}
