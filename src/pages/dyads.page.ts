import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../db/query';
import { formatEventDate } from '../domain/date-words';
import { NotFoundError } from '../domain/errors';
import { LINK_PHRASES, ROLE_LABELS, typeLabel } from '../domain/labels';
import { EVENT_TYPES } from '../domain/taxonomy';
import { CursorParam } from '../domain/page';
import { DYAD_SPAN, DyadParams, DyadQuery, type DyadAnswer, type DyadEvent, type LedgerEntry } from '../dyads/dyads.schemas';
import { getDyad } from '../dyads/dyads.service';
import { IsoDate } from '../domain/dates';
import { blankAsUndefined } from './page-params';

export const DyadPageQuery = z.object({
  from: blankAsUndefined(IsoDate),
  to: blankAsUndefined(IsoDate),
  limit: DyadQuery.shape.limit,
  cursor: CursorParam,
});

/**
 * `/dyads/:a/:b`: two actors toward each other. A's moves on the left, B's on the right, newest first, a page
 * at a time ("Show older" is the next page's address, which the page's script loads in place), with the links
 * between them; the ledger of what each gave and got back; counts by type; the monthly trend (drawn by the
 * page's script from the same answer).
 */
export function dyadPage(db: Db) {
  return async (req: Request, res: Response) => {
    const params = DyadParams.safeParse(req.params);
    if (!params.success) throw new NotFoundError('pair of actors', `${req.params.a}/${req.params.b}`);
    const query = DyadPageQuery.parse(req.query);
    const dyad = await getDyad(db, params.data, query);
    const events = dyad.events.items;
    const titles = titlesOf(dyad);
    const onPage = new Set(events.map((e) => e.id));
    res.render('pages/dyads/show', {
      title: `${dyad.a.name} and ${dyad.b.name}`,
      nav: 'connections',
      scripts: ['/js/dyads.js'],
      a: dyad.a,
      b: dyad.b,
      filters: { from: query.from ?? '', to: query.to ?? '' },
      swapHref: `/dyads/${dyad.b.id}/${dyad.a.id}`,
      connectionsHref: `/connections?from=${dyad.a.id}&to=${dyad.b.id}`,
      events: events.map((e) => eventView(e, dyad, titles, onPage)),
      olderHref: dyad.events.nextCursor === null ? null : `/dyads/${dyad.a.id}/${dyad.b.id}?${olderQuery(query, dyad.events.nextCursor)}`,
      newestHref: query.cursor === undefined ? null : `/dyads/${dyad.a.id}/${dyad.b.id}?${pageQuery(query)}`,
      span: DYAD_SPAN,
      truncated: dyad.truncated,
      linksJson: JSON.stringify(dyad.links),
      ledger: { a: dyad.ledger.a.map(ledgerLine), b: dyad.ledger.b.map(ledgerLine) },
      counts: countRows(dyad.counts),
      trendMonths: dyad.trend.length,
      method: dyad.method,
    });
  };
}

/** The first page's query: the same dates and page size. */
function pageQuery(query: z.output<typeof DyadPageQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.limit !== DyadQuery.shape.limit.parse(undefined)) params.set('limit', String(query.limit));
  return params;
}

/** The next page's query: the same, after the cursor. */
function olderQuery(query: z.output<typeof DyadPageQuery>, cursor: string): URLSearchParams {
  const params = pageQuery(query);
  params.set('cursor', cursor);
  return params;
}

/** The titles the answer gives: the page's events and the ledger's. */
function titlesOf(dyad: DyadAnswer): Map<string, string> {
  const refs = [...dyad.events.items, ...[...dyad.ledger.a, ...dyad.ledger.b].flatMap((l) => [l.event, ...l.inReturnFor, ...l.answeredBy])];
  return new Map(refs.map((x) => [x.id, x.title]));
}

function eventView(e: DyadEvent, dyad: DyadAnswer, titles: Map<string, string>, onPage: Set<string>) {
  // A linked move on another page is reached on its own page.
  const link = (phrase: string, id: string, kind: string) => ({
    phrase,
    id,
    title: titles.get(id) ?? id,
    kind,
    href: onPage.has(id) ? `#move-${id}` : `/events/${id}`,
  });
  const links = dyad.links.flatMap((l) =>
    l.from === e.id ? [link(LINK_PHRASES[l.kind].outgoing, l.to, l.kind)] : l.to === e.id ? [link(LINK_PHRASES[l.kind].incoming, l.from, l.kind)] : [],
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
