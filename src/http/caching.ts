import type { Request, RequestHandler } from 'express';

/**
 * How long browsers and caches may keep what the app answers.
 *
 * API answers and pages: `no-cache`, that is, kept but asked about again every time, with the ETag express
 * gives every answer; when nothing changed the answer is a bodiless 304. Not a max-age: the data changes with
 * every write (a committed draft, a load), and an editor who just committed must see it on the next read.
 * Anything asked with credentials (a session, which also puts a CSRF token in the page, or a token) and every
 * write: `private, no-store`, so no cache, shared or the browser's own, keeps a signed-in view.
 */
export const API_AND_PAGES = 'no-cache';
export const PERSONAL = 'private, no-store';

/** Set before the answer is made; a handler may still say otherwise (downloads say `no-store`). */
export const cacheControl: RequestHandler = (req, res, next) => {
  res.set('Cache-Control', isPersonal(req) ? PERSONAL : API_AND_PAGES);
  next();
};

const isPersonal = (req: Request) => (req.method !== 'GET' && req.method !== 'HEAD') || req.principal !== undefined || req.get('authorization') !== undefined;

/**
 * Static files. Those whose names carry a hash of their content (the browser bundles) never change under their
 * name: a year, immutable. The others (app.css, images, the vendor libraries from node_modules) change with an
 * upgrade of the app under the same name: ten minutes, then a revalidation with their ETag.
 */
export const HASHED_ASSET = 'public, max-age=31536000, immutable';
export const UNHASHED_ASSET_MAX_AGE = '10m';
