import { toLuceneQuery } from '../db/lucene';
import type { Db } from '../db/query';
import { NotFoundError } from '../domain/errors';
import * as repository from './actors.repository';
import type { ActorDetail, ActorsQuery, KnownActor, RelationshipList } from './actors.schemas';

export function listActors(db: Db, query: ActorsQuery) {
  const lucene = query.q === undefined ? null : toLuceneQuery(query.q);
  return repository.listActors(db, lucene, query.kind ?? null, query.limit);
}

/** Every actor's id and name, by name, at most `limit`: the choices of a filter. */
export function listActorNames(db: Db, limit: number) {
  return repository.listActorNames(db, limit);
}

export async function getActor(db: Db, id: string): Promise<ActorDetail> {
  const actor = await repository.findActor(db, id);
  if (!actor) throw new NotFoundError('actor', id);
  return actor;
}

/**
 * The one way a request's actor (a filter or a path) is found, or refused as unknown: with what callers need
 * of it, its name and how many events it takes part in (which decides how its events are best read).
 */
export async function requireActor(db: Db, id: string): Promise<KnownActor> {
  const actor = await repository.findKnownActor(db, id);
  if (!actor) throw new NotFoundError('actor', id);
  return actor;
}

export async function getRelationships(db: Db, id: string, limit: number): Promise<RelationshipList> {
  const { degree: _degree, ...actor } = await requireActor(db, id);
  return { actor, items: await repository.listRelationships(db, id, limit) };
}
