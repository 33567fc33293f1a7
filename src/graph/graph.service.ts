import { requireActor } from '../actors/actors.service';
import type { Db } from '../db/query';
import * as repository from './graph.repository';
import type { Graph, GraphLink, GraphQuery } from './graph.schemas';

/**
 * A bounded actor graph: the most active actors (or one actor's neighbourhood) and the edges among
 * them — shared events per type, and affiliations.
 */
export async function getGraph(db: Db, query: GraphQuery): Promise<Graph> {
  const graph = await readGraph(db, query);
  // Counts by type on every link make most of a busy neighbourhood's answer (hundreds of links): only on request.
  return query.include === 'types' ? graph : { ...graph, links: graph.links.map(withoutTypes) };
}

const withoutTypes = (link: GraphLink): GraphLink => {
  if (link.kind !== 'event' || link.byType === undefined) return link;
  const { byType: _byType, ...rest } = link;
  return rest;
};

async function readGraph(db: Db, query: GraphQuery): Promise<Graph> {
  const filter = { type: query.type ?? null, from: query.from ?? null, to: query.to ?? null };
  // Without a date filter an actor's neighbourhood comes with its links in one round trip, beside the check.
  if (query.actor && filter.from === null && filter.to === null) {
    const [, found] = await Promise.all([
      requireActor(db, query.actor),
      repository.neighbourhoodWithLinks(db, query.actor, filter.type, query.limit, query.include === 'types'),
    ]);
    if (found) return { center: query.actor, ...found };
  }
  // The neighbourhood is read beside the actor's check (an unknown actor has none): one round trip fewer.
  const nodes = query.actor
    ? (await Promise.all([requireActor(db, query.actor), repository.neighbourhood(db, query.actor, filter, query.limit)]))[1]
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
