/**
 * The Gantt chart (vis-timeline): one row per target, each measure a bar from its start to its end. A start
 * nobody knows is drawn from the left edge, a measure still in force to the right edge, each with its own
 * style and words; a date known only to the month or year gives its end of the bar a hatched edge; exemptions
 * are drawn in their measure's row. A line marks the day whose measures are listed below.
 */
import { DAY_MS, parseDay } from '../../domain/calendar';
import { sayPeriod, sayWhat, START_UNKNOWN, STILL_IN_FORCE } from '../../domain/sanctions-words';
import type { ExemptionView, MeasuresAnswer, MeasureView } from '../../sanctions/sanctions.schemas';
import { el } from '../common';
import type { Span } from './state';

export interface Chart {
  timeline: vis.Timeline;
  items: vis.DataSet<vis.Item>;
  groups: vis.DataSet<vis.Group>;
}

const DAY_LINE = 'on';
const afterDay = (day: string) => new Date(parseDay(day).getTime() + DAY_MS);

export function createChart(root: HTMLElement, span: Span, on: string, compact: boolean): Chart {
  const items = new vis.DataSet<vis.Item>();
  const groups = new vis.DataSet<vis.Group>();
  const timeline = new vis.Timeline(root, items, groups, {
    start: parseDay(span.from),
    end: afterDay(span.to),
    min: parseDay(span.from),
    max: afterDay(span.to),
    moment: (date: unknown) => moment(date).utc(),
    zoomMin: 7 * DAY_MS,
    orientation: { axis: 'top', item: 'top' },
    stack: true,
    groupOrder: 'order',
    margin: { item: { horizontal: 0, vertical: 4 }, axis: 6 },
    maxHeight: compact ? 360 : 560,
    minHeight: 120,
    verticalScroll: true,
    showCurrentTime: false,
    selectable: false,
  });
  timeline.addCustomTime(parseDay(on), DAY_LINE);
  return { timeline, items, groups };
}

export const moveDayLine = (chart: Chart, on: string) => chart.timeline.setCustomTime(parseDay(on), DAY_LINE);

/** Classes that say how a bar's ends are known: unknown, vague (month, year), or open. */
function edgeClasses(period: Pick<MeasureView, 'start' | 'end'>): string[] {
  const classes: string[] = [];
  if (period.start === null) classes.push('measure--start-unknown');
  else if (period.start.precision !== 'day') classes.push(`start-${period.start.precision}`);
  if (period.end === null) classes.push('measure--open');
  else if (period.end.precision !== 'day') classes.push(`end-${period.end.precision}`);
  return classes;
}

function bar(id: string, group: string, period: Pick<MeasureView, 'start' | 'end'>, span: Span, label: string, className: string): vis.Item {
  const words = sayPeriod(period.start, period.end);
  // The measure's name first: where the bar is too short for its words, the name is what shows.
  const unknown = period.start === null ? ` · ${START_UNKNOWN}` : '';
  const open = period.end === null ? ` · ${STILL_IN_FORCE} →` : '';
  return {
    id,
    group,
    start: parseDay(period.start?.date ?? span.from),
    // An end counts from its first day: the measure was in force until the day before.
    end: period.end ? parseDay(period.end.date) : afterDay(span.to),
    type: 'range',
    content: el('span', { class: 'item-title', 'data-measure': id, title: `${label}: ${words}` }, `${label}${unknown}${open}`),
    className: [className, ...edgeClasses(period)].join(' '),
  };
}

function measureBar(m: MeasureView, span: Span): vis.Item {
  const label = `${m.scope ? m.scope.name : `Whole of ${m.target.name}`} · by ${m.authority.name}`;
  return bar(m.id, m.target.id, m, span, label, 'measure');
}

/** An exemption open when its measure ended ends with it. */
function exemptionBar(x: ExemptionView, m: MeasureView, span: Span): vis.Item {
  return bar(x.id, m.target.id, { start: x.start, end: x.end ?? m.end }, span, `exempt: ${x.scope.name}`, 'exemption');
}

/** Rows by target, in the order of the answer (by target id). */
function toGroups(measures: MeasureView[]): vis.Group[] {
  const targets = new Map(measures.map((m) => [m.target.id, m.target]));
  return [...targets.values()].map((t, order) => ({
    id: t.id,
    content: el('a', { href: `/actors/${t.id}` }, sayWhat(t, null)),
    className: 'group-target',
    order,
  }));
}

export function drawMeasures(chart: Chart, data: MeasuresAnswer, span: Span): void {
  chart.groups.clear();
  chart.groups.add(toGroups(data.items));
  chart.items.clear();
  chart.items.add(data.items.flatMap((m) => [measureBar(m, span), ...m.exemptions.map((x) => exemptionBar(x, m, span))]));
}
