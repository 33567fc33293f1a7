import type { Request, Response } from 'express';
import { z } from 'zod';
import * as accounts from '../accounts/accounts.service';
import { LoginThrottle } from '../accounts/throttle';
import type { Db } from '../db/query';
import { endSession, setSessionCookie, cookieOf, SESSION_COOKIE } from '../http/auth';

/** Sign-in and sign-out. One message for a wrong name and a wrong password; repeated failures slow, then refuse. */

const LoginForm = z.object({ name: z.string().max(200).default(''), password: z.string().max(200).default(''), next: z.string().max(500).default('/review') });

/** Only a path of this site: never an address elsewhere (an open redirect). */
const safeNext = (next: string) => (/^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/review');

export function loginPage() {
  return (req: Request, res: Response) => {
    const next = safeNext(typeof req.query.next === 'string' ? req.query.next : '/review');
    if (req.principal) return res.redirect(303, next);
    res.render('pages/session/login', { title: 'Sign in', nav: 'review', next, error: null, name: '' });
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function loginAction(db: Db, throttle = new LoginThrottle()) {
  return async (req: Request, res: Response) => {
    const form = LoginForm.parse(req.body ?? {});
    const next = safeNext(form.next);
    const keys = [`name:${form.name.trim().toLowerCase()}`, `address:${req.ip}`];
    const { refusedForMs, delayMs } = throttle.check(keys);
    const again = (status: number, error: string) =>
      res.status(status).render('pages/session/login', { title: 'Sign in', nav: 'review', next, error, name: form.name });
    if (refusedForMs > 0) {
      res.set('Retry-After', String(Math.ceil(refusedForMs / 1000)));
      return again(429, `Too many failed sign-ins: try again in ${Math.ceil(refusedForMs / 60_000)} minute(s).`);
    }
    await sleep(delayMs);
    const principal = await accounts.authenticate(db, form.name, form.password);
    if (!principal) {
      throttle.fail(keys);
      return again(401, 'Wrong name or password.');
    }
    throttle.succeed(keys);
    const { secret } = await accounts.startSession(db, principal);
    setSessionCookie(req, res, secret);
    res.redirect(303, next);
  };
}

export function logoutAction(db: Db) {
  return async (req: Request, res: Response) => {
    const secret = cookieOf(req, SESSION_COOKIE);
    if (secret) await endSession(db, secret);
    setSessionCookie(req, res, null);
    res.redirect(303, '/');
  };
}
