import { requireActor } from '../actors/actors.service';
import type { Db } from '../db/query';
import * as repository from './graph.repository';
import type { Graph, GraphQuery } from './graph.schemas';

/**
 * A bounded actor graph: the most active actors (or one actor's neighbourhood) and the edges among
 * them — shared events per type, and affiliations.
 */
export async function getGraph(db: Db, query: GraphQuery): Promise<Graph> {
  const filter = { type: query.type ?? null, from: query.from ?? null, to: query.to ?? null };
  const nodes = query.actor
    ? await repository.neighbourhood(db, (await requireActor(db, query.actor)).id, filter, query.limit)
    : await repository.mostActiveActors(db, filter, query.limit);
  const links =
    nodes.length > 1
      ? await repository.linksAmong(
          db,
          nodes.map((n) => n.id),
          filter,
        )
      : [];
  return { center: query.actor ?? null, nodes, links };
}
