/**
 * Who is asking to write: a signed-in user (session), a script with one of a user's API tokens, or automation
 * with the KB_API_TOKEN setting (an admin named "automation"). Editors review and edit; admins also manage users.
 */
export const ROLES_OF_USERS = ['editor', 'admin'] as const;
export type UserRole = (typeof ROLES_OF_USERS)[number];

export interface Principal {
  name: string;
  role: UserRole;
  via: 'session' | 'token' | 'setting';
}

export const canManageUsers = (principal: Principal | undefined) => principal?.role === 'admin';
