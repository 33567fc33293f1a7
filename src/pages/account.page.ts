import type { Request, Response } from 'express';
import { z } from 'zod';
import { TokenRequest, NewUser, UserName, UserRole } from '../accounts/accounts.schemas';
import * as accounts from '../accounts/accounts.service';
import type { Db } from '../db/query';
import { ForbiddenError } from '../domain/errors';

/** A user's own account (API tokens), and for admins the users. */

function signedIn(req: Request) {
  if (!req.principal) throw new ForbiddenError('Sign in first.');
  return req.principal;
}

type Principal = ReturnType<typeof signedIn>;

/** The account page: the user's tokens, the users for an admin, and a token just made (shown this once). */
async function renderAccount(db: Db, res: Response, principal: Principal, newToken: Awaited<ReturnType<typeof accounts.createToken>> | null): Promise<void> {
  const [tokens, users] = await Promise.all([accounts.listTokens(db, principal.name), principal.role === 'admin' ? accounts.listUsers(db) : null]);
  res.render('pages/account/index', { title: 'Your account', nav: 'account', principal, tokens, users, roles: UserRole.options, newToken, message: null });
}

export function accountPage(db: Db) {
  return (req: Request, res: Response) => renderAccount(db, res, signedIn(req), null);
}

export function createTokenAction(db: Db) {
  return async (req: Request, res: Response) => {
    const principal = signedIn(req);
    const { label } = TokenRequest.parse({ label: req.body?.label });
    const token = await accounts.createToken(db, principal.name, label);
    // Shown once: the page is not cached and the token is never stored in clear.
    res.set('Cache-Control', 'no-store').status(201);
    await renderAccount(db, res, principal, token);
  };
}

export function revokeTokenAction(db: Db) {
  return async (req: Request, res: Response) => {
    const principal = signedIn(req);
    await accounts.revokeToken(db, principal.name, z.string().min(1).max(40).parse(req.body?.key));
    res.redirect(303, '/account');
  };
}

const UserForm = z.object({ action: z.enum(['add', 'role', 'remove']), name: UserName, role: UserRole.optional(), password: z.string().optional() });

export function usersAction(db: Db) {
  return async (req: Request, res: Response) => {
    if (signedIn(req).role !== 'admin') throw new ForbiddenError('Only an admin may manage users.');
    const form = UserForm.parse(req.body ?? {});
    if (form.action === 'add') await accounts.addUser(db, NewUser.parse({ name: form.name, role: form.role, password: form.password }));
    if (form.action === 'role') await accounts.setRole(db, form.name, UserRole.parse(form.role));
    if (form.action === 'remove') await accounts.removeUser(db, form.name);
    res.redirect(303, '/account#users');
  };
}
