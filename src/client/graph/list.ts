/** The graph as a list of connections, folded under the drawing: who shares which events, who holds which role. */
import type { Graph, GraphLink } from '../../graph/graph.schemas';
import { el, type TypeLabels } from '../common';
import { NO_ACTOR, roleWord } from './words';

export function renderList(listBlock: HTMLElement | null, graph: Graph, labels: TypeLabels): void {
  const target = listBlock?.querySelector<HTMLElement>('[data-graph-list-body]');
  if (!target) return;
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const body =
    graph.links.length === 0
      ? el('p', { class: 'empty-state' }, graph.nodes.length === 0 ? NO_ACTOR : 'These actors share no event and no role within these filters.')
      : el('ul', { class: 'connection-list' }, ...graph.links.map((l) => connection(l, names, labels)));
  target.replaceChildren(body);
}

/** "A — B: Talks × 2, Agreement × 1", or "A — B: envoy to (role)". */
function connection(link: GraphLink, names: Map<string, string>, labels: TypeLabels): HTMLLIElement {
  return el(
    'li',
    {},
    el('a', { href: `/actors/${link.source}` }, names.get(link.source) ?? link.source),
    ' — ',
    el('a', { href: `/actors/${link.target}` }, names.get(link.target) ?? link.target),
    ': ',
    ...(link.kind === 'event'
      ? Object.entries(link.byType ?? { [link.type]: link.weight }).flatMap(([type, n], i) => [
          i > 0 ? ', ' : '',
          el('span', { class: `type-badge type-${type}` }, labels.get(type) ?? type),
          ` × ${n}`,
        ])
      : [el('span', { class: 'muted' }, `${roleWord(link.type)} (role)`)]),
    ' ',
    el('a', { class: 'muted', href: `/dyads/${link.source}/${link.target}` }, 'both sides'),
  );
}
