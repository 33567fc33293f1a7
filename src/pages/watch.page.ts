import type { Request, Response } from 'express';
import { z } from 'zod';
import { listActorNames } from '../actors/actors.service';
import type { Db } from '../db/query';
import { formatEventDate } from '../domain/date-words';
import { TYPE_GROUPS, TYPE_OPTIONS, typeLabel } from '../domain/labels';
import type { Principal } from '../domain/principal';
import { watchlistFeed } from '../watch/feed';
import { NewWatchlist } from '../watch/watch.schemas';
import { createWatchlist, feedOf, whatIsNew } from '../watch/watch.service';
import { blankAsUndefined } from './page-params';

/** What a watchlist follows, in words. */
function followWords(follow: { actor: string | null; other: string | null; type: string | null }, names: Map<string, string>): string {
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : '');
  const who = follow.other ? `${name(follow.actor)} and ${name(follow.other)}` : name(follow.actor);
  const what = follow.type ? typeLabel(follow.type as never) : '';
  return [who, what].filter(Boolean).join(' · ');
}

/** /watch: what is new for each watchlist since the last visit (which this visit then becomes), and a form to follow more. */
export function watchPage(db: Db) {
  return async (req: Request, res: Response) => {
    const principal = req.principal as Principal;
    const [actors, news] = await Promise.all([listActorNames(db, 1000), whatIsNew(db, principal, true)]);
    const names = new Map(actors.map((a) => [a.id, a.name]));
    res.render('pages/watch/index', {
      title: 'Watch',
      nav: 'watch',
      actors,
      types: TYPE_OPTIONS,
      typeGroups: TYPE_GROUPS,
      created: res.locals.created ?? null,
      watchlists: news.items.map((item) => ({
        id: item.watchlist.id,
        name: item.watchlist.name,
        follows: followWords(item.watchlist.follow, names),
        webhook: item.watchlist.webhook,
        since: item.since.slice(0, 16).replace('T', ' '),
        events: item.events.map((e) => ({
          id: e.id,
          title: e.title,
          type: e.type,
          typeLabel: typeLabel(e.type),
          dateText: formatEventDate({ start: e.date.start, end: e.date.end, precision: e.date.precision }),
        })),
      })),
    });
  };
}

const WatchForm = z.object({
  name: z.string(),
  actor: blankAsUndefined(z.string()),
  other: blankAsUndefined(z.string()),
  type: blankAsUndefined(z.string()),
  webhook: blankAsUndefined(z.string()),
});

/** The form's new watchlist; the page shows its feed address (and webhook key) this once. */
export function createWatchAction(db: Db) {
  return async (req: Request, res: Response) => {
    const form = WatchForm.parse(req.body);
    const input = NewWatchlist.parse({ name: form.name, follow: { actor: form.actor, other: form.other, type: form.type }, webhook: form.webhook });
    const created = await createWatchlist(db, req.principal as Principal, input);
    res.locals.created = { name: created.name, feed: `${req.protocol}://${req.get('host')}${created.feed}`, webhookSecret: created.webhookSecret };
    await watchPage(db)(req, res);
  };
}

/** A watchlist's Atom feed: the token in its address is its only key. */
export function watchFeed(db: Db) {
  return async (req: Request, res: Response) => {
    const { watchlist, events } = await feedOf(db, String(req.params.token ?? ''));
    const base = `${req.protocol}://${req.get('host')}`;
    res
      .type('application/atom+xml')
      .set('Cache-Control', 'private, no-store')
      .send(
        watchlistFeed({
          id: `tag:diplomatic-events-kb,2025:watchlist/${watchlist.id}`,
          title: `Diplomatic events · ${watchlist.name}`,
          base,
          self: `${base}${req.originalUrl}`,
          events,
        }),
      );
  };
}
