/** The graph drawn in SVG: edges, then actor nodes (links to their pages), with zoom, highlight and drag. */
import { select, type Selection } from 'd3-selection';
import { zoom as zoomBehavior, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import type { Graph, GraphNode } from '../../graph/graph.schemas';
import type { TypeLabels } from '../common';
import { dragging, follow, settle, type Simulation } from './layout';
import { graphModel, type GraphModel, type LinkPaths, type NodeLinks, type SimLink, type SimNode, type Size } from './model';
import { pickPairs } from './selection';
import { countsText, edgeTitle, NO_ACTOR, nodeLabel, nodeTitle } from './words';

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
type Layer = Selection<SVGGElement, unknown, null, undefined>;
type Zoom = ZoomBehavior<SVGSVGElement, unknown>;

/** The parts of the page a drawing speaks through. */
export interface GraphPage {
  heading: HTMLElement | null;
  setStatus: (text: string) => void;
  labels: TypeLabels;
  /** Where two picked actors are offered for comparison. */
  pickedBar: HTMLElement | null;
}

/** Draws each answer in place of the last, whose layout is stopped first. */
export function graphDrawer(root: HTMLElement, page: GraphPage): (graph: Graph) => void {
  let simulation: Simulation | null = null;
  return (graph) => {
    simulation?.stop();
    simulation = drawGraph(root, graph, page);
  };
}

function drawGraph(root: HTMLElement, graph: Graph, page: GraphPage): Simulation | null {
  root.replaceChildren();
  const center = graph.nodes.find((n) => n.id === graph.center);
  if (page.heading) page.heading.textContent = center ? `Graph around ${center.name}` : 'Graph of actors';
  if (graph.nodes.length === 0) {
    page.setStatus(NO_ACTOR);
    return null;
  }
  const size = { width: root.clientWidth || 800, height: root.clientHeight || 560 };
  const model = graphModel(graph, size);
  page.setStatus(countsText(graph.nodes.length, model.links));
  const { svg, layer, zoom } = canvas(root, center, size);
  const linkPaths = drawLinks(layer, model, page.labels);
  const nodeLinks = drawNodes(layer, model.nodes, graph.center);
  highlightNeighbours(root, nodeLinks, linkPaths, model.neighbours);
  pickPairs(page.pickedBar, nodeLinks, linkPaths);
  const simulation = settle(model, size);
  follow(simulation, linkPaths, nodeLinks);
  nodeLinks.call(dragging(simulation, graph.center));
  fit(svg, zoom, model.nodes, size);
  return simulation;
}

/** The SVG and the layer that zoom and pan move. */
function canvas(root: HTMLElement, center: GraphNode | undefined, { width, height }: Size): { svg: Svg; layer: Layer; zoom: Zoom } {
  const svg = select(root)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'group')
    .attr('aria-label', center ? `Actors around ${center.name}` : 'The most active actors and their links');
  const layer = svg.append('g');
  const zoom = zoomBehavior<SVGSVGElement, unknown>()
    .scaleExtent([0.25, 5])
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => void layer.attr('transform', event.transform.toString()));
  svg.call(zoom);
  return { svg, layer, zoom };
}

function drawLinks(layer: Layer, { links, heaviest }: GraphModel, labels: TypeLabels): LinkPaths {
  const linkPaths = layer
    .append('g')
    .attr('class', 'links')
    .selectAll<SVGPathElement, SimLink>('path')
    .data(links)
    .join('path')
    .attr('class', (d) => (d.kind === 'event' ? `link link--event type-${d.types[0]?.type ?? ''}` : 'link link--affiliation'))
    .attr('stroke-width', (d) => (d.kind === 'event' ? 1.5 + 5.5 * Math.sqrt(d.weight / heaviest) : 1.5))
    .attr('data-source', (d) => d.source.id)
    .attr('data-target', (d) => d.target.id);
  linkPaths.append('title').text((d) => edgeTitle(d, labels));
  return linkPaths;
}

/** Each actor is a link to its page: a circle sized by its events, its name below. */
function drawNodes(layer: Layer, nodes: SimNode[], centerId: string | null): NodeLinks {
  const nodeLinks = layer
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGAElement, SimNode>('a')
    .data(nodes)
    .join((enter) => enter.append<SVGAElement>('a'))
    .attr('class', (d) => `node kind-${d.kind}${d.id === centerId ? ' node--center' : ''}`)
    .attr('href', (d) => `/actors/${encodeURIComponent(d.id)}`)
    .attr('data-id', (d) => d.id)
    .attr('aria-label', nodeLabel);
  nodeLinks.append('title').text(nodeTitle);
  nodeLinks.append('circle').attr('r', (d) => d.radius);
  nodeLinks
    .append('text')
    .attr('text-anchor', 'middle')
    .attr('y', (d) => d.radius + 13)
    .text((d) => d.name);
  return nodeLinks;
}

/** Hover or focus on an actor brings it, its neighbours and its edges forward; the rest fades. */
function highlightNeighbours(root: HTMLElement, nodeLinks: NodeLinks, linkPaths: LinkPaths, neighbours: Map<string, Set<string>>): void {
  const highlight = (id: string | null) => {
    root.classList.toggle('is-highlighting', id !== null);
    const near = id ? (neighbours.get(id) ?? new Set<string>()) : new Set<string>();
    nodeLinks.classed('is-near', (d) => near.has(d.id));
    linkPaths.classed('is-near', (d) => id !== null && (d.source.id === id || d.target.id === id));
  };
  nodeLinks.on('mouseenter focus', (_event: Event, d: SimNode) => highlight(d.id)).on('mouseleave blur', () => highlight(null));
}

/** Zooms so every node (with its label) is in view. */
function fit(svg: Svg, zoom: Zoom, nodes: SimNode[], { width, height }: Size): void {
  const half = (n: SimNode) => Math.max(n.radius, n.name.length * 3.4);
  const xs = nodes.flatMap((n) => [(n.x ?? 0) - half(n), (n.x ?? 0) + half(n)]);
  const ys = nodes.flatMap((n) => [(n.y ?? 0) - n.radius - 4, (n.y ?? 0) + n.radius + 18]);
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const [minY, maxY] = [Math.min(...ys), Math.max(...ys)];
  const pad = 16;
  const scale = Math.min(1.4, (width - 2 * pad) / Math.max(1, maxX - minX), (height - 2 * pad) / Math.max(1, maxY - minY));
  const tx = width / 2 - ((minX + maxX) / 2) * scale;
  const ty = height / 2 - ((minY + maxY) / 2) * scale;
  svg.call(zoom.transform, zoomIdentity.translate(tx, ty).scale(scale));
}
