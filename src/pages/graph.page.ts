import type { Request, Response } from 'express';
import { z } from 'zod';
import { IsoDate } from '../domain/dates';
import { EventType, Slug, type AffiliationRole } from '../domain/model';
import type { Db } from '../db/query';
import { listActorNames } from '../actors/actors.service';
import { getGraph } from '../graph/graph.service';
import { AFFILIATION_LABELS, KIND_OPTIONS, kindLabel, TYPE_GROUPS, typeLabel } from '../domain/labels';
import { blankAsUndefined } from './page-params';
import { downloadLinks, GRAPH_FORMATS } from './downloads';

export const GraphPageQuery = z.object({
  actor: blankAsUndefined(Slug),
  type: blankAsUndefined(EventType),
  from: blankAsUndefined(IsoDate),
  to: blankAsUndefined(IsoDate),
});

export function graphPage(db: Db) {
  return async (req: Request, res: Response) => {
    const query = GraphPageQuery.parse(req.query);
    const [graph, actors] = await Promise.all([getGraph(db, { ...query, limit: 40 }), listActorNames(db, 1000)]);
    const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
    const center = graph.nodes.find((n) => n.id === graph.center);
    const filters = { actor: query.actor ?? '', type: query.type ?? '', from: query.from ?? '', to: query.to ?? '' };
    res.render('pages/graph/index', {
      title: center ? `Graph around ${center.name}` : 'Graph of actors',
      nav: 'graph',
      scripts: ['/js/graph.js'],
      filters,
      activeFilters: [query.actor, query.type, query.from, query.to].filter(Boolean).length,
      downloads: downloadLinks(filters, GRAPH_FORMATS),
      center: center ? { id: center.id, name: center.name } : null,
      actors,
      typeGroups: TYPE_GROUPS,
      kinds: KIND_OPTIONS,
      nodes: graph.nodes.map((n) => ({ ...n, kindLabel: kindLabel(n.kind) })),
      links: graph.links.map((l) => ({
        source: { id: l.source, name: names.get(l.source) ?? l.source },
        target: { id: l.target, name: names.get(l.target) ?? l.target },
        kind: l.kind,
        type: l.type,
        label: l.kind === 'event' ? typeLabel(l.type as EventType) : AFFILIATION_LABELS[l.type as AffiliationRole],
        weight: l.weight,
      })),
    });
  };
}
