/**
 * The links between the two columns of moves, drawn as curves over them (reciprocity stands out). Redrawn when
 * the layout changes; on a phone, where the columns stack, the cards' own "given in return for" lines say it.
 */
import type { DyadLink } from '../../dyads/dyads.schemas';

const SVG = 'http://www.w3.org/2000/svg';

export function drawLinks(root: HTMLElement, links: readonly DyadLink[]): void {
  root.querySelector('svg.dyad__links')?.remove();
  const box = root.getBoundingClientRect();
  const curves = links.flatMap((link) => {
    const from = root.querySelector<HTMLElement>(`[data-move="${CSS.escape(link.from)}"]`);
    const to = root.querySelector<HTMLElement>(`[data-move="${CSS.escape(link.to)}"]`);
    if (!from || !to || from.offsetLeft === to.offsetLeft) return [];
    return [curve(from.getBoundingClientRect(), to.getBoundingClientRect(), box, link.kind)];
  });
  if (curves.length === 0) return;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'dyad__links');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('width', String(box.width));
  svg.setAttribute('height', String(box.height));
  svg.append(...curves);
  root.prepend(svg);
}

function curve(from: DOMRect, to: DOMRect, box: DOMRect, kind: string): SVGPathElement {
  const leftToRight = from.left < to.left;
  const x1 = (leftToRight ? from.right : from.left) - box.left;
  const x2 = (leftToRight ? to.left : to.right) - box.left;
  const y1 = from.top + from.height / 2 - box.top;
  const y2 = to.top + to.height / 2 - box.top;
  const middle = (x1 + x2) / 2;
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', `M${x1},${y1} C${middle},${y1} ${middle},${y2} ${x2},${y2}`);
  path.setAttribute('class', `dyad-link dyad-link--${kind}`);
  return path;
}
