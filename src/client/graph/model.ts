/** What is drawn for a graph answer: actors sized by their events, the edges between them, who is near whom. */
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import type { Selection } from 'd3-selection';
import type { Graph, GraphLink, GraphNode } from '../../graph/graph.schemas';

export interface SimNode extends GraphNode, SimulationNodeDatum {
  radius: number;
}

/**
 * What is drawn between two actors: one line for all the events they share (coloured by the type they
 * share most, thicker with more events) and one dashed line per affiliation, bent apart when several.
 */
export interface SimLink extends SimulationLinkDatum<SimNode> {
  kind: 'event' | 'affiliation';
  /** For events: the types shared, most first; for an affiliation: its role. */
  types: Array<{ type: string; weight: number }>;
  weight: number;
  bend: number;
  source: SimNode;
  target: SimNode;
}

export type LinkPaths = Selection<SVGPathElement, SimLink, SVGGElement, unknown>;
export type NodeLinks = Selection<SVGAElement, SimNode, SVGGElement, unknown>;

export interface Size {
  width: number;
  height: number;
}

export interface GraphModel {
  nodes: SimNode[];
  links: SimLink[];
  /** Each actor's id → its own id and its neighbours' ids. */
  neighbours: Map<string, Set<string>>;
  /** The weight of the heaviest edge (at least 1). */
  heaviest: number;
}

/** The nodes and edges to lay out; the centre actor, if any, is pinned to the middle. */
export function graphModel(graph: Graph, size: Size): GraphModel {
  // Sizes are relative to the busiest actor and the heaviest edge, so a million events draw like a dozen.
  const busiest = Math.max(1, ...graph.nodes.map((n) => n.eventCount));
  const nodes: SimNode[] = graph.nodes.map((n) => ({ ...n, radius: 6 + 18 * Math.sqrt(n.eventCount / busiest) }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links = edgesOf(graph.links, byId);
  const centre = graph.center === null ? undefined : byId.get(graph.center);
  if (centre) {
    centre.fx = size.width / 2;
    centre.fy = size.height / 2;
  }
  return { nodes, links, neighbours: neighboursOf(nodes, links), heaviest: Math.max(1, ...links.map((l) => l.weight)) };
}

function neighboursOf(nodes: SimNode[], links: SimLink[]): Map<string, Set<string>> {
  const neighbours = new Map<string, Set<string>>(nodes.map((n) => [n.id, new Set([n.id])]));
  for (const l of links) {
    neighbours.get(l.source.id)?.add(l.target.id);
    neighbours.get(l.target.id)?.add(l.source.id);
  }
  return neighbours;
}

/** What is drawn from the API's links: one event line per pair (its types, most first), one line per role. */
function edgesOf(links: GraphLink[], byId: Map<string, SimNode>): SimLink[] {
  const events = new Map<string, SimLink>();
  const affiliations: SimLink[] = [];
  for (const link of links) {
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    if (!source || !target) continue;
    if (link.kind === 'affiliation') {
      affiliations.push({ kind: 'affiliation', types: [{ type: link.type, weight: 1 }], weight: 1, bend: 0, source, target });
      continue;
    }
    // The page asks for counts by type (include=types); without them the link's main type stands for all its events.
    const types = Object.entries(link.byType ?? { [link.type]: link.weight }).map(([type, weight]) => ({ type, weight: weight ?? 0 }));
    events.set([link.source, link.target].sort().join('|'), { kind: 'event', types, weight: link.weight, bend: 0, source, target });
  }
  for (const edge of events.values()) edge.types.sort((a, b) => b.weight - a.weight);
  bendAffiliations(affiliations, events);
  return [...events.values(), ...affiliations];
}

/** An affiliation between actors that also share events bends away from their event line, and from each other. */
function bendAffiliations(affiliations: SimLink[], events: Map<string, SimLink>): void {
  const perPair = new Map<string, number>();
  for (const edge of affiliations) {
    const key = [edge.source.id, edge.target.id].sort().join('|');
    const index = (perPair.get(key) ?? 0) + 1;
    perPair.set(key, index);
    edge.bend = events.has(key) ? index : index - 1;
  }
}
