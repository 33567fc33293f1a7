import { z } from 'zod';
import { DateFilter, Limit } from '../domain/views';
import { ActorKind, AffiliationRole, EventType, Slug } from '../domain/model';

export const GraphQuery = z.strictObject({
  actor: Slug.optional().describe('Centre on this actor: it and its closest neighbours'),
  type: EventType.optional().describe('Only shared events of this type'),
  from: DateFilter.describe('Only events that end on or after this day (YYYY-MM-DD)'),
  to: DateFilter.describe('Only events that start on or before this day (YYYY-MM-DD)'),
  limit: Limit(40, 200).describe('How many actors at most (1–200, default 40): the most active, or the closest to `actor`'),
  include: z
    .literal('types')
    .optional()
    .describe('types: give each event link its shared events by type (`byType`); left out, a link says only the type shared most and how many'),
});
export type GraphQuery = z.infer<typeof GraphQuery>;

export const GraphNode = z.object({
  id: z.string(),
  name: z.string(),
  kind: ActorKind,
  eventCount: z.number().int().describe('Events it took part in, within the filters'),
});
export type GraphNode = z.infer<typeof GraphNode>;

const LinkEnds = z.object({ source: z.string(), target: z.string() });

/** The events two actors both took part in (within the filters): one edge per pair. */
export const EventLink = LinkEnds.extend({
  kind: z.literal('event'),
  type: EventType.describe('The type they share most'),
  weight: z.number().int().describe('Shared events'),
  byType: z.partialRecord(EventType, z.number().int()).optional().describe('Shared events by type, only with `include=types`'),
});

/** A role `source` holds toward `target`: one edge per role. */
export const AffiliationLink = LinkEnds.extend({
  kind: z.literal('affiliation'),
  type: AffiliationRole.describe('The role source holds toward target'),
  weight: z.literal(1),
});

export const GraphLink = z.discriminatedUnion('kind', [EventLink, AffiliationLink]);
export type GraphLink = z.infer<typeof GraphLink>;

export const Graph = z.object({
  center: z.string().nullable().describe('The actor the graph is centred on, if any'),
  nodes: z.array(GraphNode),
  links: z.array(GraphLink),
});
export type Graph = z.infer<typeof Graph>;
