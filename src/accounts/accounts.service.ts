import { cursorKeys } from '../db/keyset';
import type { Db } from '../db/query';
import { pageFrom } from '../domain/cursor';
import { ConflictError, NotFoundError } from '../domain/errors';
import type { Principal, UserRole } from '../domain/principal';
import * as repository from './accounts.repository';
import { NewUser, type ListQuery, type TokenCreated, type TokenList, type TokenView, type UserList, type UserView } from './accounts.schemas';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { digestOf, newSecret } from './secrets';

/** How long a sign-in lasts. */
export const SESSION_HOURS = 12;

export async function addUser(db: Db, input: { name: string; role: UserRole; password: string }): Promise<UserView> {
  const user = NewUser.parse(input);
  const created = await repository.createUser(db, { name: user.name, role: user.role, passwordHash: await hashPassword(user.password) });
  if (!created) throw new ConflictError(`A user named "${user.name}" already exists.`);
  return (await repository.listUsers(db)).find((u) => u.name === user.name)!;
}

export const listUsers = (db: Db) => repository.listUsers(db);

/** A page of the users, by name. */
export async function usersPage(db: Db, query: ListQuery): Promise<UserList> {
  const rows = await repository.listUsersAfter(db, query.limit + 1, cursorKeys(repository.USER_ORDER, query.cursor));
  return pageFrom(rows, query.limit, repository.USER_ORDER.codec);
}

export async function setRole(db: Db, name: string, role: UserRole): Promise<void> {
  if (!(await repository.setRole(db, name, role))) throw new NotFoundError('user', name);
}

export async function setPassword(db: Db, name: string, password: string): Promise<void> {
  const { password: checked } = NewUser.pick({ password: true }).parse({ password });
  if (!(await repository.setPasswordHash(db, name, await hashPassword(checked)))) throw new NotFoundError('user', name);
}

export async function removeUser(db: Db, name: string): Promise<void> {
  if (!(await repository.deleteUser(db, name))) throw new NotFoundError('user', name);
}

/** The user these credentials name, or null; an unknown name costs as much time as a wrong password. */
export async function authenticate(db: Db, name: string, password: string): Promise<Principal | null> {
  const user = await repository.findUser(db, name.trim());
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  return user && matches ? { name: user.name, role: user.role, via: 'session' } : null;
}

/** A new session: the secret for the cookie (stored only as its digest) and the CSRF token of its forms. */
export async function startSession(db: Db, principal: Principal): Promise<{ secret: string; csrf: string }> {
  const secret = newSecret('kbs');
  const csrf = newSecret('csrf');
  await repository.createSession(db, { digest: digestOf(secret), user: principal.name, csrf, hours: SESSION_HOURS });
  if (Math.random() < 0.05) await repository.deleteExpiredSessions(db);
  return { secret, csrf };
}

export async function sessionOf(db: Db, secret: string): Promise<{ principal: Principal; csrf: string } | null> {
  const row = await repository.findSession(db, digestOf(secret));
  return row ? { principal: { name: row.name, role: row.role, via: 'session' }, csrf: row.csrf } : null;
}

export const endSession = (db: Db, secret: string) => repository.deleteSession(db, digestOf(secret));

/** A new API token for the user: the token itself is in the answer, this once. */
export async function createToken(db: Db, user: string, label: string): Promise<TokenCreated> {
  const token = newSecret('kbt');
  const key = token.slice(4, 14);
  const view = await repository.createToken(db, { digest: digestOf(token), key, user, label });
  if (!view) throw new NotFoundError('user', user);
  return { ...view, token };
}

export const listTokens = (db: Db, user: string): Promise<TokenView[]> => repository.listTokens(db, user);

/** A page of the user's tokens, newest first. */
export async function tokensPage(db: Db, user: string, query: ListQuery): Promise<TokenList> {
  const rows = await repository.listTokensAfter(db, user, query.limit + 1, cursorKeys(repository.TOKEN_ORDER, query.cursor));
  return pageFrom(rows, query.limit, repository.TOKEN_ORDER.codec);
}

export async function revokeToken(db: Db, user: string, key: string): Promise<void> {
  if (!(await repository.deleteToken(db, user, key))) throw new NotFoundError('token', key);
}

export async function tokenOwner(db: Db, token: string): Promise<Principal | null> {
  const owner = await repository.useToken(db, digestOf(token));
  return owner ? { ...owner, via: 'token' } : null;
}
