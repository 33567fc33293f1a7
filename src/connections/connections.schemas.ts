import { z } from 'zod';
import { AffiliationRole, EventType, Slug } from '../domain/model';
import { ActorRef, EventRef } from '../domain/views';

export const CONNECTION_VIAS = ['events', 'roles', 'both'] as const;
export type ConnectionVia = (typeof CONNECTION_VIAS)[number];

/** The most steps a path may take: beyond five, everyone is connected to everyone and a path says nothing. */
export const MAX_HOPS = 5;
/** How many of the shortest paths an answer holds at most, and how many events it lists on each step. */
export const PATHS_SHOWN = 10;
export const HOP_EVENTS_SHOWN = 3;

export const ConnectionsQuery = z
  .strictObject({
    from: Slug.describe('The actor the paths start from'),
    to: Slug.describe('The actor the paths lead to'),
    maxHops: z.coerce.number().int().min(1).max(MAX_HOPS).default(4).describe(`The most steps a path may take (1–${MAX_HOPS}, default 4)`),
    via: z.enum(CONNECTION_VIAS).default('both').describe('What may join two actors on a step: shared events, roles (affiliations), or both'),
  })
  .refine((q) => q.from !== q.to, { message: 'from and to name the same actor: a connection needs two', path: ['to'] });
export type ConnectionsQuery = z.output<typeof ConnectionsQuery>;

/** A role that joins the two actors of a step, read from the holder: `holder` was `role` (title) of/to the other. */
export const HopRole = z.object({
  holder: z.string().describe('The id of the actor who holds the role'),
  role: AffiliationRole,
  title: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type HopRole = z.infer<typeof HopRole>;

/** One step of a path: what joins `from` to `to`. */
export const Hop = z.object({
  from: z.string(),
  to: z.string(),
  sharedEvents: z.number().int().describe('How many events both took part in'),
  sharedByType: z.partialRecord(EventType, z.number().int()),
  events: z.array(EventRef).describe(`The latest ${HOP_EVENTS_SHOWN} of them, newest first`),
  roles: z.array(HopRole),
});
export type Hop = z.infer<typeof Hop>;

export const ConnectionPath = z.object({
  length: z.number().int().describe('Steps from one actor to the other'),
  actors: z.array(ActorRef).describe('The actors along the path, from the first to the last'),
  hops: z.array(Hop),
});
export type ConnectionPath = z.infer<typeof ConnectionPath>;

export const ConnectionsAnswer = z.object({
  from: ActorRef,
  to: ActorRef,
  via: z.enum(CONNECTION_VIAS),
  maxHops: z.number().int(),
  paths: z.array(ConnectionPath).describe(`The shortest paths, all of the fewest steps there are (at most ${PATHS_SHOWN})`),
  message: z.string().nullable().describe('Why there is no path, when there is none'),
});
export type ConnectionsAnswer = z.infer<typeof ConnectionsAnswer>;
