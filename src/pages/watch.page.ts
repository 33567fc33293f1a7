import type { Request, Response } from 'express';
import { listActorNames } from '../actors/actors.service';
import type { Db } from '../db/query';
import { formatEventDate } from '../domain/date-words';
import { typeLabel } from '../domain/labels';
import type { Principal } from '../domain/principal';
import { watchlistFeed } from '../watch/feed';
import { createWatchlist, feedOf, whatIsNew } from '../watch/watch.service';
import { EMPTY_FORM, type FieldErrors, formChoices, readNewWatchlist, unknownActorError, type WatchFormValues } from './watch-form';

/** Actors offered by the forms' menus. */
export const ACTORS_OFFERED = 1000;

/** What a watchlist follows, in words. */
export function followWords(follow: { actor: string | null; other: string | null; type: string | null }, names: Map<string, string>): string {
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : '');
  const who = follow.other ? `${name(follow.actor)} and ${name(follow.other)}` : name(follow.actor);
  const what = follow.type ? typeLabel(follow.type as never) : '';
  return [who, what].filter(Boolean).join(' · ');
}

/** The follow form as re-shown: what was typed and what was wrong with it (a fresh form otherwise). */
interface FollowForm {
  values: WatchFormValues;
  errors: FieldErrors;
}

/** /watch: what is new for each watchlist since the last visit (which this visit then becomes), and a form to follow more. */
export function watchPage(db: Db) {
  return async (req: Request, res: Response) => {
    const principal = req.principal as Principal;
    const [actors, news] = await Promise.all([listActorNames(db, ACTORS_OFFERED), whatIsNew(db, principal, true)]);
    const names = new Map(actors.map((a) => [a.id, a.name]));
    const form: FollowForm = res.locals.followForm ?? { values: EMPTY_FORM, errors: {} };
    res.render('pages/watch/index', {
      title: 'Watch',
      nav: 'watch',
      ...formChoices(actors),
      form,
      deleted: req.query.deleted === '1',
      created: res.locals.created ?? null,
      watchlists: news.items.map((item) => ({
        id: item.watchlist.id,
        name: item.watchlist.name,
        follows: followWords(item.watchlist.follow, names),
        webhook: item.watchlist.webhook,
        editHref: `/watch/${item.watchlist.id}`,
        deliveriesHref: `/watch/${item.watchlist.id}/deliveries`,
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

/**
 * The form's new watchlist; the page shows its feed address (and webhook key) this once. A refused form comes
 * back as typed, 400, each problem beside its field.
 */
export function createWatchAction(db: Db) {
  return async (req: Request, res: Response) => {
    const form = readNewWatchlist(req.body);
    if (!form.ok) return refuse(db, req, res, { values: form.values, errors: form.errors });
    try {
      const created = await createWatchlist(db, req.principal as Principal, form.input);
      res.locals.created = { name: created.name, feed: `${req.protocol}://${req.get('host')}${created.feed}`, webhookSecret: created.webhookSecret };
    } catch (error) {
      const errors = unknownActorError(error, form.values);
      if (!errors) throw error;
      return refuse(db, req, res, { values: form.values, errors });
    }
    await watchPage(db)(req, res);
  };
}

async function refuse(db: Db, req: Request, res: Response, form: FollowForm): Promise<void> {
  res.status(400).locals.followForm = form;
  await watchPage(db)(req, res);
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
