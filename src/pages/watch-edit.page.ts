import type { Request, Response } from 'express';
import { z } from 'zod';
import { listActorNames } from '../actors/actors.service';
import type { Db } from '../db/query';
import { NotFoundError } from '../domain/errors';
import { CursorParam } from '../domain/page';
import type { Principal } from '../domain/principal';
import type { WatchlistView } from '../watch/watch.schemas';
import { WatchlistParams } from '../watch/watch.schemas';
import { changeWatchlist, deliveries, ownWatchlist, removeWatchlist } from '../watch/watch.service';
import { blankAsUndefined } from './page-params';
import { ACTORS_OFFERED, followWords } from './watch.page';
import { type FieldErrors, formChoices, readWatchlistChanges, unknownActorError, type WatchFormValues } from './watch-form';

/**
 * A watchlist's own pages: its settings, changed and deleted through forms (the API's schemas, the session's
 * CSRF token), and its webhook's delivery log. Another user's watchlist is as unknown as one that never was.
 */

/** A watchlist id from the address; anything else names nothing (the 404 page, not a form error). */
function watchlistId(params: unknown): string {
  const parsed = WatchlistParams.safeParse(params);
  if (!parsed.success) throw new NotFoundError('watchlist', String((params as { id?: unknown }).id ?? ''));
  return parsed.data.id;
}

const valuesOf = (w: WatchlistView): WatchFormValues => ({
  name: w.name,
  actor: w.follow.actor ?? '',
  other: w.follow.other ?? '',
  type: w.follow.type ?? '',
  webhook: w.webhook ?? '',
});

interface EditState {
  values?: WatchFormValues;
  errors?: FieldErrors;
  saved?: boolean;
  webhookSecret?: string | null;
}

async function renderEdit(db: Db, res: Response, watchlist: WatchlistView, state: EditState): Promise<void> {
  const actors = await listActorNames(db, ACTORS_OFFERED);
  res.render('pages/watch/edit', {
    title: `Edit “${watchlist.name}”`,
    nav: 'watch',
    ...formChoices(actors),
    watchlist: { id: watchlist.id, name: watchlist.name, follows: followWords(watchlist.follow, new Map(actors.map((a) => [a.id, a.name]))) },
    values: state.values ?? valuesOf(watchlist),
    errors: state.errors ?? {},
    saved: state.saved ?? false,
    webhookSecret: state.webhookSecret ?? null,
    deliveriesHref: `/watch/${watchlist.id}/deliveries`,
  });
}

/** /watch/:id: the watchlist's settings in a form, and the button that deletes it. */
export function editWatchPage(db: Db) {
  return async (req: Request, res: Response) => {
    const watchlist = await ownWatchlist(db, req.principal as Principal, watchlistId(req.params));
    await renderEdit(db, res, watchlist, { saved: req.query.saved === '1' });
  };
}

/**
 * The form's changes. Saved: back to the form (a fresh GET, so reloading posts nothing again), unless the change
 * gave the watchlist its first webhook, whose key is shown this once. Refused: the form as typed, 400, each
 * problem beside its field.
 */
export function changeWatchAction(db: Db) {
  return async (req: Request, res: Response) => {
    const principal = req.principal as Principal;
    const current = await ownWatchlist(db, principal, watchlistId(req.params));
    const form = readWatchlistChanges(req.body);
    if (!form.ok) return refuse(db, res, current, form.values, form.errors);
    let changed: Awaited<ReturnType<typeof changeWatchlist>>;
    try {
      changed = await changeWatchlist(db, principal, current.id, form.input);
    } catch (error) {
      const errors = unknownActorError(error, form.values);
      if (!errors) throw error;
      return refuse(db, res, current, form.values, errors);
    }
    if (changed.webhookSecret) return renderEdit(db, res, changed, { saved: true, webhookSecret: changed.webhookSecret });
    res.redirect(303, `/watch/${changed.id}?saved=1`);
  };
}

async function refuse(db: Db, res: Response, watchlist: WatchlistView, values: WatchFormValues, errors: FieldErrors): Promise<void> {
  res.status(400);
  await renderEdit(db, res, watchlist, { values, errors });
}

/** Deletes the watchlist (its feed and webhook go with it) and goes back to /watch, which says so. */
export function deleteWatchAction(db: Db) {
  return async (req: Request, res: Response) => {
    await removeWatchlist(db, req.principal as Principal, watchlistId(req.params));
    res.redirect(303, '/watch?deleted=1');
  };
}

const DeliveriesPageQuery = z.object({ cursor: blankAsUndefined(CursorParam) });

/** Attempts listed on one page of the log; older ones a link away. */
const DELIVERIES_SHOWN = 50;

/** /watch/:id/deliveries: every attempt of the webhook's deliveries, latest first, a page at a time. */
export function deliveriesPage(db: Db, webhookIntervalS: number) {
  return async (req: Request, res: Response) => {
    const principal = req.principal as Principal;
    const watchlist = await ownWatchlist(db, principal, watchlistId(req.params));
    const query = DeliveriesPageQuery.parse(req.query);
    const page = await deliveries(db, principal, watchlist.id, { limit: DELIVERIES_SHOWN, cursor: query.cursor });
    res.render('pages/watch/deliveries', {
      title: `Deliveries of “${watchlist.name}”`,
      nav: 'watch',
      watchlist: { id: watchlist.id, name: watchlist.name, webhook: watchlist.webhook },
      editHref: `/watch/${watchlist.id}`,
      firstPage: query.cursor === undefined,
      intervalText: webhookIntervalS > 0 ? `every ${webhookIntervalS} seconds` : 'never: this server has deliveries turned off (WEBHOOK_INTERVAL_S=0)',
      deliveries: page.items.map((d) => ({ ...d, atText: `${d.at.slice(0, 19).replace('T', ' ')} UTC` })),
      nextHref: page.nextCursor ? `/watch/${watchlist.id}/deliveries?${new URLSearchParams({ cursor: page.nextCursor })}` : null,
    });
  };
}
