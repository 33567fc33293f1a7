/** The page's requests: every measure for the chart, and those in force on a day for the list. */
import type { InForceAnswer, MeasuresAnswer } from '../../sanctions/sanctions.schemas';
import { getJson, isAbort } from '../common';
import { filterParams, type State } from './state';

/**
 * A loader where only the latest request counts: a new one aborts the one under way, so moving the slider
 * quickly never lists an older day over a newer one.
 */
function latest<T>(show: (data: T) => void, fail: (message: string) => void): (path: string) => Promise<void> {
  let controller: AbortController | null = null;
  return async (path) => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    try {
      show(await getJson<T>(path, mine.signal));
    } catch (error) {
      if (!isAbort(error)) fail((error as Error).message);
    }
  };
}

export function measuresLoader(show: (data: MeasuresAnswer) => void, fail: (message: string) => void): (state: State) => Promise<void> {
  const load = latest(show, fail);
  return (state) => {
    const query = filterParams(state);
    query.set('limit', '2000');
    return load(`/api/sanctions/measures?${query}`);
  };
}

export function inForceLoader(show: (data: InForceAnswer) => void, fail: (message: string) => void): (state: State) => Promise<void> {
  const load = latest(show, fail);
  return (state) => {
    const query = filterParams(state);
    query.set('on', state.on);
    query.set('limit', '500');
    return load(`/api/sanctions?${query}`);
  };
}
