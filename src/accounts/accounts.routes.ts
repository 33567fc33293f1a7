import { z } from 'zod';
import type { Db } from '../db/query';
import { ForbiddenError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { Reply, route } from '../domain/route';
import { ListQuery, NewUser, TokenCreated, TokenKeyParams, TokenList, TokenRequest, UserList, UserName, UserRole, UserView } from './accounts.schemas';
import * as service from './accounts.service';

const who = (principal: Principal | undefined): Principal => {
  if (!principal) throw new Error('a write reached its handler without credentials');
  return principal;
};

const Done = z.object({ ok: z.literal(true) });
const UserParams = z.strictObject({ name: UserName });

export const accountsRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/tokens',
    operationId: 'listTokens',
    tag: 'accounts',
    summary: "The signed-in user's API tokens (never the tokens themselves), newest first; paginated by cursor",
    query: ListQuery,
    response: TokenList,
    signedIn: true,
    handle: ({ query, principal }) => service.tokensPage(db, who(principal).name, query),
  }),
  route({
    method: 'post',
    path: '/tokens',
    operationId: 'createToken',
    tag: 'accounts',
    summary: 'A new API token for scripts: shown once in the answer, stored only as a digest',
    body: TokenRequest,
    response: TokenCreated,
    write: { created: 'The token, this once' },
    handle: async ({ body, principal }) => new Reply(201, await service.createToken(db, who(principal).name, body.label)),
  }),
  route({
    method: 'delete',
    path: '/tokens/:key',
    operationId: 'revokeToken',
    tag: 'accounts',
    summary: 'Revoke one of your API tokens',
    params: TokenKeyParams,
    response: Done,
    write: { created: 'Revoked' },
    handle: async ({ params, principal }) => (await service.revokeToken(db, who(principal).name, params.key), { ok: true as const }),
  }),
  route({
    method: 'get',
    path: '/users',
    operationId: 'listUsers',
    tag: 'accounts',
    summary: 'Users and their roles (admins), by name; paginated by cursor',
    query: ListQuery,
    response: UserList,
    signedIn: true,
    handle: ({ query, principal }) => adminOnly(principal, () => service.usersPage(db, query)),
  }),
  route({
    method: 'post',
    path: '/users',
    operationId: 'addUser',
    tag: 'accounts',
    summary: 'Add a user (admins): editors review and edit, admins also manage users',
    body: NewUser,
    response: UserView,
    write: { created: 'The user', admin: true },
    handle: async ({ body }) => new Reply(201, await service.addUser(db, body)),
  }),
  route({
    method: 'patch',
    path: '/users/:name',
    operationId: 'setUserRole',
    tag: 'accounts',
    summary: "Change a user's role (admins)",
    params: UserParams,
    body: z.strictObject({ role: UserRole }),
    response: Done,
    write: { created: 'Changed', admin: true },
    handle: async ({ params, body }) => (await service.setRole(db, params.name, body.role), { ok: true as const }),
  }),
  route({
    method: 'delete',
    path: '/users/:name',
    operationId: 'removeUser',
    tag: 'accounts',
    summary: 'Remove a user, their sessions and tokens (admins)',
    params: UserParams,
    response: Done,
    write: { created: 'Removed', admin: true },
    handle: async ({ params }) => (await service.removeUser(db, params.name), { ok: true as const }),
  }),
];

async function adminOnly<T>(principal: Principal | undefined, work: () => Promise<T>): Promise<T> {
  if (principal?.role !== 'admin') throw new ForbiddenError('Only an admin may see the users.');
  return work();
}
