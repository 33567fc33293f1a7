import { z } from 'zod';
import * as accounts from '../../src/accounts/accounts.service';
import { ensureSchemaOnce } from '../../src/db/schema';
import type { Db } from '../../src/db/query';
import { ErrorResponse } from '../../src/domain/views';
import { Draft } from '../../src/drafts/drafts.schemas';
import { parseExact, type RunningApp } from './test-app';

/** Writers for the review tests: users signed in through the real sign-in form, and their API calls. */

export const PASSWORD = 'correct horse battery staple';

export async function addUsers(db: Db, users: Array<{ name: string; role: 'editor' | 'admin' }>): Promise<void> {
  await ensureSchemaOnce(db);
  for (const user of users) await accounts.addUser(db, { ...user, password: PASSWORD });
}

export interface Session {
  name: string;
  cookie: string;
  csrf: string;
}

/** Signs in with the form, as a browser does, and reads the session's CSRF token off a page. */
export async function signIn(app: RunningApp, name: string, password = PASSWORD): Promise<Session> {
  const response = await fetch(`${app.baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name, password, next: '/account' }),
  });
  if (response.status !== 303) throw new Error(`sign-in as ${name} answered ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await (await fetch(`${app.baseUrl}/account`, { headers: { cookie } })).text();
  const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(page)?.[1];
  if (!csrf) throw new Error('no CSRF token on the account page');
  return { name, cookie, csrf };
}

export type Credentials = { session: Session; csrf?: boolean } | { token: string } | null;

function headersFor(credentials: Credentials): Record<string, string> {
  if (credentials === null) return {};
  if ('token' in credentials) return { authorization: `Bearer ${credentials.token}` };
  return { cookie: credentials.session.cookie, ...(credentials.csrf === false ? {} : { 'x-csrf-token': credentials.session.csrf }) };
}

/** Calls the API as `credentials`; the body is parsed with `schema` on success and as an error otherwise. */
export async function call<S extends z.ZodType>(
  app: RunningApp,
  method: string,
  path: string,
  credentials: Credentials,
  schema: S,
  body?: unknown,
): Promise<{ status: number; body: z.output<S> | z.output<typeof ErrorResponse> }> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headersFor(credentials) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await response.json();
  const parsed = response.ok ? parseExact(schema, json, `${method} ${path}`) : parseExact(ErrorResponse, json, `${method} ${path} (${response.status})`);
  return { status: response.status, body: parsed };
}

/** The same call, which must succeed: its parsed body. */
export async function ok<S extends z.ZodType>(
  app: RunningApp,
  method: string,
  path: string,
  credentials: Credentials,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  const answer = await call(app, method, path, credentials, schema, body);
  if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as z.output<S>;
}

/** Drafts an article by its text and accepts every drafted event. */
export async function draftAccepted(app: RunningApp, who: Credentials, article: { title: string; text: string; published: string }): Promise<Draft> {
  const draft = await ok(app, 'POST', '/api/drafts', who, Draft, article);
  const accepted = await ok(app, 'POST', `/api/drafts/${draft.id}/accept`, who, z.object({ accepted: z.number(), draft: Draft }), { confidence: 0 });
  return accepted.draft;
}
