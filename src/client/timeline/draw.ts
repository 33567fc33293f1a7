/** The vis-timeline itself, and a window's answer turned into its rows (groups) and boxes (items). */
import { DAY_MS, parseDay, toDay } from '../../domain/calendar';
import type { TimelineBucket, TimelineGroup, TimelineItem, TimelineWindow } from '../../timeline/timeline.schemas';
import { el, type TypeLabels } from '../common';
import { YEAR_MS, type DayWindow, type State } from './state';

export interface TimelineView {
  timeline: vis.Timeline;
  items: vis.DataSet<vis.Item>;
  groups: vis.DataSet<vis.Group>;
}

/** A window ends at an instant, so a last day is shown up to the start of the next one. */
export const windowEnd = (to: string) => new Date(parseDay(to).getTime() + DAY_MS);

export function createTimeline(root: HTMLElement, state: State, compact: boolean): TimelineView {
  const items = new vis.DataSet<vis.Item>();
  const groups = new vis.DataSet<vis.Group>();
  const timeline = new vis.Timeline(root, items, groups, {
    start: parseDay(state.from),
    end: windowEnd(state.to),
    moment: (date: unknown) => moment(date).utc(),
    zoomMin: 3 * DAY_MS,
    zoomMax: 150 * YEAR_MS,
    orientation: { axis: 'top', item: 'top' },
    stack: true,
    groupOrder: 'order',
    margin: { item: { horizontal: 6, vertical: 6 }, axis: 6 },
    maxHeight: compact ? 320 : 560,
    minHeight: compact ? 140 : 220,
    verticalScroll: true,
    showCurrentTime: false,
    selectable: true,
    tooltip: { followMouse: false },
  });
  return { timeline, items, groups };
}

/** The days shown now, the last one included. */
export function visibleDays(timeline: vis.Timeline): DayWindow {
  const { start, end } = timeline.getWindow();
  return { from: toDay(start), to: toDay(new Date(end.getTime() - 1)) };
}

/** Draws a window's answer: its rows, then its events or, when too dense, its counts. */
export function drawWindow(root: HTMLElement, view: TimelineView, data: TimelineWindow, labels: TypeLabels): void {
  // The rows name the types, so the list and the panel can say them even where the page has no type filter.
  for (const g of data.groups) if (g.kind === 'type') labels.set(g.id.slice(5), g.content);
  view.groups.clear();
  view.groups.add(data.groups.map(toGroup));
  // Buckets of a row never overlap: laid side by side on one line, unlike events, which stack.
  view.timeline.setOptions({ stack: data.mode === 'items' });
  view.items.clear();
  const densest = Math.max(1, ...data.buckets.map((b) => b.count));
  view.items.add(data.mode === 'items' ? data.items.map(toItem) : data.buckets.map((b) => toBucket(b, densest)));
  root.dataset.mode = data.mode;
}

function toGroup(group: TimelineGroup, order: number): vis.Group {
  const content = group.kind === 'actor' ? el('a', { href: `/actors/${group.id.slice('actor:'.length)}` }, group.content) : el('span', {}, group.content);
  return { id: group.id, content, className: group.className, order };
}

function toItem(item: TimelineItem): vis.Item {
  return {
    id: item.id,
    group: item.group,
    start: parseDay(item.start),
    end: item.end ? parseDay(item.end) : undefined,
    type: item.itemType,
    // The whole title as a tooltip: where a range is too narrow for its label, it still says what it is.
    content: el('span', { class: 'item-title', 'data-event': item.event, title: item.content }, item.content),
    className: item.className,
  };
}

/** A bucket's box, shaded by how full it is next to the fullest one: clusters stand out. */
function toBucket(bucket: TimelineBucket, densest: number): vis.Item {
  const text = `${bucket.count.toLocaleString('en-GB')} event${bucket.count === 1 ? '' : 's'}`;
  const density = Math.max(1, Math.ceil((bucket.count / densest) * 5));
  return {
    id: `bucket:${bucket.id}`,
    group: bucket.group,
    start: parseDay(bucket.start),
    end: parseDay(bucket.end),
    type: 'range',
    content: el('span', { class: 'bucket-count' }, text),
    className: `${bucket.className} density-${density}`,
  };
}
