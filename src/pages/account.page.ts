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

export function accountPage(db: Db) {
  return async (req: Request, res: Response) => {
    const principal = signedIn(req);
    const [tokens, users] = await Promise.all([accounts.listTokens(db, principal.name), principal.role === 'admin' ? accounts.listUsers(db) : null]);
    res.render('pages/account/index', {
      title: 'Your account',
      nav: 'account',
      principal,
      tokens,
      users,
      roles: UserRole.options,
      newToken: null,
      message: null,
    });
  };
}

export function createTokenAction(db: Db) {
  return async (req: Request, res: Response) => {
    const principal = signedIn(req);
    const { label } = TokenRequest.parse({ label: req.body?.label });
    const token = await accounts.createToken(db, principal.name, label);
    const [tokens, users] = await Promise.all([accounts.listTokens(db, principal.name), principal.role === 'admin' ? accounts.listUsers(db) : null]);
    // Shown once: the page is not cached and the token is never stored in clear.
    res.set('Cache-Control', 'no-store');
    res.status(201).render('pages/account/index', {
      title: 'Your account',
      nav: 'account',
      principal,
      tokens,
      users,
      roles: UserRole.options,
      newToken: token,
      message: null,
    });
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
