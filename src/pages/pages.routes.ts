import { Router } from 'express';
import type { Db } from '../db/query';
import { actorPage, actorsPage } from './actors.page';
import { articlePage, articlesPage } from './articles.page';
import { eventPage } from './events.page';
import { graphPage } from './graph.page';
import { homePage } from './home.page';
import { searchPage } from './search.page';
import { timelinePage } from './timeline.page';

/** Server-rendered pages. They read through the same services as the API and get plain view-models. */
export function pages(db: Db): Router {
  return Router()
    .get('/', homePage(db))
    .get('/timeline', timelinePage(db))
    .get('/events/:id', eventPage(db))
    .get('/actors', actorsPage(db))
    .get('/actors/:id', actorPage(db))
    .get('/graph', graphPage(db))
    .get('/articles', articlesPage(db))
    .get('/articles/:id', articlePage(db))
    .get('/search', searchPage(db));
}
