import { Router } from 'express';
import type { Db } from '../db/query';
import { read } from '../db/query';

/** Server-rendered pages. They read through the same services as the API and get plain view-models. */
export function pages(db: Db): Router {
  return Router().get('/', async (_req, res) => {
    const [counts] = await read<{ events: number; actors: number; articles: number }>(
      db,
      'RETURN COUNT { (:Event) } AS events, COUNT { (:Actor) } AS actors, COUNT { (:Article) } AS articles',
    );
    res.render('pages/home', { title: 'Diplomatic events', counts });
  });
}
