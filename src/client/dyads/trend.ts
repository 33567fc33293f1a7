/**
 * The dyad's monthly trend with d3: for each side, the mean Goldstein weight of its moves (−10 conflict to +10
 * cooperation) as points joined by a line, over bars of the month's events per CAMEO quad class.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line } from 'd3-shape';
import type { DyadAnswer, TrendMonth } from '../../dyads/dyads.schemas';

const SIZE = { width: 720, height: 300, left: 44, right: 16, top: 16, chart: 190, bars: 60 };
const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

export function drawTrend(root: HTMLElement, dyad: DyadAnswer): void {
  const months = dyad.trend.map((m) => m.month);
  const x = scaleBand(months, [SIZE.left, SIZE.width - SIZE.right]).padding(0.3);
  const y = scaleLinear([-10, 10], [SIZE.top + SIZE.chart, SIZE.top]);
  const svg = select(root).append('svg').attr('viewBox', `0 0 ${SIZE.width} ${SIZE.height}`).attr('class', 'trend-svg');
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${SIZE.left},0)`).call(axisLeft(y).ticks(5));
  svg
    .append('line')
    .attr('class', 'trend-zero')
    .attr('x1', SIZE.left)
    .attr('x2', SIZE.width - SIZE.right)
    .attr('y1', y(0))
    .attr('y2', y(0));
  const every = Math.ceil(months.length / 12);
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${SIZE.height - 20})`)
    .call(axisBottom(x).tickValues(months.filter((_, i) => i % every === 0)));
  drawBars(svg, dyad.trend, x);
  for (const side of ['a', 'b'] as const) drawSide(svg, dyad, side, x, y);
}

function drawSide(
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  dyad: DyadAnswer,
  side: 'a' | 'b',
  x: ScaleBand<string>,
  y: ScaleLinear<number, number>,
): void {
  const points = dyad.trend.filter((m) => m[side].goldstein !== null);
  const at = (m: TrendMonth) => [x(m.month)! + x.bandwidth() / 2, y(m[side].goldstein!)] as [number, number];
  const name = dyad[side].name;
  svg
    .append('path')
    .attr('class', `trend-line trend-line--${side}`)
    .attr('d', line()(points.map(at)));
  svg
    .append('g')
    .selectAll('circle')
    .data(points)
    .join('circle')
    .attr('class', `trend-point trend-point--${side}`)
    .attr('cx', (m) => at(m)[0])
    .attr('cy', (m) => at(m)[1])
    .attr('r', 4)
    .append('title')
    .text((m) => `${name}, ${m.month}: mean ${m[side].goldstein} over ${m[side].events} move${m[side].events === 1 ? '' : 's'}`);
}

function drawBars(svg: Selection<SVGSVGElement, unknown, null, undefined>, trend: TrendMonth[], x: ScaleBand<string>): void {
  const top = SIZE.top + SIZE.chart + 8;
  const most = Math.max(1, ...trend.map((m) => m.quad.reduce((s, n) => s + n, 0)));
  const h = scaleLinear([0, most], [0, SIZE.bars - 14]);
  const group = svg.append('g');
  group
    .append('text')
    .attr('class', 'trend-caption')
    .attr('x', SIZE.left - 6)
    .attr('y', top + 10)
    .attr('text-anchor', 'end')
    .text('events');
  for (const month of trend) {
    let offset = 0;
    month.quad.forEach((count, i) => {
      if (count === 0) return;
      group
        .append('rect')
        .attr('class', `trend-bar trend-bar--q${i + 1}`)
        .attr('x', x(month.month)!)
        .attr('width', x.bandwidth())
        .attr('y', top + offset)
        .attr('height', h(count))
        .append('title')
        .text(`${month.month}: ${count} ${QUADS[i]}`);
      offset += h(count);
    });
  }
}
