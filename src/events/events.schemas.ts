import { z } from 'zod';
import { DateFilter, DateView, EventRef, FiguresView, Limit, ParticipantView, SearchText, SourceView } from '../domain/views';
import { EVENT_STATUSES, EventType, LinkKind, Slug } from '../domain/model';

/**
 * A search lists (in date order) the most relevant matches, at most this many: a common word matches
 * hundreds of thousands of events in a million, and ordering all of them by date took half a second.
 */
export const SEARCH_CANDIDATES = 1000;

export const EventsQuery = z.strictObject({
  actor: Slug.optional().describe('Only events this actor took part in, in any role'),
  type: EventType.optional(),
  from: DateFilter.describe('Events that end on or after this day (YYYY-MM-DD)'),
  to: DateFilter.describe('Events that start on or before this day (YYYY-MM-DD)'),
  q: SearchText.optional().describe(`Words in the event title or summary: the ${SEARCH_CANDIDATES.toLocaleString('en')} most relevant matches, listed in date order`),
  limit: Limit(50, 500),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

export const EventView = z.object({
  id: z.string(),
  type: EventType,
  title: z.string(),
  summary: z.string().nullable(),
  date: DateView,
  place: z.string().nullable(),
  status: z.enum(EVENT_STATUSES),
  figures: FiguresView.nullable(),
  participants: z.array(ParticipantView),
  sources: z.array(SourceView),
});
export type EventView = z.infer<typeof EventView>;

export const EventPage = z.object({ items: z.array(EventView), nextCursor: z.string().nullable() });
export type EventPage = z.infer<typeof EventPage>;

export const EventLinkView = z.object({
  kind: LinkKind,
  direction: z.enum(['outgoing', 'incoming']).describe('outgoing: this event → the other (e.g. this reciprocates it)'),
  event: EventRef,
});

export const EventDetail = EventView.extend({
  cameo: z.string().nullable().describe('Closest CAMEO code (codebook 1.1b3)'),
  plover: z.string().nullable(),
  links: z.array(EventLinkView),
});
export type EventDetail = z.infer<typeof EventDetail>;
