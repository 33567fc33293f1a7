import { z } from 'zod';
import { IsoDate } from './dates';
import { PRECISIONS } from './calendar';
import { ActorKind, EventType, LinkKind, ReviewStatus, Role, Slug } from './model';

/**
 * Shapes shared by several API routes: the parameters they accept and the plain JSON they answer with.
 * Route handlers parse with these; the OpenAPI description is generated from them.
 */

export const Limit = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).describe(`How many items at most (1–${max}, default ${fallback})`);

export const IdParams = z.strictObject({ id: Slug });

/** A free-text query: bounded, and never part of a Cypher string. */
export const SearchText = z.string().trim().min(1).max(200);

export const ActorRef = z.object({ id: z.string(), name: z.string(), kind: ActorKind });
export type ActorRef = z.infer<typeof ActorRef>;

export const DateView = z.object({
  start: z.string().describe('First day the date covers (YYYY-MM-DD)'),
  end: z.string().nullable().describe('Last day, when the source gives a span'),
  precision: z.enum(PRECISIONS),
});

export const FiguresView = z.object({ count: z.number(), unit: z.string(), approximate: z.boolean() });

export const EventRef = z.object({ id: z.string(), type: EventType, title: z.string(), date: DateView });
export type EventRef = z.infer<typeof EventRef>;

/** A link of one event to another, seen from the first (events' details, the changes of sanctions measures). */
export const EventLinkView = z.object({
  kind: LinkKind,
  direction: z.enum(['outgoing', 'incoming']).describe('outgoing: this event → the other (e.g. this reciprocates it)'),
  status: ReviewStatus.describe('reviewed: an editor accepted the link; auto: loaded without review'),
  event: EventRef,
});

export const ParticipantView = z.object({ actor: ActorRef, role: Role });

export const SourceView = z.object({
  article: z.object({ id: z.string(), title: z.string() }),
  quote: z.string(),
});

export const DateFilter = IsoDate.optional();

export const ErrorResponse = z.object({
  error: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
