/**
 * What the sanctions page shows: the filters (target, authority) and the day whose measures in force are
 * listed. The server renders the first state into the chart's data attributes; the address follows it.
 */
import { addDays, daysBetween, isIsoDay, toDay } from '../../domain/calendar';
import { syncUrl } from '../common';

export interface State {
  on: string;
  target: string;
  authority: string;
}

/** First and last day the chart and the slider cover. */
export interface Span {
  from: string;
  to: string;
}

export function initialState(root: HTMLElement): State {
  return {
    on: isIsoDay(root.dataset.on) ? root.dataset.on : toDay(new Date()),
    target: root.dataset.target ?? '',
    authority: root.dataset.authority ?? '',
  };
}

export function initialSpan(root: HTMLElement, state: State): Span {
  return {
    from: isIsoDay(root.dataset.spanFrom) ? root.dataset.spanFrom : addDays(state.on, -3650),
    to: isIsoDay(root.dataset.spanTo) ? root.dataset.spanTo : addDays(state.on, 365),
  };
}

/** The slider counts days from the span's first. */
export const dayAt = (span: Span, offset: number) => addDays(span.from, offset);
export const offsetOf = (span: Span, day: string) => daysBetween(span.from, day);

/** The filters as the address and the API take them (empty ones left out). */
export function filterParams(state: State): URLSearchParams {
  return new URLSearchParams(Object.entries({ target: state.target, authority: state.authority }).filter(([, v]) => v !== ''));
}

export const remember = (state: State) => syncUrl({ target: state.target, authority: state.authority, on: state.on });
