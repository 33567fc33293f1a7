/**
 * The actor graph (d3-force on SVG): nodes are actors coloured by kind, edges are shared events (one per
 * event type, thicker with more events) and affiliations. Hover or focus highlights a node's neighbours;
 * zoom, pan and drag; a node is a link to the actor's page. Filters and the centre live in the address.
 */
import type * as D3 from 'd3';
import type { Graph, GraphLink, GraphNode } from '../graph/graph.schemas';
import { el, getJson, isAbort, isDay, syncDownloads, syncUrl, typeLabels } from './common';
import { setupPictureDownloads } from './picture';

declare const d3: typeof D3;

interface Filters {
  actor: string;
  type: string;
  from: string;
  to: string;
}

interface SimNode extends GraphNode, D3.SimulationNodeDatum {
  radius: number;
}

/**
 * What is drawn between two actors: one line for all the events they share (coloured by the type they
 * share most, thicker with more events) and one dashed line per affiliation, bent apart when several.
 */
interface SimLink extends D3.SimulationLinkDatum<SimNode> {
  kind: 'event' | 'affiliation';
  /** For events: the types shared, most first; for an affiliation: its role. */
  types: Array<{ type: string; weight: number }>;
  weight: number;
  bend: number;
  source: SimNode;
  target: SimNode;
}

const AFFILIATION_LABELS: Record<string, string> = {
  president_of: 'president of',
  leader_of: 'leader of',
  envoy_to: 'envoy to',
  deputy_envoy_to: 'deputy envoy to',
  envoy_of: 'envoy of',
  lawyer_for: 'lawyer for',
  founder_of: 'founder of',
  member_of: 'member of',
  state_company_of: 'state company of',
  ally_of: 'ally of',
};

const KIND_LABELS: Record<string, string> = {
  person: 'person',
  state: 'state',
  organization: 'organisation',
  government_body: 'government body',
  group: 'group',
  company: 'company',
  commodity: 'commodity',
};

function setup(root: HTMLElement): void {
  const form = document.querySelector<HTMLFormElement>('[data-graph-filters]');
  const statusLine = document.querySelector<HTMLElement>('[data-graph-status]');
  const listBlock = document.querySelector<HTMLDetailsElement>('[data-graph-list]');
  // With the graph drawn, the list is a secondary view: folded, one click away.
  if (listBlock) listBlock.open = false;
  const heading = document.querySelector<HTMLElement>('.page-title h1');
  const labels = typeLabels();
  const filters: Filters = {
    actor: root.dataset.actor ?? '',
    type: root.dataset.type ?? '',
    from: root.dataset.from ?? '',
    to: root.dataset.to ?? '',
  };
  let controller: AbortController | null = null;
  let simulation: D3.Simulation<SimNode, SimLink> | null = null;

  const setStatus = (text: string) => {
    if (statusLine) statusLine.textContent = text;
  };

  async function load(): Promise<void> {
    const query = new URLSearchParams({ limit: '40' });
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    controller?.abort();
    controller = new AbortController();
    setStatus('Loading…');
    try {
      const graph = await getJson<Graph>(`/api/graph?${query}`, controller.signal);
      draw(graph);
      renderList(graph);
    } catch (error) {
      if (isAbort(error)) return;
      setStatus(`Could not load the graph: ${(error as Error).message}`);
    }
  }

  function edgeLabel(edge: SimLink): string {
    const a = edge.source.name;
    const b = edge.target.name;
    const first = edge.types[0]?.type ?? '';
    if (edge.kind === 'affiliation') return `${a}: ${AFFILIATION_LABELS[first] ?? first} ${b}`;
    const types = edge.types.map((t) => `${t.weight} × ${labels.get(t.type) ?? t.type}`).join(', ');
    return `${a} — ${b}: ${edge.weight} shared event${edge.weight === 1 ? '' : 's'} (${types})`;
  }

  function draw(graph: Graph): void {
    simulation?.stop();
    root.replaceChildren();
    const center = graph.nodes.find((n) => n.id === graph.center);
    if (heading) heading.textContent = center ? `Graph around ${center.name}` : 'Graph of actors';
    if (graph.nodes.length === 0) {
      setStatus('No actor takes part in an event that matches these filters.');
      return;
    }

    const width = root.clientWidth || 800;
    const height = root.clientHeight || 560;
    // Sizes are relative to the busiest actor and the heaviest edge, so a million events draw like a dozen.
    const busiest = Math.max(1, ...graph.nodes.map((n) => n.eventCount));
    const nodes: SimNode[] = graph.nodes.map((n) => ({ ...n, radius: 6 + 18 * Math.sqrt(n.eventCount / busiest) }));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const links = edgesOf(graph.links, byId);
    const pairs = links.filter((l) => l.kind === 'event').length;
    const heaviest = Math.max(1, ...links.map((l) => l.weight));
    const roles = links.length - pairs;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    setStatus(`${plural(graph.nodes.length, 'actor')}; ${plural(pairs, 'pair')} sharing events; ${plural(roles, 'affiliation')}.`);
    const neighbours = new Map<string, Set<string>>(nodes.map((n) => [n.id, new Set([n.id])]));
    for (const l of links) {
      neighbours.get(l.source.id)?.add(l.target.id);
      neighbours.get(l.target.id)?.add(l.source.id);
    }
    if (center) {
      const node = byId.get(center.id);
      if (node) {
        node.fx = width / 2;
        node.fy = height / 2;
      }
    }

    const svg = d3
      .select(root)
      .append('svg')
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('role', 'group')
      .attr('aria-label', center ? `Actors around ${center.name}` : 'The most active actors and their links');
    const layer = svg.append('g');
    const zoom = d3
      .zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.25, 5])
      .on('zoom', (event: D3.D3ZoomEvent<SVGSVGElement, unknown>) => void layer.attr('transform', event.transform.toString()));
    svg.call(zoom);

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
    linkPaths.append('title').text(edgeLabel);

    const nodeLinks = layer
      .append('g')
      .attr('class', 'nodes')
      .selectAll<SVGAElement, SimNode>('a')
      .data(nodes)
      .join((enter) => enter.append<SVGAElement>('a'))
      .attr('class', (d) => `node kind-${d.kind}${d.id === graph.center ? ' node--center' : ''}`)
      .attr('href', (d) => `/actors/${encodeURIComponent(d.id)}`)
      .attr('data-id', (d) => d.id)
      .attr('aria-label', (d) => `${d.name}, ${KIND_LABELS[d.kind] ?? d.kind}, ${d.eventCount} event${d.eventCount === 1 ? '' : 's'}`);
    nodeLinks.append('title').text((d) => `${d.name} (${KIND_LABELS[d.kind] ?? d.kind}): ${d.eventCount} event${d.eventCount === 1 ? '' : 's'}`);
    nodeLinks.append('circle').attr('r', (d) => d.radius);
    nodeLinks
      .append('text')
      .attr('text-anchor', 'middle')
      .attr('y', (d) => d.radius + 13)
      .text((d) => d.name);

    const highlight = (id: string | null) => {
      root.classList.toggle('is-highlighting', id !== null);
      const near = id ? neighbours.get(id) ?? new Set<string>() : new Set<string>();
      nodeLinks.classed('is-near', (d) => near.has(d.id));
      linkPaths.classed('is-near', (d) => id !== null && (d.source.id === id || d.target.id === id));
    };
    nodeLinks
      .on('mouseenter focus', (_event: Event, d: SimNode) => highlight(d.id))
      .on('mouseleave blur', () => highlight(null));

    const sim = d3
      .forceSimulation<SimNode, SimLink>(nodes)
      .force(
        'link',
        d3
          .forceLink<SimNode, SimLink>(links)
          .distance((d) => (d.kind === 'affiliation' ? 110 : 90 + 50 * (1 - Math.sqrt(d.weight / heaviest))) + d.source.radius + d.target.radius)
          .strength(0.25),
      )
      .force('charge', d3.forceManyBody<SimNode>().strength(-600))
      .force('center', d3.forceCenter(width / 2, height / 2))
      .force('collide', d3.forceCollide<SimNode>().radius((d) => Math.max(d.radius + 12, d.name.length * 3.3)).iterations(2))
      // Pull harder along the container's short side, so the layout takes the shape of the screen.
      .force('x', d3.forceX(width / 2).strength(height > width ? 0.22 : Math.min(0.2, 0.05 * (height / width))))
      .force('y', d3.forceY(height / 2).strength(height > width ? 0.015 : Math.min(0.2, 0.05 * (width / height))))
      .stop();
    simulation = sim;
    // Settle first, then draw: the graph appears laid out instead of exploding from a point.
    for (let i = 0; i < 300; i += 1) sim.tick();

    const position = () => {
      linkPaths.attr('d', (d) => {
        const { x: x1 = 0, y: y1 = 0 } = d.source;
        const { x: x2 = 0, y: y2 = 0 } = d.target;
        if (d.bend === 0) return `M${x1},${y1}L${x2},${y2}`;
        const mx = (x1 + x2) / 2 - (y2 - y1) * 0.22 * d.bend;
        const my = (y1 + y2) / 2 + (x2 - x1) * 0.22 * d.bend;
        return `M${x1},${y1}Q${mx},${my} ${x2},${y2}`;
      });
      nodeLinks.attr('transform', (d) => `translate(${d.x ?? 0},${d.y ?? 0})`);
    };
    position();
    sim.on('tick', position);

    const drag = d3
      .drag<SVGAElement, SimNode>()
      .on('start', (event: D3.D3DragEvent<SVGAElement, SimNode, SimNode>, d) => {
        if (!event.active) sim.alphaTarget(0.2).restart();
        d.fx = d.x;
        d.fy = d.y;
      })
      .on('drag', (event: D3.D3DragEvent<SVGAElement, SimNode, SimNode>, d) => {
        d.fx = event.x;
        d.fy = event.y;
      })
      .on('end', (event: D3.D3DragEvent<SVGAElement, SimNode, SimNode>, d) => {
        if (!event.active) sim.alphaTarget(0);
        if (d.id !== graph.center) {
          d.fx = null;
          d.fy = null;
        }
      });
    nodeLinks.call(drag);

    fit(svg, zoom, nodes, width, height);
  }

  /** Zooms so every node (with its label) is in view. */
  function fit(
    svg: D3.Selection<SVGSVGElement, unknown, null, undefined>,
    zoom: D3.ZoomBehavior<SVGSVGElement, unknown>,
    nodes: SimNode[],
    width: number,
    height: number,
  ): void {
    const half = (n: SimNode) => Math.max(n.radius, n.name.length * 3.4);
    const xs = nodes.flatMap((n) => [(n.x ?? 0) - half(n), (n.x ?? 0) + half(n)]);
    const ys = nodes.flatMap((n) => [(n.y ?? 0) - n.radius - 4, (n.y ?? 0) + n.radius + 18]);
    const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
    const [minY, maxY] = [Math.min(...ys), Math.max(...ys)];
    const pad = 16;
    const scale = Math.min(1.4, (width - 2 * pad) / Math.max(1, maxX - minX), (height - 2 * pad) / Math.max(1, maxY - minY));
    const tx = width / 2 - ((minX + maxX) / 2) * scale;
    const ty = height / 2 - ((minY + maxY) / 2) * scale;
    svg.call(zoom.transform, d3.zoomIdentity.translate(tx, ty).scale(scale));
  }

  function renderList(graph: Graph): void {
    const target = listBlock?.querySelector<HTMLElement>('[data-graph-list-body]');
    if (!target) return;
    const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
    const body =
      graph.links.length === 0
        ? el('p', { class: 'empty-state' }, graph.nodes.length === 0 ? 'No actor takes part in an event that matches these filters.' : 'These actors share no event and no role within these filters.')
        : el(
            'ul',
            { class: 'connection-list' },
            ...graph.links.map((l) =>
              el(
                'li',
                {},
                el('a', { href: `/actors/${l.source}` }, names.get(l.source) ?? l.source),
                ' — ',
                el('a', { href: `/actors/${l.target}` }, names.get(l.target) ?? l.target),
                ': ',
                ...(l.kind === 'event'
                  ? Object.entries(l.byType).flatMap(([type, n], i) => [
                      i > 0 ? ', ' : '',
                      el('span', { class: `type-badge type-${type}` }, labels.get(type) ?? type),
                      ` × ${n}`,
                    ])
                  : [el('span', { class: 'muted' }, `${AFFILIATION_LABELS[l.type] ?? l.type} (role)`)]),
              ),
            ),
          );
    target.replaceChildren(body);
  }

  if (form) {
    const apply = () => {
      const data = new FormData(form);
      const value = (name: string) => String(data.get(name) ?? '');
      filters.actor = value('actor');
      filters.type = value('type');
      filters.from = isDay(value('from')) ? value('from') : '';
      filters.to = isDay(value('to')) ? value('to') : '';
      syncUrl({ ...filters });
      syncDownloads({ ...filters });
      void load();
    };
    form.addEventListener('change', apply);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      apply();
    });
  }

  setupPictureDownloads(() => root.querySelector('svg'), 'actor-graph');
  void load();
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
    const types = Object.entries(link.byType).map(([type, weight]) => ({ type, weight: weight ?? 0 }));
    events.set([link.source, link.target].sort().join('|'), { kind: 'event', types, weight: link.weight, bend: 0, source, target });
  }
  for (const edge of events.values()) edge.types.sort((a, b) => b.weight - a.weight);
  // An affiliation between actors that also share events bends away from their event line.
  const perPair = new Map<string, number>();
  for (const edge of affiliations) {
    const key = [edge.source.id, edge.target.id].sort().join('|');
    const index = (perPair.get(key) ?? 0) + 1;
    perPair.set(key, index);
    edge.bend = events.has(key) ? index : index - 1;
  }
  return [...events.values(), ...affiliations];
}

document.querySelectorAll<HTMLElement>('[data-graph]').forEach(setup);
