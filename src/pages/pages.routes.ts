import express, { Router, type RequestHandler } from 'express';
import type { Config } from '../config/settings';
import type { Db } from '../db/query';
import { requireSignIn } from '../http/auth';
import { accountPage, createTokenAction, revokeTokenAction, usersAction } from './account.page';
import { docsRedirect } from './api-docs.page';
import { actorPage, actorsPage, setCodesAction } from './actors.page';
import { articlePage, articlesPage } from './articles.page';
import { connectionsPage } from './connections.page';
import { dyadPage } from './dyads.page';
import { chooseClaimAction, eventPage } from './events.page';
import { graphPage } from './graph.page';
import { homePage } from './home.page';
import { mapPage } from './map.page';
import { trendsPage } from './trends.page';
import { createWatchAction, watchFeed, watchPage } from './watch.page';
import { changeWatchAction, deleteWatchAction, deliveriesPage, editWatchPage } from './watch-edit.page';
import {
  acceptAboveAction,
  addActorAction,
  addEventAction,
  commitAction,
  discardAction,
  eventAction,
  newArticleAction,
  newArticlePage,
  reviewListPage,
  reviewPage,
} from './review.page';
import { sanctionsPage } from './sanctions.page';
import { searchPage } from './search.page';
import { loginAction, loginPage, logoutAction } from './session.page';
import { timelinePage } from './timeline.page';

/** Who is signed in and the forms' CSRF token, for every page's header and forms. */
const signedInLocals: RequestHandler = (req, res, next) => {
  res.locals.principal = req.principal ?? null;
  res.locals.csrf = req.csrf ?? '';
  next();
};

/**
 * Server-rendered pages. They read through the same services as the API and get plain view-models. Pages for
 * editors sit behind the sign-in (a visitor is sent to /login and back); their forms are read (urlencoded) and
 * checked for the session's CSRF token before anything else.
 */
export function pages(db: Db, config: Config): Router {
  const form = express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 200 });
  const editor = [form, requireSignIn];
  return Router()
    .use(signedInLocals)
    .get('/', homePage(db))
    .get('/timeline', timelinePage(db))
    .get('/map', mapPage(db))
    .get('/trends', trendsPage(db))
    .get('/watch', requireSignIn, watchPage(db))
    .post('/watch', ...editor, createWatchAction(db))
    .get('/watch/feeds/:token', watchFeed(db))
    .get('/watch/:id', requireSignIn, editWatchPage(db))
    .post('/watch/:id', ...editor, changeWatchAction(db))
    .post('/watch/:id/delete', ...editor, deleteWatchAction(db))
    .get('/watch/:id/deliveries', requireSignIn, deliveriesPage(db, config.WEBHOOK_INTERVAL_S))
    .get('/events/:id', eventPage(db))
    .post('/events/:id/choices', ...editor, chooseClaimAction(db))
    .get('/actors', actorsPage(db))
    .post('/actors/:id/codes', ...editor, setCodesAction(db))
    .get('/actors/:id', actorPage(db))
    .get('/graph', graphPage(db))
    .get('/connections', connectionsPage(db))
    .get('/dyads/:a/:b', dyadPage(db))
    .get('/sanctions', sanctionsPage(db))
    .get('/articles', articlesPage(db))
    .get('/articles/new', requireSignIn, newArticlePage())
    .post('/articles/new', ...editor, newArticleAction(db, config))
    .get('/articles/:id', articlePage(db))
    .get('/search', searchPage(db))
    .get('/docs', docsRedirect())
    .get('/login', loginPage())
    .post('/login', form, loginAction(db))
    .post('/logout', ...editor, logoutAction(db))
    .get('/account', requireSignIn, accountPage(db))
    .post('/account/tokens', ...editor, createTokenAction(db))
    .post('/account/tokens/revoke', ...editor, revokeTokenAction(db))
    .post('/account/users', ...editor, usersAction(db))
    .get('/review', requireSignIn, reviewListPage(db))
    .get('/review/:id', requireSignIn, reviewPage(db))
    .post('/review/:id/events/:key', ...editor, eventAction(db))
    .post('/review/:id/events', ...editor, addEventAction(db))
    .post('/review/:id/actors', ...editor, addActorAction(db))
    .post('/review/:id/accept', ...editor, acceptAboveAction(db))
    .post('/review/:id/commit', ...editor, commitAction(db))
    .post('/review/:id/discard', ...editor, discardAction(db));
}
