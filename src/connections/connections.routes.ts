import type { Db } from '../db/query';
import { route } from '../domain/route';
import { ConnectionsAnswer, ConnectionsQuery } from './connections.schemas';
import { findConnections } from './connections.service';

export const connectionsRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/connections',
    operationId: 'findConnections',
    tag: 'connections',
    summary: 'How two actors are connected: the shortest paths between them, with the events or roles of each step',
    query: ConnectionsQuery,
    response: ConnectionsAnswer,
    handle: ({ query }) => findConnections(db, query),
  }),
];
