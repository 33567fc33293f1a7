import { el } from '../common';
import type { SeriesAnswer } from './chart';

/** A chart's numbers as CSV and its picture as a standalone SVG (the stylesheet's colours written into it). */

const csvCell = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

export function seriesCsv(answer: SeriesAnswer): string {
  const head = [answer.interval, ...answer.series.map((s) => s.label)];
  const rows = answer.buckets.map((bucket, i) => [bucket, ...answer.series.map((s) => s.counts[i] ?? 0)]);
  return `${[head, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/** The SVG with each shape's computed fill and stroke inlined, so it looks the same outside the page. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = svg.querySelectorAll<SVGElement>('*');
  copy.querySelectorAll<SVGElement>('*').forEach((node, i) => {
    const style = getComputedStyle(originals[i]!);
    node.setAttribute('fill', style.fill);
    node.setAttribute('stroke', style.stroke);
    if (node.tagName === 'text') node.setAttribute('font-size', style.fontSize);
  });
  return new XMLSerializer().serializeToString(copy);
}

function link(label: string, name: string, type: string, content: () => string): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'button-quiet', 'data-download': name }, label);
  button.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([content()], { type }));
    const anchor = el('a', { href: url, download: name });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return button;
}

export function downloadButtons(root: HTMLElement, answer: SeriesAnswer, name: string): HTMLElement {
  return el(
    'div',
    { class: 'chart-actions' },
    link('Download CSV', `${name}.csv`, 'text/csv', () => seriesCsv(answer)),
    link('Download SVG', `${name}.svg`, 'image/svg+xml', () => {
      const svg = root.querySelector('svg');
      return svg ? standaloneSvg(svg) : '';
    }),
  );
}
