import type { Db } from '../db/query';
import { route } from '../domain/route';
import { Graph, GraphQuery } from './graph.schemas';
import { getGraph } from './graph.service';

export const graphRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/graph',
    operationId: 'getGraph',
    tag: 'graph',
    summary: "Actors and their links (one per pair for shared events, with counts by type; one per role): the most active, or one actor's neighbourhood",
    query: GraphQuery,
    response: Graph,
    handle: ({ query }) => getGraph(db, query),
  }),
];
