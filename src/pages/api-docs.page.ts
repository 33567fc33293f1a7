import type { Request, Response } from 'express';

/**
 * The API's documentation: Swagger UI, served by the app from node_modules (vendorAssets in app.ts), reading
 * /api/openapi.json. Its own start script (client/api-docs) replaces the inline one Swagger UI ships with, so the
 * page keeps the site's Content-Security-Policy; the standalone preset is left out, since its top bar's logo
 * carries an inline <style>.
 */

const DOCS = '/api/docs';
const DOCUMENT = '/api/openapi.json';

export function apiDocsPage() {
  return (req: Request, res: Response) => {
    res.render('pages/api-docs/index', {
      title: 'API',
      nav: 'api',
      principal: req.principal ?? null,
      csrf: req.csrf ?? '',
      document: DOCUMENT,
      styles: ['/vendor/swagger-ui/swagger-ui.css', '/css/api-docs.css'],
      scripts: ['/vendor/swagger-ui/swagger-ui-bundle.js', '/js/api-docs.js'],
    });
  };
}

/** `/docs` is where people look for documentation. */
export function docsRedirect() {
  return (_req: Request, res: Response) => res.redirect(302, DOCS);
}

/** `/api` leads a browser (or curl) to the documentation, and a client that asks for JSON to the document itself. */
export function apiIndex() {
  return (req: Request, res: Response) => res.redirect(302, req.accepts(['html', 'json']) === 'json' ? DOCUMENT : DOCS);
}
