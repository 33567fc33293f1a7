import type { Db } from '../db/query';
import { route } from '../domain/route';
import { IdParams } from '../domain/views';
import { ActorCodesEdit, ActorDetail, ActorList, ActorsQuery, RelationshipList, RelationshipsQuery } from './actors.schemas';
import * as service from './actors.service';

export const actorsRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/actors',
    operationId: 'listActors',
    tag: 'actors',
    summary: 'Actors by name, searchable by name or alias and filterable by kind; paginated by cursor',
    query: ActorsQuery,
    response: ActorList,
    handle: ({ query }) => service.listActors(db, query),
  }),
  route({
    method: 'get',
    path: '/actors/:id',
    operationId: 'getActor',
    tag: 'actors',
    summary: 'One actor with roles over time and event counts by type',
    params: IdParams,
    response: ActorDetail,
    handle: ({ params }) => service.getActor(db, params.id),
  }),
  route({
    method: 'patch',
    path: '/actors/:id/codes',
    operationId: 'setActorCodes',
    tag: 'actors',
    summary: "Set or correct an actor's codes (ISO country, CAMEO sector and actor code, Wikidata id); recorded in its history",
    params: IdParams,
    body: ActorCodesEdit,
    response: ActorDetail,
    write: { created: 'The actor with its codes as they are now' },
    handle: ({ params, body, principal }) => {
      if (!principal) throw new Error('a write reached its handler without credentials');
      return service.setActorCodes(db, params.id, body, principal);
    },
  }),
  route({
    method: 'get',
    path: '/actors/:id/relationships',
    operationId: 'listActorRelationships',
    tag: 'actors',
    summary: 'Actors linked to this one by shared events and affiliations, strongest first; paginated by cursor',
    params: IdParams,
    query: RelationshipsQuery,
    response: RelationshipList,
    handle: ({ params, query }) => service.getRelationships(db, params.id, query),
  }),
];
