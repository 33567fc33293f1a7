import { z } from 'zod';
import { apiRoutes } from '../../../src/app';
import { loadConfig } from '../../../src/config/settings';
import { closeDb, openDb } from '../../../src/db/context';
import type { Db } from '../../../src/db/query';
import type { RouteSpec } from '../../../src/domain/route';
import { buildOpenApi } from '../../../src/http/openapi';
import { SEED_EXAMPLES } from '../../../src/http/openapi-examples';
import { exportedSchemaNames } from '../../../src/http/openapi-names';
import { SchemaComponents } from '../../../src/http/openapi-schemas';
import { OpenApiDocument, resolveSchema } from '../../helpers/test-app';

/**
 * The OpenAPI document as built from the routes the features declare, without a database: names, tags,
 * security, shared schemas, and the seed's examples checked against the schemas the routes parse with.
 * (The integration test lints the document the app serves and calls every read with its examples.)
 */

// A real driver that is never asked anything: the routes only keep it for their handlers, which do not run here.
let db: Db;
let routes: RouteSpec[];
let document: OpenApiDocument;
let raw: Record<string, unknown>;

beforeAll(() => {
  db = openDb({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'unused' }, { DB_TIMEOUT_S: 1 });
  routes = apiRoutes(db, loadConfig({ LOG_LEVEL: 'silent' }));
  raw = buildOpenApi(routes);
  document = OpenApiDocument.parse(raw);
});
afterAll(() => closeDb(db));

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation! })));

const routeOf = (operationId: string) => routes.find((route) => route.operationId === operationId);

/** Every `$ref` anywhere in a JSON value. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refsIn(child, found);
    }
  }
  return found;
}

test('every route is one operation, named by its own operationId, unique and readable', () => {
  const ids = operations().map(({ operation }) => operation.operationId);
  expect(ids).toHaveLength(routes.length);
  expect(new Set(ids).size).toBe(ids.length);
  for (const route of routes) expect(route.operationId).toMatch(/^[a-z]+[A-Z][A-Za-z]+$/);
  expect([...ids].sort()).toEqual(routes.map((route) => route.operationId).sort());
  expect(document.paths['/api/events']?.get?.operationId).toBe('listEvents');
  expect(document.paths['/api/actors/{id}']?.get?.operationId).toBe('getActor');
});

test('operations are grouped by feature: one tag each, every tag described once at the top', () => {
  const tags = z.array(z.strictObject({ name: z.string(), description: z.string().min(10) })).parse(raw.tags);
  expect(tags.map((tag) => tag.name)).toEqual([...new Set(routes.map((route) => route.tag))]);
  for (const { operation } of operations()) expect(operation.tags).toHaveLength(1);
  expect(document.paths['/api/who-did-what']?.get?.tags).toEqual(['who-did-what']);
});

test('the document says where it is served, under which licence, in which version', () => {
  expect(raw.servers).toEqual([{ url: '/', description: 'This server' }]);
  expect(raw.info).toMatchObject({ license: { name: 'MIT', identifier: 'MIT' }, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
});

test('credentials are asked for on writes and signed-in reads only; public reads say they need none', () => {
  const credentials = [{ bearer: [] }, { session: [] }];
  for (const { operation } of operations()) {
    const route = routeOf(operation.operationId)!;
    expect(operation.security).toEqual(route.write || route.signedIn ? credentials : []);
  }
  expect(document.paths['/api/events']?.get?.security).toEqual([]);
  expect(document.paths['/api/drafts']?.post?.security).toEqual(credentials);
  expect(document.paths['/api/drafts']?.get?.security).toEqual(credentials);
});

test('schemas are written once, under components, and referred to: no inline copies, no dangling or unused references', () => {
  const text = JSON.stringify(raw);
  expect(text).not.toContain('"$schema"');
  const refs = refsIn(raw);
  const schemaRefs = new Set(refs.filter((ref) => ref.startsWith('#/components/schemas/')).map((ref) => ref.slice('#/components/schemas/'.length)));
  expect([...schemaRefs].sort()).toEqual(Object.keys(document.components.schemas).sort());
  for (const ref of refs) expect(ref).toMatch(/^#\/components\/(schemas|responses)\//);
  // The error answer is described once and every operation points at it.
  expect(text.match(/"error":\{"type":"string"\}/g)).toHaveLength(1);
  expect(document.paths['/api/events']?.get?.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
  // Shared shapes go by the names the code exports them under.
  expect(document.paths['/api/events']?.get?.responses['200']?.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/EventPage' } } });
  expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['EventView', 'ActorRef', 'DateView', 'EventType', 'Slug', 'ErrorResponse']));
});

test('a record keyed by an enum lists its keys as properties', () => {
  const { properties } = z.looseObject({ properties: z.record(z.string(), z.looseObject({})) }).parse(document.components.schemas.ArticleDetail);
  expect(resolveSchema(document, properties.stances!)).toMatchObject({
    type: 'object',
    properties: { supportive: { type: 'integer' }, critical: { type: 'integer' }, mixed: { type: 'integer' } },
    required: expect.arrayContaining(['supportive', 'critical', 'mixed']),
    additionalProperties: false,
  });
});

describe('the seed examples', () => {
  test('belong to operations of the document, and every public read with a path parameter has one', () => {
    const ids = new Set(routes.map((route) => route.operationId));
    for (const operationId of Object.keys(SEED_EXAMPLES)) expect(ids).toContain(operationId);
    const readsWithIds = routes.filter((route) => route.method === 'get' && !route.signedIn && route.params);
    for (const route of readsWithIds) expect(SEED_EXAMPLES[route.operationId!]?.params).toBeDefined();
  });

  test.each(Object.keys(SEED_EXAMPLES))('of %s are valid values of the schemas the route parses with, and are in the document', (operationId) => {
    const route = routeOf(operationId)!;
    const examples = SEED_EXAMPLES[operationId]!;
    const operation = operations().find(({ operation: o }) => o.operationId === operationId)!.operation;
    for (const [location, values, schema] of [
      ['path', examples.params, route.params],
      ['query', examples.query, route.query],
    ] as const) {
      if (!values) continue;
      // Path and query values reach the route as text.
      const asText = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
      expect(schema!.safeParse(asText).error).toBeUndefined();
      for (const [name, value] of Object.entries(values)) {
        expect(operation.parameters?.find((p) => p.name === name && p.in === location)?.example).toBe(value);
      }
    }
    if (examples.body) {
      expect(route.body!.safeParse(examples.body).error).toBeUndefined();
      expect(operation.requestBody?.content['application/json']?.example).toEqual(examples.body);
    }
  });
});

describe('input and output forms of a named schema', () => {
  const Kind = z.enum(['state', 'person']);
  const Actor = z.object({ id: z.string(), kind: Kind, aliases: z.array(z.string()).default([]) });
  const Team = z.object({ lead: Actor });
  const names = new Map<z.ZodType, string>([
    [Kind, 'Kind'],
    [Actor, 'Actor'],
    [Team, 'Team'],
  ]);

  function componentsFor(uses: { schema: z.ZodType; io: 'input' | 'output' }[]) {
    const schemas = new SchemaComponents(names);
    schemas.generate();
    const handedOut = uses.map(({ schema, io }) => schemas.schema(schema, io));
    return { handedOut, components: schemas.components() };
  }

  test('a schema that reads the same both ways is one component', () => {
    const { handedOut, components } = componentsFor([
      { schema: Kind, io: 'input' },
      { schema: Kind, io: 'output' },
    ]);
    expect(handedOut).toEqual([{ $ref: '#/components/schemas/Kind' }, { $ref: '#/components/schemas/Kind' }]);
    expect(components).toEqual({ Kind: { type: 'string', enum: ['state', 'person'] } });
  });

  test('a default makes a field optional in a request: requests point at the Input form, answers at the other', () => {
    const { handedOut, components } = componentsFor([
      { schema: Team, io: 'input' },
      { schema: Team, io: 'output' },
    ]);
    expect(handedOut).toEqual([{ $ref: '#/components/schemas/TeamInput' }, { $ref: '#/components/schemas/Team' }]);
    expect(Object.keys(components).sort()).toEqual(['Actor', 'ActorInput', 'Kind', 'Team', 'TeamInput']);
    expect(components.Actor?.required).toEqual(['id', 'kind', 'aliases']);
    expect(components.ActorInput?.required).toEqual(['id', 'kind']);
    // Team differs only through Actor, and its input form says so.
    expect(components.TeamInput).toMatchObject({ properties: { lead: { $ref: '#/components/schemas/ActorInput' } } });
    expect(components.Team).toMatchObject({ properties: { lead: { $ref: '#/components/schemas/Actor' } } });
  });

  test('what only requests use keeps its own name, and nothing unused is a component', () => {
    const { handedOut, components } = componentsFor([{ schema: Actor, io: 'input' }]);
    expect(handedOut).toEqual([{ $ref: '#/components/schemas/Actor' }]);
    expect(Object.keys(components).sort()).toEqual(['Actor', 'Kind']);
  });
});

test('schemas exported under one name by two modules get distinct names, the later one prefixed by its module', () => {
  const First = z.string();
  const Second = z.number();
  const names = exportedSchemaNames({ model: { EventLink: First, NotASchema: 3 }, graph: { EventLink: Second, KindSchema: z.boolean() } });
  expect([...names.values()]).toEqual(['EventLink', 'GraphEventLink', 'Kind']);
});
