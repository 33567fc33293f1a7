import { typeLabel } from '../domain/labels';
import { atomFeed, eventEntryId } from '../exports/atom';
import type { WatchedEvent } from './watch.schemas';

/**
 * A watchlist's feed, written by the exports' Atom writer: one entry per event, newest first, with the entry id
 * the events feed gives the same event, so a reader shows each event once however often and wherever it polls.
 */
export interface FeedInput {
  /** The watchlist's IRI: the feed's id. */
  id: string;
  title: string;
  /** The app's address, for links to the events and the watch page. */
  base: string;
  /** The feed's own address (with its token: the reader has it already). */
  self: string;
  events: readonly WatchedEvent[];
}

const when = (date: WatchedEvent['date']) => (date.end ? `${date.start} – ${date.end}` : date.start);

export function watchlistFeed(input: FeedInput): string {
  return atomFeed({
    id: input.id,
    title: input.title,
    self: input.self,
    alternate: `${input.base}/watch`,
    author: 'Diplomatic events',
    entries: input.events.map((event) => ({
      id: eventEntryId(event.id),
      title: event.title,
      updated: event.addedAt,
      link: `${input.base}/events/${encodeURIComponent(event.id)}`,
      categories: [{ term: event.type, label: typeLabel(event.type) }],
      summary: `${typeLabel(event.type)} · ${when(event.date)}`,
    })),
  });
}
