import { z } from 'zod';
import { ActorDetail, ActorList, ActorsQuery, RelationshipList } from '../actors/actors.schemas';
import { RelationshipsQuery } from '../actors/actors.routes';
import { ArticleDetail, ArticleList, ArticlesQuery } from '../articles/articles.schemas';
import { ArticleIngested, ArticlePost } from '../articles/articles.write.schemas';
import { EventDetail, EventPage, EventsQuery } from '../events/events.schemas';
import { EXPORT_OPENAPI_CONTENT, ExportQuery } from '../exports/exports.schemas';
import { Graph, GraphQuery } from '../graph/graph.schemas';
import { Health } from '../health/health.routes';
import { StatsQuery } from '../stats/stats.routes';
import { Stats } from '../stats/stats.schemas';
import { TimelineQuery, TimelineWindow } from '../timeline/timeline.schemas';
import { WhoDidWhatAnswer, WhoDidWhatQuery } from '../who-did-what/who-did-what.schemas';
import { ErrorResponse, IdParams } from './common.schemas';

/** Every public route, described by the same zod schemas its handler parses with. */
interface RouteDoc {
  path: string;
  summary: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  response: z.ZodType;
  /** The 200 answer's media types, when it is not JSON described by `response`. */
  content?: Record<string, unknown>;
  /** A write: POST with a JSON body, behind the bearer token (src/http/auth.ts). */
  write?: { body: z.ZodType; created: string };
}

const ROUTES: RouteDoc[] = [
  { path: '/api/events', summary: 'Events in date order, filtered; paginated by cursor', query: EventsQuery, response: EventPage },
  { path: '/api/events/{id}', summary: 'One event with its participants, sources and linked events', params: IdParams, response: EventDetail },
  { path: '/api/actors', summary: 'Actors, searchable by name or alias and filterable by kind', query: ActorsQuery, response: ActorList },
  { path: '/api/actors/{id}', summary: 'One actor with roles over time and event counts by type', params: IdParams, response: ActorDetail },
  { path: '/api/actors/{id}/relationships', summary: 'Actors linked to this one by shared events and affiliations', params: IdParams, query: RelationshipsQuery, response: RelationshipList },
  { path: '/api/who-did-what', summary: 'Who did what to whom, when, with the sentence that says so', query: WhoDidWhatQuery, response: WhoDidWhatAnswer },
  { path: '/api/articles', summary: 'Articles, newest first', query: ArticlesQuery, response: ArticleList },
  { path: '/api/articles', summary: 'Add an article: its facts are extracted and loaded; events already known gain it as a source', response: ArticleIngested, write: { body: ArticlePost, created: 'The article was stored (201), or was already stored with this text (200); the body lists its events and actors' } },
  { path: '/api/articles/{id}', summary: 'One article: text, the events it reports, its reader reactions', params: IdParams, response: ArticleDetail },
  { path: '/api/timeline', summary: 'The events of a date window for the timeline, or counts per bucket when the window is dense', query: TimelineQuery, response: TimelineWindow },
  { path: '/api/graph', summary: 'Actors and their links (one per pair for shared events, with counts by type; one per role): the most active, or one actor\'s neighbourhood', query: GraphQuery, response: Graph },
  { path: '/api/stats', summary: 'What the knowledge base holds: counts, date span, latest events', query: StatsQuery, response: Stats },
  { path: '/api/health', summary: 'Whether the database answers', response: Health },
  { path: '/api/export', summary: 'Every event matching the /api/events filters as a file (Content-Disposition: attachment) in csv, plover, jsonld or graphml; streamed', query: ExportQuery, response: z.string(), content: EXPORT_OPENAPI_CONTENT },
];

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

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
function writeOperation(route: RouteDoc, write: NonNullable<RouteDoc['write']>) {
  const json = { 'application/json': { schema: jsonSchema(route.response, 'output') } };
  return {
    post: {
      summary: route.summary,
      security: [{ bearer: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(write.body, 'input') } } },
      responses: {
        200: { description: write.created, content: json },
        201: { description: write.created, content: json },
        400: errorResponse('The body is invalid; details name each field and why'),
        401: errorResponse('No bearer token, or a wrong one; nothing was written'),
        403: errorResponse('Writes are disabled: the server has no KB_API_TOKEN'),
        409: errorResponse('The id is taken by an article with a different text'),
        413: errorResponse('The body is larger than 1 MB'),
        415: errorResponse('The body is not JSON'),
        429: errorResponse('Too many writes from this client; try again later'),
        503: errorResponse('The database is not reachable'),
      },
    },
  };
}

export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    paths[route.path] = {
      ...paths[route.path],
      ...(route.write ? writeOperation(route, route.write) : {
        get: {
          summary: route.summary,
          parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
          responses: {
            200: { description: 'OK', content: route.content ?? { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
            400: errorResponse('A parameter is invalid; details name each field and why'),
            404: errorResponse('The id (or an actor named in a filter) does not exist'),
            503: errorResponse('The database is not reachable'),
          },
        },
      }),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Diplomatic events knowledge base',
      version: '0.1.0',
      description: 'Who did what to whom, when — every event tied to the sentence that reports it.',
    },
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The KB_API_TOKEN setting; reads need no token' } } },
  };
}
