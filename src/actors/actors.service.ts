import type { Db } from '../db/query';
import { toLuceneQuery } from '../db/lucene';
import { NotFoundError } from '../http/errors';
import type { ActorRef } from '../api/common.schemas';
import * as repository from './actors.repository';
import type { ActorsQuery } from './actors.schemas';

export function listActors(db: Db, query: ActorsQuery) {
  const lucene = query.q === undefined ? null : toLuceneQuery(query.q);
  return repository.listActors(db, lucene, query.kind ?? null, query.limit);
}

export async function getActor(db: Db, id: string) {
  const actor = await repository.findActor(db, id);
  if (!actor) throw new NotFoundError('actor', id);
  return actor;
}

/** Resolves an actor id a request names (as a filter or a path), or answers 404. */
export async function requireActor(db: Db, id: string): Promise<ActorRef> {
  const actor = await repository.findActorRef(db, id);
  if (!actor) throw new NotFoundError('actor', id);
  return actor;
}

export async function getRelationships(db: Db, id: string, limit: number) {
  const actor = await requireActor(db, id);
  return { actor, items: await repository.listRelationships(db, id, limit) };
}
