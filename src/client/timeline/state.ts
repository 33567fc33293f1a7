/**
 * What the timeline shows: the filters, the rows and the window of days. The server renders the first
 * state into the root's data attributes; from then on the address follows it, so every view can be shared.
 */
import { DAY_MS, isIsoDay, toDay } from '../../domain/calendar';
import { syncDownloads, syncUrl } from '../common';

export interface State {
  from: string;
  to: string;
  actor: string;
  type: string;
  group: 'type' | 'actor';
}

/** First and last day of a window, both included. */
export interface DayWindow {
  from: string;
  to: string;
}

export const YEAR_MS = 365.25 * DAY_MS;

/** The state the page was rendered with; without a window, the last five years. */
export function initialState(root: HTMLElement): State {
  return {
    from: isIsoDay(root.dataset.from) ? root.dataset.from : toDay(new Date(Date.now() - 5 * YEAR_MS)),
    to: isIsoDay(root.dataset.to) ? root.dataset.to : toDay(new Date()),
    actor: root.dataset.actor ?? '',
    type: root.dataset.type ?? '',
    group: root.dataset.group === 'actor' ? 'actor' : 'type',
  };
}

/** The window "show all" returns to: the span of all the events when the page gives it. */
export function fullWindow(root: HTMLElement, state: State): DayWindow {
  return {
    from: isIsoDay(root.dataset.spanFrom) ? root.dataset.spanFrom : state.from,
    to: isIsoDay(root.dataset.spanTo) ? root.dataset.spanTo : state.to,
  };
}

/** Takes the filters and rows from the form into the state, and answers the window the form asks for. */
export function readForm(form: HTMLFormElement, state: State): DayWindow {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '');
  state.actor = value('actor');
  state.type = value('type');
  state.group = value('group') === 'actor' ? 'actor' : 'type';
  return { from: value('from'), to: value('to') };
}

/** Whether the form asks for a real window other than the one shown. */
export function isNewWindow(asked: DayWindow, state: State): boolean {
  const { from, to } = asked;
  return isIsoDay(from) && isIsoDay(to) && from <= to && (from !== state.from || to !== state.to);
}

/** Puts the state back into the form, so after a pan or zoom the form still says what is shown. */
export function syncForm(form: HTMLFormElement | null, state: State): void {
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

/** Whether the page asks for the state to be kept in its address (the small timeline of an actor page must not). */
export const asksToKeepAddress = (root: HTMLElement) => root.dataset.syncUrl === 'true';

/** Writes the state into the address and the download links (rows by type, the default, left out). */
export function remember(state: State): void {
  syncUrl({ from: state.from, to: state.to, actor: state.actor, type: state.type, group: state.group === 'type' ? '' : state.group });
  syncDownloads({ from: state.from, to: state.to, actor: state.actor, type: state.type });
}
