/** What the reader does to the timeline: click an item, pan or zoom, change a filter, press a key. */
import { parseDay } from '../../domain/calendar';
import { onFilterChange } from '../common';
import { visibleDays, windowEnd, type TimelineView } from './draw';
import { isNewWindow, readForm, syncForm, type DayWindow, type State } from './state';

/** What the controls ask of the page after changing the state. */
export interface Reactions {
  /** Keeps the state in the address (where the page owns it). */
  remember: () => void;
  /** Fetches the window shown, with the state's filters. */
  reload: () => void;
}

/** A click on a count zooms onto its bucket; a click on an event opens it. */
export function bindItemClicks(view: TimelineView, open: (eventId: string) => void): void {
  view.timeline.on('click', (properties) => {
    const id = properties.item;
    if (!id) return;
    const item = view.items.get(id);
    if (!item) return;
    if (id.startsWith('bucket:')) {
      view.timeline.setWindow(item.start, item.end ?? item.start);
      return;
    }
    const eventId = item.content.dataset.event;
    if (eventId) open(eventId);
  });
}

/** After a pan or zoom the state and the form follow at once; the fetch waits until the moving stops. */
export function bindWindowMoves(timeline: vis.Timeline, state: State, form: HTMLFormElement | null, reactions: Reactions): void {
  let timer: number | undefined;
  timeline.on('rangechanged', () => {
    const visible = visibleDays(timeline);
    state.from = visible.from;
    state.to = visible.to;
    syncForm(form, state);
    reactions.remember();
    window.clearTimeout(timer);
    timer = window.setTimeout(reactions.reload, 200);
  });
}

/** A new window in the form moves the timeline (whose move then fetches); other filters fetch at once. */
export function bindFilters(form: HTMLFormElement, state: State, timeline: vis.Timeline, reactions: Reactions): void {
  onFilterChange(form, () => {
    const asked = readForm(form, state);
    if (isNewWindow(asked, state)) {
      timeline.setWindow(parseDay(asked.from), windowEnd(asked.to), { animation: false });
      return;
    }
    reactions.remember();
    reactions.reload();
  });
}

export function bindZoomButtons(block: ParentNode, timeline: vis.Timeline, full: DayWindow): void {
  block.querySelectorAll<HTMLButtonElement>('[data-zoom]').forEach((button) => {
    button.addEventListener('click', () => {
      if (button.dataset.zoom === 'in') timeline.zoomIn(0.5);
      else if (button.dataset.zoom === 'out') timeline.zoomOut(0.5);
      else timeline.setWindow(parseDay(full.from), windowEnd(full.to));
    });
  });
}

/** With the timeline focused, arrows pan and +/- zoom, so it can be used without a mouse. */
export function bindKeyboard(root: HTMLElement, timeline: vis.Timeline): void {
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
}
