import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet's headers with the strict Content-Security-Policy (scripts and styles of this site only), chosen per
 * request by how the browser will treat the page:
 *
 * - over HTTPS (`req.secure`, which believes a proxy only as far as TRUST_PROXY says), all of them, with HSTS
 *   and `upgrade-insecure-requests`;
 * - over plain HTTP, neither of those two: a browser would ask for the page's own scripts and styles over https
 *   and find nothing there (the app opened on a LAN address), and HSTS over HTTP is ignored anyway;
 * - over plain HTTP to an address other than loopback, no Cross-Origin-Opener-Policy either: browsers honour it
 *   only in a secure context and report every page that sends it elsewhere as a console error.
 *
 * The referrer policy is `same-origin` rather than `no-referrer`: nothing is sent to other sites either way, but
 * under `no-referrer` a browser sends `Origin: null` with the forms a page posts to its own site, and writes are
 * told apart from cross-site ones by their Origin (cross-origin.ts).
 */
export function securityHeaders(): RequestHandler {
  const directives = { 'script-src': ["'self'"], 'style-src': ["'self'"] };
  const referrerPolicy = { policy: 'same-origin' as const };
  const overHttps = helmet({ contentSecurityPolicy: { directives }, referrerPolicy });
  const plain = { contentSecurityPolicy: { directives: { ...directives, 'upgrade-insecure-requests': null } }, strictTransportSecurity: false, referrerPolicy };
  const overHttpToLoopback = helmet(plain);
  const overHttp = helmet({ ...plain, crossOriginOpenerPolicy: false });
  return (req, res, next) => (req.secure ? overHttps : isLoopback(req) ? overHttpToLoopback : overHttp)(req, res, next);
}

/** Whether the page's address is loopback, which browsers trust as they trust HTTPS (a "potentially trustworthy" origin). */
function isLoopback(req: Request): boolean {
  const host = (req.hostname ?? '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}
