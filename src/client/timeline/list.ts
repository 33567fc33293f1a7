/** The status line and the list view under the timeline: the events of the visible window, in words. */
import type { TimelineItem, TimelineWindow } from '../../timeline/timeline.schemas';
import { el, sayDate, type TypeLabels } from '../common';
import type { DayWindow } from './state';

const NOTHING_IN_VIEW = 'No events in this window. Zoom out, pan, or clear a filter.';

export interface WindowReport {
  setStatus: (text: string) => void;
  /** Where the list goes; the small timeline of an actor page has none. */
  listBody: HTMLElement | null;
  labels: TypeLabels;
}

/** Says what the window holds: counts per bucket when too dense, else the events in view, listed. */
export function describeWindow(data: TimelineWindow, visible: DayWindow, report: WindowReport): void {
  if (data.mode === 'buckets') {
    describeBuckets(data, report);
    return;
  }
  const inView = eventsInView(data.items, visible);
  report.setStatus(inView.length === 0 ? NOTHING_IN_VIEW : `${inView.length} event${inView.length === 1 ? '' : 's'} in view.`);
  if (!report.listBody) return;
  report.listBody.replaceChildren(inView.length === 0 ? el('p', { class: 'empty-state' }, NOTHING_IN_VIEW) : eventList(inView, report.labels));
}

function describeBuckets(data: TimelineWindow, report: WindowReport): void {
  report.setStatus(
    `${data.total.toLocaleString('en-GB')} events around this window — too many to draw one by one, so they are counted per ${data.bucket}. Zoom in, or click a count, to see them.`,
  );
  report.listBody?.replaceChildren(el('p', { class: 'muted' }, 'Zoom in or narrow the filters to list the events here.'));
}

/** Events whose span meets the visible window, each once (an event may sit in several rows), in date order. */
function eventsInView(items: TimelineItem[], { from, to }: DayWindow): TimelineItem[] {
  const seen = new Map<string, TimelineItem>();
  for (const item of items) if (item.start <= to && item.lastDate >= from && !seen.has(item.event)) seen.set(item.event, item);
  return [...seen.values()].sort((a, b) => a.start.localeCompare(b.start) || a.content.localeCompare(b.content));
}

function eventList(items: TimelineItem[], labels: TypeLabels): HTMLOListElement {
  return el(
    'ol',
    { class: 'event-list' },
    ...items.map((item) =>
      el(
        'li',
        { class: 'event-row' },
        el('span', { class: 'event-row__date' }, sayDate(item.start, item.lastDate, item.precision)),
        el('span', { class: `type-badge type-${item.type}` }, labels.get(item.type) ?? item.type),
        el('a', { class: 'event-row__title', href: `/events/${item.event}` }, item.content),
      ),
    ),
  );
}
