/**
 * Two actors picked on the graph (shift-click, or shift+Enter on a focused node) lead to how they are connected
 * and to what they did toward each other; an edge leads to the dyad of its two actors.
 */
import { el } from '../common';
import type { LinkPaths, NodeLinks, SimLink, SimNode } from './model';

export function pickPairs(bar: HTMLElement | null, nodeLinks: NodeLinks, linkPaths: LinkPaths): void {
  const picked: SimNode[] = [];
  const show = () => {
    nodeLinks.classed('is-picked', (d) => picked.includes(d));
    if (!bar) return;
    bar.hidden = picked.length === 0;
    bar.replaceChildren(...barContent(picked));
  };
  const pick = (event: MouseEvent | KeyboardEvent, d: SimNode) => {
    if (!event.shiftKey) return;
    event.preventDefault();
    const at = picked.indexOf(d);
    if (at >= 0) picked.splice(at, 1);
    else picked.splice(0, picked.length, ...picked.slice(-1), d);
    show();
  };
  nodeLinks.on('click.pick', pick).on('keydown.pick', (event: KeyboardEvent, d: SimNode) => {
    if (event.key === 'Enter') pick(event, d);
  });
  linkPaths.on('click', (_event: MouseEvent, d: SimLink) => {
    window.location.href = `/dyads/${encodeURIComponent(d.source.id)}/${encodeURIComponent(d.target.id)}`;
  });
}

function barContent(picked: SimNode[]): Array<Node | string> {
  if (picked.length === 1) return [`${picked[0]!.name} picked; shift-click another actor to compare the two.`];
  if (picked.length < 2) return [];
  const [a, b] = picked as [SimNode, SimNode];
  const ids = `${encodeURIComponent(a.id)}/${encodeURIComponent(b.id)}`;
  return [
    `${a.name} and ${b.name}: `,
    el('a', { href: `/connections?from=${encodeURIComponent(a.id)}&to=${encodeURIComponent(b.id)}` }, 'how they are connected'),
    ' · ',
    el('a', { href: `/dyads/${ids}` }, 'what they did toward each other'),
  ];
}
