import { z } from 'zod';
import { CursorParam, pageOf } from '../domain/page';
import { ROLES_OF_USERS } from '../domain/principal';
import { Limit } from '../domain/views';

export const UserName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: 'must be 2–64 lower-case letters, digits, dots, hyphens or underscores' });

export const Password = z.string().min(10, { message: 'must be at least 10 characters' }).max(200);

export const UserRole = z.enum(ROLES_OF_USERS);

export const NewUser = z.strictObject({ name: UserName, role: UserRole, password: Password });
export type NewUser = z.infer<typeof NewUser>;

export const UserView = z.object({ name: z.string(), role: UserRole, createdAt: z.string() });
export type UserView = z.infer<typeof UserView>;

/** By name, a page at a time. */
export const UserList = pageOf(UserView);
export type UserList = z.infer<typeof UserList>;

/** The parameters of the account lists (users, tokens). */
export const ListQuery = z.strictObject({ limit: Limit(100, 500), cursor: CursorParam });
export type ListQuery = z.infer<typeof ListQuery>;

export const Credentials = z.object({ name: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });

export const TokenRequest = z.strictObject({ label: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "nightly import"') });

export const TokenView = z.object({
  key: z.string().describe("The token's public id (its first characters), to revoke it by"),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof TokenView>;

/** Newest first, a page at a time. */
export const TokenList = pageOf(TokenView);
export type TokenList = z.infer<typeof TokenList>;

export const TokenCreated = TokenView.extend({ token: z.string().describe('The token itself: shown this once, stored only as a digest') });
export type TokenCreated = z.infer<typeof TokenCreated>;

export const TokenKeyParams = z.strictObject({ key: z.string().regex(/^[A-Za-z0-9_-]{6,40}$/) });
