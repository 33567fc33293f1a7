import { read, type Db } from '../db/query';
import type { KnownActor } from './field-actors';

/**
 * The actors a dataset's records may name: by name or alias (lower-cased), the states of the countries they
 * name, and any actor holding an id a new actor would take. One scan of the actors: an import names thousands
 * at most, and the knowledge base holds far fewer actors than events.
 */
const KNOWN_ACTORS = `
  MATCH (a:Actor)
  WHERE toLower(a.name) IN $names
     OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) IN $names)
     OR (a.kind = 'state' AND a.country IN $countries)
     OR a.id IN $ids
  RETURN a.id AS id, a.name AS name, coalesce(a.aliases, []) AS aliases, a.kind AS kind, a.country AS country`;

export function knownActors(db: Db, query: { names: string[]; countries: string[]; ids: string[] }): Promise<KnownActor[]> {
  return read<KnownActor>(db, KNOWN_ACTORS, query);
}
