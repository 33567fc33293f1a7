import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from './errors';

/**
 * What pages of other sites may do here: read the API, nothing else. A notebook in a browser (Observable,
 * JupyterLite) may GET and HEAD anything under /api, without credentials: `Access-Control-Allow-Origin: *`
 * never lets a browser send cookies with it, and tokens are not among the headers a preflight may ask for.
 * Every write, to the API or from a form, must come from this site's own pages, or from a program (which sends
 * no Origin); a write from another origin is refused before any work.
 */

const READS = new Set(['GET', 'HEAD']);
/** What a cross-origin read may send beyond the headers browsers always allow: revalidation and content types. */
const READ_REQUEST_HEADERS = 'Accept, Accept-Language, Content-Language, Content-Type, If-None-Match, If-Modified-Since, Cache-Control';
/** What a cross-origin reader may see beyond the headers browsers always show: the version and a download's name. */
const READ_RESPONSE_HEADERS = 'ETag, Content-Disposition';

/** For /api: every read answer carries the headers that open it to other origins; a preflight for a read is answered. */
export const openReads: RequestHandler = (req, res, next) => {
  if (READS.has(req.method)) {
    allowReads(res);
    return next();
  }
  const asked = req.get('access-control-request-method');
  if (req.method !== 'OPTIONS' || req.get('origin') === undefined || asked === undefined) return next();
  if (!READS.has(asked.toUpperCase())) {
    return next(new HttpError(403, `Other sites may only read the API (GET, HEAD); a ${asked.toUpperCase()} must come from this site's own pages.`));
  }
  allowReads(res);
  res.set({ 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': READ_REQUEST_HEADERS, 'Access-Control-Max-Age': '7200' });
  res.status(204).end();
};

function allowReads(res: Response): void {
  res.set({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': READ_RESPONSE_HEADERS,
    // helmet says same-origin for everything; a reader elsewhere needs the API's answers embeddable.
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
}

/** This site as its visitors' browsers name it (behind a proxy: as the proxy says, when TRUST_PROXY believes it). */
const ownOrigin = (req: Request) => `${req.protocol}://${req.host ?? ''}`.toLowerCase();

/**
 * Writes (anything but GET, HEAD, OPTIONS) whose Origin is not this site are refused with 403, `null` included
 * (what a sandboxed frame or a page that hides its address sends). A request without an Origin is a program's,
 * not a browser's: it goes on, to the credentials and the CSRF check of the write guard.
 */
export const sameOriginWrites: RequestHandler = (req, _res, next) => {
  const origin = req.get('origin');
  if (READS.has(req.method) || req.method === 'OPTIONS' || origin === undefined) return next();
  const own = ownOrigin(req);
  if (origin.toLowerCase() === own) return next();
  next(new HttpError(403, `Writes are accepted only from this site's own pages (${own}); this request came from ${origin}.`));
};
