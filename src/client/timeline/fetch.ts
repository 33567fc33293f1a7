/** The timeline's requests: a window of events from /api/timeline, one event's details from /api/events. */
import { toDay } from '../../domain/calendar';
import type { EventDetail } from '../../events/events.schemas';
import type { TimelineWindow } from '../../timeline/timeline.schemas';
import { getJson, isAbort } from '../common';
import type { State } from './state';

/** Fetch a little beyond the visible window, so a short pan shows events at once. */
const FETCH_MARGIN = 0.25;

/** The query for the events around the shown window, with the state's filters and rows. */
export function windowQuery(shown: { start: Date; end: Date }, state: State): URLSearchParams {
  const margin = (shown.end.getTime() - shown.start.getTime()) * FETCH_MARGIN;
  const query = new URLSearchParams({
    from: toDay(new Date(shown.start.getTime() - margin)),
    to: toDay(new Date(shown.end.getTime() + margin)),
    groupBy: state.group,
  });
  if (state.actor) query.set('actor', state.actor);
  if (state.type) query.set('type', state.type);
  return query;
}

/**
 * Loads windows where only the latest request counts: a new one aborts the one under way, so a quick
 * run of pans never draws an old window over a newer one. The root is busy until the latest answers.
 */
export function windowLoader(
  root: HTMLElement,
  show: (data: TimelineWindow) => void,
  fail: (message: string) => void,
): (query: URLSearchParams) => Promise<void> {
  let controller: AbortController | null = null;
  return async (query) => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    root.setAttribute('aria-busy', 'true');
    try {
      show(await getJson<TimelineWindow>(`/api/timeline?${query}`, mine.signal));
    } catch (error) {
      if (isAbort(error)) return;
      fail(`Could not load the events: ${(error as Error).message}`);
    } finally {
      // Only the latest request says when loading is over; a superseded one just stops.
      if (controller === mine) root.removeAttribute('aria-busy');
    }
  };
}

export const fetchEvent = (eventId: string) => getJson<EventDetail>(`/api/events/${encodeURIComponent(eventId)}`);
