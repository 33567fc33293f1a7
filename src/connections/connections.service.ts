import { requireActor } from '../actors/actors.service';
import { pairId } from '../db/cypher';
import type { Db } from '../db/query';
import { countsByType } from '../domain/taxonomy';
import { findPaths, readActors, readHops, type HopRow } from './connections.repository';
import { PATHS_SHOWN, type ConnectionPath, type ConnectionsAnswer, type ConnectionsQuery, type Hop } from './connections.schemas';

const VIA_WORDS = { events: 'shared events', roles: 'roles', both: 'shared events or roles' } as const;

/**
 * How two actors are connected: the shortest paths between them (each actor once per path, each sequence of
 * actors once), and on each step what joins its two actors.
 */
export async function findConnections(db: Db, query: ConnectionsQuery): Promise<ConnectionsAnswer> {
  // The paths are searched beside the checks (an unknown actor has none): one round trip fewer.
  const [from, to, found] = await Promise.all([
    requireActor(db, query.from),
    requireActor(db, query.to),
    findPaths(db, query.from, query.to, query.via, query.maxHops),
  ]);
  const sequences = distinctSequences(found).slice(0, PATHS_SHOWN);
  const steps = sequences.flatMap((actors) => actors.slice(1).map((id, i) => [actors[i]!, id] as [string, string]));
  const [hops, actors] = await Promise.all([readHops(db, steps), readActors(db, [...new Set(sequences.flat())])]);
  const paths: ConnectionPath[] = sequences.map((ids) => ({
    length: ids.length - 1,
    actors: ids.map((id) => actors.get(id)!),
    hops: ids.slice(1).map((id, i) => hopView(ids[i]!, id, hops.get(pairId(ids[i]!, id)))),
  }));
  const message = paths.length > 0 ? null : `${from.name} and ${to.name} are not connected through ${VIA_WORDS[query.via]} within ${query.maxHops} steps.`;
  return { from: ref(from), to: ref(to), via: query.via, maxHops: query.maxHops, paths, message };
}

const ref = ({ id, name, kind }: { id: string; name: string; kind: ConnectionsAnswer['from']['kind'] }) => ({ id, name, kind });

/** Paths that visit an actor twice are detours, and a sequence joined both by events and by a role counts once. */
export function distinctSequences(paths: string[][]): string[][] {
  const seen = new Set<string>();
  return paths.filter((actors) => {
    const key = actors.join('\u0000');
    if (new Set(actors).size !== actors.length || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function hopView(from: string, to: string, row: HopRow | undefined): Hop {
  return {
    from,
    to,
    sharedEvents: row?.sharedEvents ?? 0,
    sharedByType: countsByType(row?.byType),
    events: [...(row?.events ?? [])].sort((a, b) => (a.date.start < b.date.start ? 1 : a.date.start > b.date.start ? -1 : 0)),
    roles: row?.roles ?? [],
  };
}
