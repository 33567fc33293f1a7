import { cursorKeys } from '../db/keyset';
import { toLuceneQuery } from '../db/lucene';
import type { Db } from '../db/query';
import { pageFrom } from '../domain/cursor';
import { NotFoundError } from '../domain/errors';
import * as repository from './actors.repository';
import type { ActorDetail, ActorList, ActorsQuery, KnownActor, RelationshipList, RelationshipsQuery } from './actors.schemas';

/** A page of actors: by name, or with `q` the matches best first. */
export async function listActors(db: Db, query: Pick<ActorsQuery, 'q' | 'kind' | 'code' | 'wikidata' | 'limit' | 'cursor'>): Promise<ActorList> {
  const lucene = query.q === undefined ? null : toLuceneQuery(query.q);
  const order = lucene ? repository.ACTORS_BY_SCORE : repository.ACTORS_BY_NAME;
  const rows = await repository.listActors(
    db,
    lucene,
    { kind: query.kind ?? null, code: query.code ?? null, wikidata: query.wikidata ?? null },
    query.limit + 1,
    cursorKeys(order, query.cursor),
  );
  return pageFrom(rows, query.limit, order.codec);
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

/** A page of the actor's partners, strongest first. */
export async function getRelationships(db: Db, id: string, query: Pick<RelationshipsQuery, 'limit' | 'cursor'>): Promise<RelationshipList> {
  const after = cursorKeys(repository.RELATIONSHIP_ORDER, query.cursor);
  const { degree: _degree, ...actor } = await requireActor(db, id);
  const rows = await repository.listRelationships(db, id, query.limit + 1, after);
  return { actor, ...pageFrom(rows, query.limit, repository.RELATIONSHIP_ORDER.codec) };
}
