import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/settings';
import { isDatabaseUnavailable } from '../../src/db/errors';
import type { Db } from '../../src/db/query';
import { ErrorResponse } from '../../src/domain/views';
import { ensureWarm } from '../../src/health/warm-up';
import { createLogger } from '../../src/http/logger';
import { closeServer, listen } from '../../src/http/listen';
import { openTestDb, resetToSeed } from './test-db';

export interface RunningApp {
  baseUrl: string;
  close: () => Promise<void>;
}

/**
 * The real app on an ephemeral port of HOST (127.0.0.1 unless `env` says otherwise), over the given database;
 * `env` adds settings (e.g. KB_API_TOKEN). Like the server, it warms the database up before it listens (when
 * the database answers: some tests start the app over one that is down).
 */
export async function startTestApp(db: Db, env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  await ensureWarm(db).catch((error: unknown) => {
    if (!isDatabaseUnavailable(error)) throw error;
  });
  const app = createApp({ db, config, logger: createLogger(config) });
  const server = listen(app, 0, config.HOST);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return {
    baseUrl: `http://${host}:${port}`,
    close: () => closeServer(server),
  };
}

/**
 * `value` parsed with `schema`, or a failure naming `what`: when it does not match, and when it has a field the
 * schema does not know (the parse would drop it, so a test comparing the body whole would miss it).
 */
export function parseExact<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${what} does not match its schema:\n${z.prettifyError(parsed.error)}`);
  const differs = firstDifference(parsed.data, value, '');
  if (differs !== undefined) throw new Error(`${what} differs from what its schema reads at ${differs || 'the top'}: a field the schema does not know?`);
  return parsed.data;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Where two JSON values first differ, key for key ('' at the top), or undefined when they are the same. Not
 * util.isDeepStrictEqual: under jest, the fetched body and the parsed one are objects of different realms.
 */
function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return at;
    for (const [i, item] of a.entries()) {
      const differs = firstDifference(item, b[i], `${at}[${i}]`);
      if (differs !== undefined) return differs;
    }
    return undefined;
  }
  if (!isObject(a) || !isObject(b)) return at;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!Object.hasOwn(a, key) || !Object.hasOwn(b, key)) return `${at}.${key}`;
    const differs = firstDifference(a[key], b[key], `${at}.${key}`);
    if (differs !== undefined) return differs;
  }
  return undefined;
}

/** GET a JSON route: its status and its body, not yet parsed. */
async function fetchJson(app: RunningApp, path: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(app.baseUrl + path, { headers: { accept: 'application/json' } });
  return { status: response.status, json: await response.json() };
}

/**
 * GET a JSON route: its status, and its body parsed with `schema` whatever the status (a route may answer an
 * error in its own shape, as /api/health's 503 does). Most tests want getOk or getError.
 */
export async function getJson<S extends z.ZodType>(app: RunningApp, path: string, schema: S): Promise<{ status: number; body: z.output<S> }> {
  const { status, json } = await fetchJson(app, path);
  return { status, body: parseExact(schema, json, `The ${status} answer to GET ${path}`) };
}

/** GET a JSON route that must answer 200: its body, parsed with the route's response schema. */
export async function getOk<S extends z.ZodType>(app: RunningApp, path: string, schema: S): Promise<z.output<S>> {
  const { status, json } = await fetchJson(app, path);
  if (status !== 200) throw new Error(`GET ${path} answered ${status}, not 200: ${JSON.stringify(json).slice(0, 500)}`);
  return parseExact(schema, json, `The answer to GET ${path}`);
}

/** GET a JSON route that must answer an error (4xx or 5xx): its status, and its body parsed as an ErrorResponse. */
export async function getError(app: RunningApp, path: string): Promise<{ status: number; body: ErrorBody }> {
  const { status, json } = await fetchJson(app, path);
  if (status < 400) throw new Error(`GET ${path} answered ${status}, not an error: ${JSON.stringify(json).slice(0, 500)}`);
  return { status, body: parseExact(ErrorResponse, json, `The ${status} answer to GET ${path}`) };
}

export type ErrorBody = z.output<typeof ErrorResponse>;

/** /api/openapi.json has no response schema of its own: the parts of its OpenAPI 3.1 document the tests read. */
const OpenApiSchema = z.looseObject({ $ref: z.string().optional(), enum: z.array(z.unknown()).optional(), required: z.array(z.string()).optional() });
export type OpenApiSchema = z.output<typeof OpenApiSchema>;
const OpenApiParameter = z.looseObject({
  name: z.string(),
  in: z.enum(['path', 'query']),
  required: z.boolean(),
  schema: OpenApiSchema,
  example: z.union([z.string(), z.number()]).optional(),
});
/** An answer (with its description), or a reference to one of the shared error answers (components.responses). */
const OpenApiResponse = z
  .looseObject({ $ref: z.string().optional(), description: z.string().optional(), content: z.record(z.string(), z.unknown()).optional() })
  .refine((response) => (response.$ref === undefined) !== (response.description === undefined), 'an answer has a description or is a reference');
const OpenApiOperation = z.looseObject({
  operationId: z.string(),
  tags: z.array(z.string()),
  security: z.array(z.record(z.string(), z.array(z.string()))),
  parameters: z.array(OpenApiParameter).optional(),
  requestBody: z.looseObject({ content: z.record(z.string(), z.looseObject({ schema: OpenApiSchema, example: z.unknown().optional() })) }).optional(),
  responses: z.record(z.string(), OpenApiResponse),
});
export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  paths: z.record(z.string(), z.partialRecord(z.enum(['get', 'post', 'put', 'patch', 'delete']), OpenApiOperation)),
  components: z.looseObject({ schemas: z.record(z.string(), OpenApiSchema) }),
});
export type OpenApiDocument = z.output<typeof OpenApiDocument>;

/** A schema of the document with its `$ref` followed into components.schemas (as often as it takes). */
export function resolveSchema(document: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  const prefix = '#/components/schemas/';
  if (schema.$ref === undefined) return schema;
  if (!schema.$ref.startsWith(prefix)) throw new Error(`a reference outside the document's schemas: ${schema.$ref}`);
  const target = document.components.schemas[schema.$ref.slice(prefix.length)];
  if (!target) throw new Error(`a reference to a schema the document does not have: ${schema.$ref}`);
  return resolveSchema(document, target);
}

export interface SeededApp {
  db: Db;
  app: RunningApp;
}

/**
 * The hooks of a test file that asks the app about the seed: the seed in the test database and the app
 * over it before the file's tests (handed to `use`); after them the app closed and the seed put back (a
 * file may add to it).
 */
export function useSeededApp(use: (suite: SeededApp) => void): void {
  let suite: SeededApp | undefined;
  beforeAll(async () => {
    const db = openTestDb();
    await resetToSeed(db);
    suite = { db, app: await startTestApp(db) };
    use(suite);
  });
  afterAll(async () => {
    await suite?.app.close();
    if (suite) await resetToSeed(suite.db);
    await suite?.db.driver.close();
  });
}
