import type { z } from 'zod';
import type { Principal } from './principal';

/**
 * What a feature declares of each API route: its path, what it takes (query, path parameters, body, each a
 * zod schema), what it answers (a schema), and the function that answers. Features declare; the web edge
 * (src/http/routes.ts) parses requests with these schemas and sends the answers, and the OpenAPI document
 * is built from the same declarations (src/http/openapi.ts). Nothing here knows HTTP beyond status numbers.
 */

type Infer<T> = T extends z.ZodType ? z.output<T> : Record<string, never>;

export interface RouteInput<Q, P, B> {
  query: Infer<Q>;
  params: Infer<P>;
  body: Infer<B>;
  /** Something the person calling should know but that does not fail the request (it is logged). */
  note: (message: string) => void;
  /** Who is writing: always set for a write (the web edge refuses writes without credentials). */
  principal?: Principal;
}

/** An answer with a status other than 200, or headers of its own. */
export class Reply<T> {
  constructor(
    readonly status: number,
    readonly body: T,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** A file to download: its media type, its name, and its text in pieces produced as they are pulled. */
export class Download {
  constructor(
    readonly contentType: string,
    readonly fileName: string,
    readonly chunks: AsyncIterable<string>,
  ) {}
}

/** A write: a JSON body (for POST, PUT, PATCH), behind the write guard; `created` says what the 2xx answer means. */
export interface WriteAccess {
  created: string;
  /** Only admins may make it (editors get 403). */
  admin?: boolean;
}

export interface RouteSpec<
  Q extends z.ZodObject | undefined = z.ZodObject | undefined,
  P extends z.ZodObject | undefined = z.ZodObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Below /api, with express-style parameters: `/events/:id`. */
  path: string;
  /**
   * Its name in the OpenAPI document, a verb and a noun (`listEvents`); keep it stable, clients generate code
   * from it. Without one the document derives a name from the method and path (`getActorsByIdRelationships`).
   */
  operationId?: string;
  summary: string;
  /** The feature it belongs to (its OpenAPI tag). */
  tag: string;
  query?: Q;
  params?: P;
  body?: B;
  /** The schema of the 200 (or 201) answer: every answer is put through it before it is sent. */
  response: R;
  /** Media types of a download (the answer is then a Download, not JSON). */
  download?: Record<string, unknown>;
  write?: WriteAccess;
  /** A read for signed-in users only (drafts, tokens): without credentials, 401. */
  signedIn?: boolean;
  /** Seconds of database time one call may use, when it must answer sooner than DB_BUDGET_S (health). */
  budgetS?: number;
  handle: (input: RouteInput<Q, P, B>) => Promise<z.input<R> | Reply<z.input<R>> | Download>;
}

/** Declares a route with its types inferred from its schemas. */
export function route<
  Q extends z.ZodObject | undefined = undefined,
  P extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(spec: RouteSpec<Q, P, B, R>): RouteSpec {
  return spec as unknown as RouteSpec;
}
