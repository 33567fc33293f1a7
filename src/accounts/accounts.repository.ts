import { keyset } from '../db/keyset';
import { read, readOne, write, type Db } from '../db/query';
import type { UserRole } from '../domain/principal';
import type { TokenView, UserView } from './accounts.schemas';

/** Users, their sessions and their API tokens. Secrets are stored as digests only (see secrets.ts). */

export interface StoredUser {
  name: string;
  role: UserRole;
  passwordHash: string;
}

export async function createUser(db: Db, user: StoredUser): Promise<boolean> {
  const cypher = `
    MERGE (u:User {name: $name})
    ON CREATE SET u.role = $role, u.passwordHash = $passwordHash, u.createdAt = datetime(), u.created = true
    WITH u, coalesce(u.created, false) AS created
    REMOVE u.created
    RETURN created`;
  return (await writeOne<boolean>(db, cypher, { ...user })) === true;
}

/** The one value of the one row a write returns. */
async function writeOne<T>(db: Db, cypher: string, params: Record<string, unknown>): Promise<T | undefined> {
  const { rows } = await write<Record<string, T>>(db, cypher, params);
  return rows[0] === undefined ? undefined : (Object.values(rows[0])[0] as T);
}

export function findUser(db: Db, name: string): Promise<StoredUser | undefined> {
  return readOne<StoredUser>(db, 'MATCH (u:User {name: $name}) RETURN u { .name, .role, .passwordHash } AS user', { name });
}

/** Users by name (unique). */
export const USER_ORDER = keyset('users', [{ expr: 'u.name', kind: 'string' }]);

/** Up to `limit` users after the cursor's keys (`after`, null for the first page), each with its sort keys. */
export function listUsersAfter(db: Db, limit: number, after: unknown[] | null): Promise<Array<{ item: UserView; keys: unknown[] }>> {
  const cypher = `
    MATCH (u:User) WHERE ${USER_ORDER.after(after)}
    WITH u ORDER BY ${USER_ORDER.orderBy} LIMIT $limit
    RETURN u { .name, .role, createdAt: toString(u.createdAt) } AS item, ${USER_ORDER.keys} AS keys`;
  return read<{ item: UserView; keys: unknown[] }>(db, cypher, { limit, after });
}

export async function listUsers(db: Db): Promise<UserView[]> {
  const rows = await read<{ user: UserView }>(db, 'MATCH (u:User) RETURN u { .name, .role, createdAt: toString(u.createdAt) } AS user ORDER BY u.name');
  return rows.map((row) => row.user);
}

export async function setRole(db: Db, name: string, role: UserRole): Promise<boolean> {
  return (await write(db, 'MATCH (u:User {name: $name}) SET u.role = $role', { name, role })).propertiesSet > 0;
}

export async function setPasswordHash(db: Db, name: string, passwordHash: string): Promise<boolean> {
  const cypher = `
    MATCH (u:User {name: $name}) SET u.passwordHash = $passwordHash
    WITH u OPTIONAL MATCH (s:Session {user: u.name}) DETACH DELETE s`;
  return (await write(db, cypher, { name, passwordHash })).propertiesSet > 0;
}

/** A user goes with their sessions and tokens. */
export async function deleteUser(db: Db, name: string): Promise<boolean> {
  const cypher = `
    MATCH (u:User {name: $name})
    OPTIONAL MATCH (s:Session {user: $name})
    OPTIONAL MATCH (t:ApiToken {user: $name})
    DETACH DELETE u, s, t`;
  return (await write(db, cypher, { name })).nodesDeleted > 0;
}

export async function createSession(db: Db, session: { digest: string; user: string; csrf: string; hours: number }): Promise<void> {
  const cypher = `
    CREATE (:Session {id: $digest, user: $user, csrf: $csrf, createdAt: datetime(),
                      expiresAt: datetime() + duration({hours: $hours})})`;
  await write(db, cypher, { ...session, hours: session.hours });
}

export interface SessionRow {
  name: string;
  role: UserRole;
  csrf: string;
}

export function findSession(db: Db, digest: string): Promise<SessionRow | undefined> {
  const cypher = `
    MATCH (s:Session {id: $digest}) WHERE s.expiresAt > datetime()
    MATCH (u:User {name: s.user})
    RETURN { name: u.name, role: u.role, csrf: s.csrf } AS session`;
  return readOne<SessionRow>(db, cypher, { digest });
}

export async function deleteSession(db: Db, digest: string): Promise<void> {
  await write(db, 'MATCH (s:Session {id: $digest}) DELETE s', { digest });
}

/** Sessions past their end, removed now and then so they do not pile up. */
export async function deleteExpiredSessions(db: Db): Promise<void> {
  await write(db, 'MATCH (s:Session) WHERE s.expiresAt <= datetime() DELETE s', {});
}

export async function createToken(db: Db, token: { digest: string; key: string; user: string; label: string }): Promise<TokenView | undefined> {
  const cypher = `
    MATCH (u:User {name: $user})
    CREATE (t:ApiToken {id: $digest, key: $key, user: $user, label: $label, createdAt: datetime()})
    RETURN t { .key, .label, createdAt: toString(t.createdAt), lastUsedAt: null } AS token`;
  return writeOne<TokenView>(db, cypher, token);
}

/** A user's tokens, newest first, those made the same moment by key. */
export const TOKEN_ORDER = keyset('tokens', [
  { expr: 't.createdAt', kind: 'datetime', desc: true },
  { expr: 't.key', kind: 'string' },
]);

/** Up to `limit` of the user's tokens after the cursor's keys (`after`, null for the first page), each with its sort keys. */
export function listTokensAfter(db: Db, user: string, limit: number, after: unknown[] | null): Promise<Array<{ item: TokenView; keys: unknown[] }>> {
  const cypher = `
    MATCH (t:ApiToken {user: $user}) WHERE ${TOKEN_ORDER.after(after)}
    WITH t ORDER BY ${TOKEN_ORDER.orderBy} LIMIT $limit
    RETURN t { .key, .label, createdAt: toString(t.createdAt), lastUsedAt: toString(t.lastUsedAt) } AS item, ${TOKEN_ORDER.keys} AS keys`;
  return read<{ item: TokenView; keys: unknown[] }>(db, cypher, { user, limit, after });
}

export async function listTokens(db: Db, user: string): Promise<TokenView[]> {
  const cypher = `
    MATCH (t:ApiToken {user: $user})
    RETURN t { .key, .label, createdAt: toString(t.createdAt), lastUsedAt: toString(t.lastUsedAt) } AS token
    ORDER BY t.createdAt DESC`;
  return (await read<{ token: TokenView }>(db, cypher, { user })).map((row) => row.token);
}

export async function deleteToken(db: Db, user: string, key: string): Promise<boolean> {
  return (await write(db, 'MATCH (t:ApiToken {user: $user, key: $key}) DELETE t', { user, key })).nodesDeleted > 0;
}

/** The token's owner, now; its last use is recorded (to the minute, so a busy script does not write on every call). */
export async function useToken(db: Db, digest: string): Promise<{ name: string; role: UserRole } | undefined> {
  const cypher = `
    MATCH (t:ApiToken {id: $digest})
    MATCH (u:User {name: t.user})
    FOREACH (_ IN CASE WHEN t.lastUsedAt IS NULL OR t.lastUsedAt < datetime() - duration({minutes: 1}) THEN [1] ELSE [] END |
      SET t.lastUsedAt = datetime())
    RETURN { name: u.name, role: u.role } AS owner`;
  return writeOne(db, cypher, { digest });
}
