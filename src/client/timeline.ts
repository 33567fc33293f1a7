/**
 * The timeline (vis-timeline): loads only the events of the visible window from /api/timeline, refetching
 * on pan and zoom; dense windows come back as counts per bucket. The address keeps the filters and the
 * window (history.replaceState), so every view can be shared. Also drives the small timeline of an actor page.
 */
import type { EventDetail } from '../events/events.schemas';
import type { TimelineBucket, TimelineGroup, TimelineItem, TimelineWindow } from '../timeline/timeline.schemas';
import { DAY_MS, el, formatDate, present, fromDay, getJson, isAbort, isDay, syncDownloads, syncUrl, toDay, typeLabels } from './common';

interface State {
  from: string;
  to: string;
  actor: string;
  type: string;
  group: 'type' | 'actor';
}

const YEAR_MS = 365.25 * DAY_MS;
/** Fetch a little beyond the visible window, so a short pan shows events at once. */
const FETCH_MARGIN = 0.25;

function setup(root: HTMLElement): void {
  const compact = root.dataset.compact === 'true';
  const block = root.closest('section') ?? document.body;
  const form = compact ? null : document.querySelector<HTMLFormElement>('[data-timeline-filters]');
  const toolbar = block.querySelector<HTMLElement>('[data-timeline-toolbar]');
  const statusLine = block.querySelector<HTMLElement>('[data-timeline-status]');
  const panel = block.querySelector<HTMLElement>('[data-event-panel]');
  const fallback = compact ? null : document.querySelector<HTMLElement>('[data-timeline-fallback]');
  const list = compact ? null : document.querySelector<HTMLElement>('[data-timeline-list]');
  const listBody = list?.querySelector<HTMLElement>('[data-timeline-list-body]') ?? null;
  const labels = typeLabels();

  const state: State = {
    from: isDay(root.dataset.from) ? root.dataset.from : toDay(new Date(Date.now() - 5 * YEAR_MS)),
    to: isDay(root.dataset.to) ? root.dataset.to : toDay(new Date()),
    actor: root.dataset.actor ?? '',
    type: root.dataset.type ?? '',
    group: root.dataset.group === 'actor' ? 'actor' : 'type',
  };
  const fullWindow = {
    from: isDay(root.dataset.spanFrom) ? root.dataset.spanFrom : state.from,
    to: isDay(root.dataset.spanTo) ? root.dataset.spanTo : state.to,
  };

  const items = new vis.DataSet<vis.Item>();
  const groups = new vis.DataSet<vis.Group>();
  const windowEnd = (to: string) => new Date(fromDay(to).getTime() + DAY_MS);
  const timeline = new vis.Timeline(root, items, groups, {
    start: fromDay(state.from),
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

  let controller: AbortController | null = null;
  let timer: number | undefined;

  if (toolbar) toolbar.hidden = false;
  if (fallback) fallback.hidden = true;
  if (list) list.hidden = false;

  const setStatus = (text: string) => {
    if (statusLine) statusLine.textContent = text;
  };

  function visibleDays(): { from: string; to: string } {
    const { start, end } = timeline.getWindow();
    return { from: toDay(start), to: toDay(new Date(end.getTime() - 1)) };
  }

  function syncForm(): void {
    if (!form) return;
    const set = (name: string, value: string) => {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    };
    set('from', state.from);
    set('to', state.to);
    set('actor', state.actor);
    set('type', state.type);
    form.querySelectorAll<HTMLInputElement>('input[name="group"]').forEach((radio) => (radio.checked = radio.value === state.group));
  }

  function remember(): void {
    if (compact || root.dataset.syncUrl !== 'true') return;
    syncUrl({ from: state.from, to: state.to, actor: state.actor, type: state.type, group: state.group === 'type' ? '' : state.group });
    syncDownloads({ from: state.from, to: state.to, actor: state.actor, type: state.type });
  }

  async function load(): Promise<void> {
    const { start, end } = timeline.getWindow();
    const margin = (end.getTime() - start.getTime()) * FETCH_MARGIN;
    const query = new URLSearchParams({
      from: toDay(new Date(start.getTime() - margin)),
      to: toDay(new Date(end.getTime() + margin)),
      groupBy: state.group,
    });
    if (state.actor) query.set('actor', state.actor);
    if (state.type) query.set('type', state.type);
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    root.setAttribute('aria-busy', 'true');
    try {
      const data = await getJson<TimelineWindow>(`/api/timeline?${query}`, mine.signal);
      render(data);
    } catch (error) {
      if (isAbort(error)) return;
      setStatus(`Could not load the events: ${(error as Error).message}`);
    } finally {
      // Only the latest request says when loading is over; a superseded one just stops.
      if (controller === mine) root.removeAttribute('aria-busy');
    }
  }

  function render(data: TimelineWindow): void {
    for (const g of data.groups) if (g.kind === 'type') labels.set(g.id.slice(5), g.content);
    groups.clear();
    groups.add(data.groups.map(toGroup));
    // Buckets of a row never overlap: laid side by side on one line, unlike events, which stack.
    timeline.setOptions({ stack: data.mode === 'items' });
    items.clear();
    const densest = Math.max(1, ...data.buckets.map((b) => b.count));
    items.add(data.mode === 'items' ? data.items.map(toItem) : data.buckets.map((b) => toBucket(b, densest)));
    root.dataset.mode = data.mode;
    describe(data);
  }

  function toGroup(group: TimelineGroup, order: number): vis.Group {
    const content =
      group.kind === 'actor'
        ? el('a', { href: `/actors/${group.id.slice('actor:'.length)}` }, group.content)
        : el('span', {}, group.content);
    return { id: group.id, content, className: group.className, order };
  }

  function toItem(item: TimelineItem): vis.Item {
    return {
      id: item.id,
      group: item.group,
      start: fromDay(item.start),
      end: item.end ? fromDay(item.end) : undefined,
      type: item.itemType,
      content: el('span', { class: 'item-title', 'data-event': item.event }, item.content),
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
      start: fromDay(bucket.start),
      end: fromDay(bucket.end),
      type: 'range',
      content: el('span', { class: 'bucket-count' }, text),
      className: `${bucket.className} density-${density}`,
    };
  }

  /** Events whose span meets the visible window, each once, in date order. */
  function eventsInView(data: TimelineWindow): TimelineItem[] {
    const { from, to } = visibleDays();
    const seen = new Map<string, TimelineItem>();
    for (const item of data.items) if (item.start <= to && item.lastDate >= from && !seen.has(item.event)) seen.set(item.event, item);
    return [...seen.values()].sort((a, b) => a.start.localeCompare(b.start) || a.content.localeCompare(b.content));
  }

  function describe(data: TimelineWindow): void {
    if (data.mode === 'buckets') {
      setStatus(
        `${data.total.toLocaleString('en-GB')} events around this window — too many to draw one by one, so they are counted per ${data.bucket}. Zoom in, or click a count, to see them.`,
      );
      if (listBody) listBody.replaceChildren(el('p', { class: 'muted' }, 'Zoom in or narrow the filters to list the events here.'));
      return;
    }
    const inView = eventsInView(data);
    setStatus(inView.length === 0 ? 'No events in this window. Zoom out, pan, or clear a filter.' : `${inView.length} event${inView.length === 1 ? '' : 's'} in view.`);
    if (!listBody) return;
    if (inView.length === 0) {
      listBody.replaceChildren(el('p', { class: 'empty-state' }, 'No events in this window. Zoom out, pan, or clear a filter.'));
      return;
    }
    listBody.replaceChildren(
      el(
        'ol',
        { class: 'event-list' },
        ...inView.map((item) =>
          el(
            'li',
            { class: 'event-row' },
            el('span', { class: 'event-row__date' }, formatDate(item.start, item.lastDate, item.precision)),
            el('span', { class: `type-badge type-${item.type}` }, labels.get(item.type) ?? item.type),
            el('a', { class: 'event-row__title', href: `/events/${item.event}` }, item.content),
          ),
        ),
      ),
    );
  }

  async function openPanel(eventId: string): Promise<void> {
    if (!panel) {
      location.href = `/events/${eventId}`;
      return;
    }
    panel.hidden = false;
    panel.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
    try {
      const event = await getJson<EventDetail>(`/api/events/${encodeURIComponent(eventId)}`);
      panel.className = `event-panel type-${event.type}`;
      const doers = event.participants.filter((p) => p.role === 'agent' || p.role === 'host');
      const done = event.participants.filter((p) => p.role === 'target' || p.role === 'guest' || p.role === 'beneficiary');
      const names = (list: typeof doers) => list.map((p) => p.actor.name).join(', ');
      const source = event.sources[0];
      const last = event.date.end ?? lastDayOf(event.date.start, event.date.precision);
      const close = el('button', { type: 'button', class: 'panel-close' }, 'Close');
      close.addEventListener('click', () => {
        panel.hidden = true;
        timeline.setSelection([]);
      });
      panel.replaceChildren(
        ...present(
        el(
          'p',
          { class: 'event-meta' },
          el('span', { class: `type-badge type-${event.type}` }, labels.get(event.type) ?? event.type),
          el('span', { class: 'muted' }, formatDate(event.date.start, last, event.date.precision)),
          event.place ? el('span', { class: 'muted' }, `· ${event.place}`) : null,
        ),
        el('h3', {}, event.title),
        doers.length || done.length
          ? el('p', {}, names(doers) || 'Someone', ' → ', labels.get(event.type) ?? event.type, done.length ? ` → ${names(done)}` : '')
          : null,
        source ? el('blockquote', {}, `“${source.quote}”`) : null,
        el(
          'p',
          { class: 'panel-actions' },
          el('a', { class: 'button-link', href: `/events/${event.id}`, 'data-panel-link': '' }, 'Open the event page →'),
          close,
        ),
        ),
      );
      panel.focus({ preventScroll: true });
    } catch (error) {
      panel.replaceChildren(el('p', {}, `Could not load this event: ${(error as Error).message}`), el('a', { href: `/events/${eventId}` }, 'Open the event page'));
    }
  }

  timeline.on('click', (properties) => {
    const id = properties.item;
    if (!id) return;
    const item = items.get(id);
    if (!item) return;
    if (id.startsWith('bucket:')) {
      timeline.setWindow(item.start, item.end ?? item.start);
      return;
    }
    const eventId = item.content.dataset.event;
    if (eventId) void openPanel(eventId);
  });

  timeline.on('rangechanged', () => {
    const visible = visibleDays();
    state.from = visible.from;
    state.to = visible.to;
    syncForm();
    remember();
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(), 200);
  });

  if (form) {
    const apply = () => {
      const data = new FormData(form);
      const value = (name: string) => String(data.get(name) ?? '');
      state.actor = value('actor');
      state.type = value('type');
      state.group = value('group') === 'actor' ? 'actor' : 'type';
      const from = value('from');
      const to = value('to');
      if (isDay(from) && isDay(to) && from <= to && (from !== state.from || to !== state.to)) {
        timeline.setWindow(fromDay(from), windowEnd(to), { animation: false });
        return;
      }
      remember();
      void load();
    };
    form.addEventListener('change', apply);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      apply();
    });
  }

  block.querySelectorAll<HTMLButtonElement>('[data-zoom]').forEach((button) => {
    button.addEventListener('click', () => {
      if (button.dataset.zoom === 'in') timeline.zoomIn(0.5);
      else if (button.dataset.zoom === 'out') timeline.zoomOut(0.5);
      else timeline.setWindow(fromDay(fullWindow.from), windowEnd(fullWindow.to));
    });
  });

  // Keyboard: with the timeline focused, arrows pan and +/- zoom.
  root.tabIndex = 0;
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', root.getAttribute('aria-label') ?? 'Timeline: arrow keys pan, + and − zoom');
  root.addEventListener('keydown', (event) => {
    const { start, end } = timeline.getWindow();
    const shift = (end.getTime() - start.getTime()) * 0.2;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const by = event.key === 'ArrowLeft' ? -shift : shift;
      timeline.setWindow(new Date(start.getTime() + by), new Date(end.getTime() + by));
    } else if (event.key === '+' || event.key === '=') timeline.zoomIn(0.5);
    else if (event.key === '-' || event.key === '_') timeline.zoomOut(0.5);
    else return;
    event.preventDefault();
  });

  void load();
}

function lastDayOf(start: string, precision: 'day' | 'month' | 'year'): string {
  const date = fromDay(start);
  if (precision === 'year') return `${start.slice(0, 4)}-12-31`;
  if (precision === 'month') return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
  return start;
}

document.querySelectorAll<HTMLElement>('[data-timeline]').forEach(setup);
