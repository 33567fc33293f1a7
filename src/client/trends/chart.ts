import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear, scaleOrdinal } from 'd3-scale';
import { select } from 'd3-selection';
import { line, stack } from 'd3-shape';
import { el } from '../common';

/** The trends' charts: stacked bars (types per bucket) and lines (actors), with axes, a legend and tooltips. */

export interface SeriesAnswer {
  by: 'type' | 'actor' | 'country';
  interval: 'month' | 'year';
  buckets: string[];
  series: Array<{ key: string; label: string; total: number; counts: number[] }>;
}

const HEIGHT = 260;
const MARGIN = { top: 10, right: 12, bottom: 28, left: 36 };
/** Colours of the actors' lines (types use their own colours, from the stylesheet). */
const LINE_COLOURS = ['#1f4fa8', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#475569'];

function frame(root: HTMLElement, answer: SeriesAnswer, max: number) {
  const width = Math.max(300, root.clientWidth);
  const x = scaleBand<string>()
    .domain(answer.buckets)
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.15);
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const svg = select(root)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('viewBox', `0 0 ${width} ${HEIGHT}`)
    .attr('width', width)
    .attr('height', HEIGHT)
    .attr('role', 'img');
  const every = Math.max(1, Math.ceil(answer.buckets.length / Math.floor(width / 70)));
  svg
    .append('g')
    .attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
    .call(axisBottom(x).tickValues(answer.buckets.filter((_, i) => i % every === 0)));
  svg.append('g').attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(5));
  return { svg, x, y };
}

function tooltip(root: HTMLElement) {
  const tip = el('div', { class: 'chart-tooltip', role: 'tooltip', hidden: '' });
  root.style.position = 'relative';
  root.append(tip);
  return {
    show: (event: MouseEvent, text: string) => {
      tip.textContent = text;
      tip.hidden = false;
      const box = root.getBoundingClientRect();
      tip.style.left = `${Math.min(box.width - 160, event.clientX - box.left + 8)}px`;
      tip.style.top = `${event.clientY - box.top - 30}px`;
    },
    hide: () => {
      tip.hidden = true;
    },
  };
}

function legend(items: Array<{ label: string; className?: string; colour?: string }>): HTMLElement {
  return el(
    'ul',
    { class: 'legend legend--types' },
    ...items.map((item) => {
      const swatch = el('span', { class: `swatch ${item.className ?? ''}`, 'aria-hidden': 'true' });
      if (item.colour) swatch.style.background = item.colour;
      return el('li', {}, swatch, item.label);
    }),
  );
}

/** Events per bucket, stacked by type. */
export function drawStacked(root: HTMLElement, answer: SeriesAnswer): void {
  const rows = answer.buckets.map((bucket, i) => ({ bucket, ...Object.fromEntries(answer.series.map((s) => [s.key, s.counts[i] ?? 0])) }));
  const totals = answer.buckets.map((_, i) => answer.series.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));
  const { svg, x, y } = frame(root, answer, Math.max(0, ...totals));
  svg.attr('aria-label', `Events per ${answer.interval} by type, ${answer.buckets[0]} to ${answer.buckets.at(-1)}`);
  const layers = stack<Record<string, number | string>>().keys(answer.series.map((s) => s.key))(rows);
  const labelOf = new Map(answer.series.map((s) => [s.key, s.label]));
  const tip = tooltip(root);
  svg
    .append('g')
    .selectAll('g')
    .data(layers)
    .join('g')
    .attr('class', (layer) => `type-${layer.key}`)
    .selectAll('rect')
    .data((layer) => layer.map((point) => ({ key: layer.key, point })))
    .join('rect')
    .attr('class', 'bar')
    .attr('x', (d) => x(String(d.point.data.bucket)) ?? 0)
    .attr('width', x.bandwidth())
    .attr('y', (d) => y(d.point[1]))
    .attr('height', (d) => y(d.point[0]) - y(d.point[1]))
    .attr('data-bucket', (d) => String(d.point.data.bucket))
    .attr('data-type', (d) => d.key)
    .attr('data-count', (d) => String(d.point[1] - d.point[0]))
    .on('mousemove', (event: MouseEvent, d) => tip.show(event, `${d.point.data.bucket} · ${labelOf.get(d.key)}: ${d.point[1] - d.point[0]}`))
    .on('mouseleave', tip.hide);
  root.append(legend(answer.series.map((s) => ({ label: `${s.label} (${s.total})`, className: `type-${s.key}` }))));
}

/** One line per actor, its events per bucket. */
export function drawLines(root: HTMLElement, answer: SeriesAnswer): void {
  const { svg, x, y } = frame(root, answer, Math.max(0, ...answer.series.flatMap((s) => s.counts)));
  svg.attr('aria-label', `Events per ${answer.interval} of the ${answer.series.length} most active actors`);
  const colour = scaleOrdinal<string, string>()
    .domain(answer.series.map((s) => s.key))
    .range(LINE_COLOURS);
  const centre = (bucket: string) => (x(bucket) ?? 0) + x.bandwidth() / 2;
  const path = line<number>()
    .x((_, i) => centre(answer.buckets[i]!))
    .y((count) => y(count));
  const tip = tooltip(root);
  const groups = svg
    .append('g')
    .selectAll('g')
    .data(answer.series)
    .join('g')
    .attr('data-actor', (s) => s.key);
  groups
    .append('path')
    .attr('class', 'line')
    .attr('stroke', (s) => colour(s.key))
    .attr('d', (s) => path(s.counts));
  groups
    .selectAll('circle')
    .data((s) => s.counts.map((count, i) => ({ s, count, bucket: answer.buckets[i]! })).filter((p) => p.count > 0))
    .join('circle')
    .attr('r', 3)
    .attr('fill', (p) => colour(p.s.key))
    .attr('cx', (p) => centre(p.bucket))
    .attr('cy', (p) => y(p.count))
    .on('mousemove', (event: MouseEvent, p) => tip.show(event, `${p.bucket} · ${p.s.label}: ${p.count}`))
    .on('mouseleave', tip.hide);
  root.append(legend(answer.series.map((s) => ({ label: `${s.label} (${s.total})`, colour: colour(s.key) }))));
}
