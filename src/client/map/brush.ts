import { axisBottom } from 'd3-axis';
import { brushX, type D3BrushEvent } from 'd3-brush';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { getJson } from '../common';
import { filterQuery, type ViewFilters } from '../view-filters';

/**
 * The date brush under the map: bars of the events per month (per year over long spans) within the actor
 * and type filters, and a window dragged across them that becomes the map's from and to.
 */

interface SeriesAnswer {
  interval: 'month' | 'year';
  buckets: string[];
  series: Array<{ counts: number[] }>;
}

const HEIGHT = 64;
const MARGIN = { left: 8, right: 8, bottom: 18 };

const bucketStart = (bucket: string) => new Date(bucket.length === 4 ? `${bucket}-01-01T00:00:00Z` : `${bucket}-01T00:00:00Z`);
const nextBucket = (start: Date, interval: 'month' | 'year') =>
  interval === 'year' ? new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1)) : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
const day = (date: Date) => date.toISOString().slice(0, 10);

export async function drawBrush(
  root: HTMLElement,
  filters: ViewFilters,
  span: { first: string; last: string },
  onWindow: (from: string, to: string) => void,
): Promise<void> {
  const years = Number(span.last.slice(0, 4)) - Number(span.first.slice(0, 4));
  const interval = years <= 30 ? 'month' : 'year';
  const answer = await getJson<SeriesAnswer>(`/api/stats/series?${filterQuery({ ...filters, from: '', to: '' }, { by: 'type', interval })}`);
  root.replaceChildren();
  if (answer.buckets.length === 0) return;
  const totals = answer.buckets.map((_, i) => answer.series.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));
  const width = Math.max(280, root.clientWidth);
  const starts = answer.buckets.map(bucketStart);
  const end = nextBucket(starts[starts.length - 1]!, answer.interval);
  const x = scaleUtc()
    .domain([starts[0]!, end])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(...totals)])
    .range([HEIGHT - MARGIN.bottom, 4]);
  const svg = select(root).append('svg').attr('width', width).attr('height', HEIGHT).attr('class', 'brush-chart').attr('role', 'img');
  svg.attr('aria-label', `Events per ${answer.interval}, ${answer.buckets[0]} to ${answer.buckets[answer.buckets.length - 1]}`);
  svg
    .append('g')
    .selectAll('rect')
    .data(starts)
    .join('rect')
    .attr('class', 'brush-bar')
    .attr('x', (d) => x(d))
    .attr('width', (d) => Math.max(1, x(nextBucket(d, answer.interval)) - x(d) - 1))
    .attr('y', (_, i) => y(totals[i] ?? 0))
    .attr('height', (_, i) => HEIGHT - MARGIN.bottom - y(totals[i] ?? 0));
  svg
    .append('g')
    .attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))));
  const brush = brushX<unknown>()
    .extent([
      [MARGIN.left, 0],
      [width - MARGIN.right, HEIGHT - MARGIN.bottom],
    ])
    .on('end', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return;
      const selection = event.selection as [number, number] | null;
      if (!selection) return onWindow('', '');
      onWindow(day(x.invert(selection[0])), day(x.invert(selection[1])));
    });
  const area = svg.append('g').attr('class', 'brush').call(brush);
  if (filters.from || filters.to) {
    const from = filters.from ? x(new Date(`${filters.from}T00:00:00Z`)) : MARGIN.left;
    const to = filters.to ? x(new Date(`${filters.to}T00:00:00Z`)) : width - MARGIN.right;
    const clamp = (v: number) => Math.min(width - MARGIN.right, Math.max(MARGIN.left, v));
    if (clamp(to) > clamp(from)) area.call(brush.move, [clamp(from), clamp(to)]);
  }
}
