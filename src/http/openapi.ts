import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { PROJECT_ROOT } from '../config/paths';
import type { RouteSpec } from '../domain/route';
import { ErrorResponse } from '../domain/views';
import { type OperationExamples, SEED_EXAMPLES } from './openapi-examples';
import { exportedSchemaNames } from './openapi-names';
import { type JsonSchema, SchemaComponents } from './openapi-schemas';

/**
 * The OpenAPI 3.1 document of the API, built from the routes the features declare (and parse with): an operation
 * per route, named by its operationId and grouped by its feature's tag; the schemas once, under components; the
 * credentials on the operations that need them; examples from the seed.
 */

export interface OpenApiOptions {
  /** The API's version: package.json's when left out. */
  version?: string;
  /** Example values by operationId: the seed's when left out. */
  examples?: Readonly<Record<string, OperationExamples>>;
}

const packageVersion = (): string => (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** What each feature's tag stands for, in the words of the README. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  events: 'Events: who did what to whom, when, each with the sentences that report it; conflicting claims and their history',
  actors: 'States, leaders, envoys, organisations and groups: their roles over time and their relationships',
  'who-did-what': 'Rows of who (agents) did what (the event type) to whom (targets), when, with the quote',
  connections: 'How two actors are connected: the shortest paths through shared events and roles',
  dyads: 'Two actors toward each other: moves, reciprocities, a ledger and a monthly trend',
  sanctions: 'Sanctions as measures over time: in force on a day, changes, every measure',
  articles: 'The articles the facts come from, with their reader reactions',
  drafts: 'Articles handed in become drafts; editors review, then commit them into the graph',
  timeline: 'Windows of the timeline: events, or counts per bucket when dense',
  graph: 'The network of actors linked by shared events and roles',
  stats: 'What the knowledge base holds, and its events over time (series by type, actor or country)',
  watch: 'Watchlists: what is new about what you follow, as a list, an Atom feed and webhooks',
  places: "Where events happened: the offline gazetteer, the map's clusters and their events",
  health: 'Whether the database answers',
  exports: 'Every matching event as a file: CSV, PLOVER, JSON-LD or GraphML',
  accounts: 'API tokens and users',
};

/** `/events/:id` → `/api/events/{id}`. */
const openApiPath = (path: string) => `/api${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;

const pascal = (word: string) => word.replace(/(^|[-_])([a-z0-9])/g, (_m, _sep, c: string) => c.toUpperCase());

/** A route without an operationId of its own is named by its method and path: `getActorsByIdRelationships`. */
const operationIdOf = (route: RouteSpec) =>
  route.operationId ??
  route.method +
    route.path
      .split('/')
      .filter(Boolean)
      .map((part) => (part.startsWith(':') ? `By${pascal(part.slice(1))}` : pascal(part)))
      .join('');

const CREDENTIALS = [{ bearer: [] }, { session: [] }];

/** The error answers every operation shares, described once. */
const ERRORS = {
  InvalidParameters: 'A parameter is invalid; details name each field and why',
  InvalidBody: 'The body is invalid; details name each field and why',
  Unauthorized: 'No session and no bearer token, or a wrong one; nothing was written',
  SignedInOnly: 'Signed-in users only: no session and no token',
  Forbidden: "A session's write without its CSRF token (X-CSRF-Token), or a write the role does not allow",
  NotFound: 'The id (or an actor named in a filter) does not exist',
  Conflict: 'The write contradicts what is stored (an id taken by another text, a draft committed meanwhile)',
  TooLarge: 'The body is larger than 1 MB',
  NotJson: 'The body is not JSON',
  TooManyWrites: 'Too many writes from this client; try again later',
  Unavailable: 'The database is not reachable',
} as const;

/** A parameter says what it is once, beside its schema (in place: the schema may still be pointed at input forms). */
function withoutDescription(schema: JsonSchema): JsonSchema {
  delete schema.description;
  return schema;
}

const error = (name: keyof typeof ERRORS) => ({ $ref: `#/components/responses/${name}` });

class DocumentBuilder {
  constructor(
    private readonly schemas: SchemaComponents,
    private readonly examples: Readonly<Record<string, OperationExamples>>,
  ) {}

  operation(route: RouteSpec) {
    const operationId = operationIdOf(route);
    const examples = this.examples[operationId] ?? {};
    return {
      operationId,
      summary: route.summary,
      tags: [route.tag],
      security: route.write || route.signedIn ? CREDENTIALS : [],
      parameters: [...this.parameters(route.params, 'path', examples.params), ...this.parameters(route.query, 'query', examples.query)],
      ...(route.body ? { requestBody: this.requestBody(route.body, examples.body) } : {}),
      responses: route.write ? this.writeResponses(route) : this.readResponses(route),
    };
  }

  private parameters(schema: z.ZodObject | undefined, location: 'query' | 'path', examples: OperationExamples['query']) {
    if (!schema) return [];
    return Object.entries(schema.shape).map(([name, field]) => {
      const type = field as z.ZodType;
      const example = examples?.[name];
      return {
        name,
        in: location,
        required: location === 'path' || !type.safeParse(undefined).success,
        ...(type.description ? { description: type.description } : {}),
        schema: withoutDescription(this.schemas.parameterSchema(type)),
        ...(example === undefined ? {} : { example }),
      };
    });
  }

  private requestBody(body: z.ZodType, example: OperationExamples['body']) {
    return { required: true, content: { 'application/json': { schema: this.schemas.schema(body, 'input'), ...(example ? { example } : {}) } } };
  }

  private answer(route: RouteSpec) {
    return route.download ?? { 'application/json': { schema: this.schemas.schema(route.response, 'output') } };
  }

  /** A write: the answers only writes give. */
  private writeResponses(route: RouteSpec) {
    const created = route.write?.created ?? 'Written';
    const content = this.answer(route);
    return {
      200: { description: created, content },
      201: { description: created, content },
      400: error('InvalidBody'),
      401: error('Unauthorized'),
      403: error('Forbidden'),
      404: error('NotFound'),
      409: error('Conflict'),
      413: error('TooLarge'),
      415: error('NotJson'),
      429: error('TooManyWrites'),
      503: error('Unavailable'),
    };
  }

  private readResponses(route: RouteSpec) {
    return {
      200: { description: 'OK', content: this.answer(route) },
      400: error('InvalidParameters'),
      ...(route.signedIn ? { 401: error('SignedInOnly') } : {}),
      404: error('NotFound'),
      503: error('Unavailable'),
    };
  }

  errorResponses() {
    const schema = this.schemas.schema(ErrorResponse, 'output');
    return Object.fromEntries(Object.entries(ERRORS).map(([name, description]) => [name, { description, content: { 'application/json': { schema } } }]));
  }
}

/** Every schema the operations use, registered before any JSON is generated: bodies and answers by operation. */
function registerSchemas(routes: readonly RouteSpec[]): SchemaComponents {
  const schemas = new SchemaComponents(exportedSchemaNames());
  schemas.register(ErrorResponse, 'ErrorResponse');
  for (const route of routes) {
    const name = pascal(operationIdOf(route));
    for (const [location, object] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      for (const [field, type] of Object.entries(object?.shape ?? {})) schemas.registerParameter(type as z.ZodType, `${name}.${location}.${field}`);
    }
    if (route.body) schemas.register(route.body, `${name}Body`);
    if (!route.download) schemas.register(route.response, `${name}Response`);
  }
  schemas.generate();
  return schemas;
}

export function buildOpenApi(
  routes: readonly RouteSpec[],
  { version = packageVersion(), examples = SEED_EXAMPLES }: OpenApiOptions = {},
): Record<string, unknown> {
  const schemas = registerSchemas(routes);
  const builder = new DocumentBuilder(schemas, examples);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: builder.operation(route) };
  }
  const responses = builder.errorResponses();
  const tags = [...new Set(routes.map((route) => route.tag))].map((name) => ({
    name,
    ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}),
  }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Diplomatic events knowledge base',
      version,
      description:
        'Who did what to whom, when — every event tied to the sentence that reports it. Reads are open to all; writes need a session or an API token.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags,
    paths,
    components: {
      schemas: schemas.components() satisfies Record<string, JsonSchema>,
      responses,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: "A user's API token, or the KB_API_TOKEN setting; reads need none" },
        session: { type: 'apiKey', in: 'cookie', name: 'kb_session', description: 'A signed-in session (POST /login); its writes also send X-CSRF-Token' },
      },
    },
  };
}
