import { z } from 'zod';
import type { RouteSpec } from '../domain/route';
import { ErrorResponse } from '../domain/views';

/** The OpenAPI 3.1 document of the API, built from the routes the features declare (and parse with). */

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

/** `/events/:id` → `/api/events/{id}`. */
const openApiPath = (path: string) => `/api${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;

function parameters(schema: z.ZodObject | undefined, location: 'query' | 'path') {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const type = field as z.ZodType;
    return {
      name,
      in: location,
      required: location === 'path' || !type.safeParse(undefined).success,
      description: type.description,
      schema: jsonSchema(type, 'input'),
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: jsonSchema(ErrorResponse, 'output') } },
});

/** A write: the request body, the bearer token, and the answers only writes give. */
function writeOperation(route: RouteSpec) {
  const json = { 'application/json': { schema: jsonSchema(route.response, 'output') } };
  const created = route.write?.created ?? 'Written';
  return {
    summary: route.summary,
    tags: [route.tag],
    security: [{ bearer: [] }, { session: [] }],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
    ...(route.params ? { parameters: parameters(route.params, 'path') } : {}),
    responses: {
      200: { description: created, content: json },
      201: { description: created, content: json },
      400: errorResponse('The body is invalid; details name each field and why'),
      401: errorResponse('No session and no bearer token, or a wrong one; nothing was written'),
      403: errorResponse("A session's write without its CSRF token (X-CSRF-Token), or a write the role does not allow"),
      404: errorResponse('The id (a draft, an event, a user) does not exist'),
      409: errorResponse('The write contradicts what is stored (an id taken by another text, a draft committed meanwhile)'),
      413: errorResponse('The body is larger than 1 MB'),
      415: errorResponse('The body is not JSON'),
      429: errorResponse('Too many writes from this client; try again later'),
      503: errorResponse('The database is not reachable'),
    },
  };
}

function readOperation(route: RouteSpec) {
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.signedIn ? { security: [{ bearer: [] }, { session: [] }] } : {}),
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    responses: {
      200: { description: 'OK', content: route.download ?? { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
      400: errorResponse('A parameter is invalid; details name each field and why'),
      ...(route.signedIn ? { 401: errorResponse('Signed-in users only: no session and no token') } : {}),
      404: errorResponse('The id (or an actor named in a filter) does not exist'),
      503: errorResponse('The database is not reachable'),
    },
  };
}

export function buildOpenApi(routes: readonly RouteSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: route.write ? writeOperation(route) : readOperation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Diplomatic events knowledge base',
      version: '0.1.0',
      description: 'Who did what to whom, when — every event tied to the sentence that reports it.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: "A user's API token, or the KB_API_TOKEN setting; reads need none" },
        session: { type: 'apiKey', in: 'cookie', name: 'kb_session', description: 'A signed-in session (POST /login); its writes also send X-CSRF-Token' },
      },
    },
  };
}
