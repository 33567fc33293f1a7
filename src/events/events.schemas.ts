import { z } from 'zod';
import { CursorParam, pageOf } from '../domain/page';
import { DateFilter, DateView, EventLinkView, EventRef, FiguresView, Limit, ParticipantView, SearchText, SourceView } from '../domain/views';
import { CLAIM_FIELDS } from '../domain/claims';
import { EVENT_STATUSES, EventOrigin, EventType, ReviewStatus, Slug } from '../domain/model';

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
  status: ReviewStatus.optional().describe('reviewed: only events an editor accepted; auto: only events loaded without review'),
  q: SearchText.optional().describe(
    `Words in the event title or summary: the ${SEARCH_CANDIDATES.toLocaleString('en')} most relevant matches, listed in date order`,
  ),
  limit: Limit(50, 500),
  cursor: CursorParam,
});
export type EventsQuery = z.infer<typeof EventsQuery>;

export const EventView = z.object({
  id: z.string(),
  type: EventType,
  title: z.string(),
  summary: z.string().nullable(),
  date: DateView,
  place: z.string().nullable(),
  occurrence: z.enum(EVENT_STATUSES).describe('Whether it happened, or was announced or planned'),
  status: ReviewStatus.describe('reviewed: an editor accepted it; auto: loaded without review'),
  figures: FiguresView.nullable(),
  participants: z.array(ParticipantView),
  sources: z.array(SourceView),
});
export type EventView = z.infer<typeof EventView>;

/** In date order (ties by id), a page at a time. */
export const EventPage = pageOf(EventView);
export type EventPage = z.infer<typeof EventPage>;

/** What one article says of the event: its own values, whatever the event shows. */
export const ClaimView = z.object({
  article: z.object({ id: z.string(), title: z.string(), publishedAt: z.string() }),
  quotes: z.array(z.string()),
  date: DateView,
  figures: FiguresView.nullable(),
  place: z.string().nullable(),
  participants: z.array(ParticipantView),
});
export type ClaimView = z.infer<typeof ClaimView>;

export const ClaimFieldSchema = z.enum(CLAIM_FIELDS);

export const EventDetail = EventView.extend({
  cameo: z.string().nullable().describe('Closest CAMEO code (codebook 1.1b3)'),
  plover: z.string().nullable().describe('PLOVER event category; null for types PLOVER has no category for'),
  ploverMode: z.string().nullable().describe("PLOVER mode within the category (the manual's mode table), if the type gives one"),
  goldstein: z.number().nullable().describe('Goldstein (1992) weight of the CAMEO code, −10 to +10'),
  links: z.array(EventLinkView),
  claims: z.array(ClaimView).describe("Each reporting article's own values, first report first"),
  conflicts: z.array(ClaimFieldSchema).describe('Fields on which the claims disagree and no editor has chosen'),
  choices: z.partialRecord(ClaimFieldSchema, z.string()).describe('Fields an editor settled: the article whose claim the event shows'),
  origin: EventOrigin.nullable().describe('For an event `kb import` read from a GDELT or POLECAT file: the dataset, the file name and the record id there'),
});
export type EventDetail = z.infer<typeof EventDetail>;

export const ConflictsQuery = z.strictObject({ limit: Limit(50, 200), cursor: CursorParam });
export type ConflictsQuery = z.infer<typeof ConflictsQuery>;

/** By event id, a page at a time. */
export const ConflictList = pageOf(z.object({ event: EventRef, conflicts: z.array(ClaimFieldSchema), claims: z.number().int() }));
export type ConflictList = z.infer<typeof ConflictList>;

export const ClaimChoice = z.strictObject({ field: ClaimFieldSchema, article: Slug.describe('The article whose claim the event should show') });
export type ClaimChoice = z.infer<typeof ClaimChoice>;
