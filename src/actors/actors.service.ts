import { cursorKeys } from '../db/keyset';
import { toLuceneQuery } from '../db/lucene';
import type { Db } from '../db/query';
import { pageFrom } from '../domain/cursor';
import { settleActorCodes, type ActorCodes } from '../domain/actor-codes';
import { NotFoundError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { recordChanges } from '../history/history.repository';
import * as repository from './actors.repository';
import type { ActorCodesEdit, ActorDetail, ActorList, ActorsQuery, KnownActor, RelationshipList, RelationshipsQuery } from './actors.schemas';

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

const codesOf = ({ country, countryAlpha2, sector, code, wikidata }: ActorCodes): ActorCodes => ({ country, countryAlpha2, sector, code, wikidata });

/**
 * An editor sets or corrects an actor's codes: those the edit gives replace the stored ones (null clears), the
 * others stay; the alpha-2 code and the CAMEO code (unless given) are settled again from country and sector, as
 * the loader settles them. The change goes into the actor's history in the same transaction.
 */
export async function setActorCodes(db: Db, id: string, edit: ActorCodesEdit, principal: Principal): Promise<ActorDetail> {
  const stored = await repository.readCodes(db, id);
  if (!stored) throw new NotFoundError('actor', id);
  const before = codesOf(stored);
  const given = <K extends keyof ActorCodesEdit>(key: K, current: ActorCodesEdit[K]) => (edit[key] === undefined ? current : edit[key]);
  const sector = given('sector', stored.sector);
  const country = given('country', stored.country);
  // a stored code made from the old country and sector is made again; one an editor or a facts file gave stays unless replaced
  const madeCode = settleActorCodes({ ...stored, country: stored.country, sector: stored.sector, code: null }).code;
  const derived = stored.code === madeCode;
  // the form sends the code it showed: the made code sent back unchanged is not an editor's own
  const codeGiven = edit.code !== undefined && !(derived && edit.code === stored.code);
  const code = codeGiven ? (edit.code ?? null) : derived ? null : stored.code;
  const after = settleActorCodes({ ...stored, country, sector, code, wikidata: given('wikidata', stored.wikidata) });
  await repository.writeCodes(db, id, after, (tx) =>
    recordChanges(tx, [
      {
        entity: 'actor',
        entityId: id,
        at: new Date().toISOString(),
        user: principal.name,
        action: 'edited',
        summary: `Set the codes of ${stored.name}`,
        before,
        after: codesOf(after),
      },
    ]),
  );
  return getActor(db, id);
}
