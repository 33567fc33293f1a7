import { z } from 'zod';
import { DateFilter, Limit } from '../api/common.schemas';
import { Slug } from '../domain/model';
import { ActorKind, AffiliationRole, EventType } from '../domain/taxonomy';

export const GraphQuery = z.strictObject({
  actor: Slug.optional().describe("Centre on this actor: it and its closest neighbours"),
  type: EventType.optional().describe('Only shared events of this type'),
  from: DateFilter.describe('Only events that end on or after this day (YYYY-MM-DD)'),
  to: DateFilter.describe('Only events that start on or before this day (YYYY-MM-DD)'),
  limit: Limit(40, 200).describe('How many actors at most (1–200, default 40): the most active, or the closest to `actor`'),
});
export type GraphQuery = z.infer<typeof GraphQuery>;

export const GraphNode = z.object({
  id: z.string(),
  name: z.string(),
  kind: ActorKind,
  eventCount: z.number().int().describe('Events it took part in, within the filters'),
});
export type GraphNode = z.infer<typeof GraphNode>;

/** An edge between two actors: events of one type they both took part in, or an affiliation (role) between them. */
export const GraphLink = z.object({
  source: z.string(),
  target: z.string(),
  kind: z.enum(['event', 'affiliation']),
  type: z.union([EventType, AffiliationRole]).describe('The event type, or the affiliation role (source holds it toward target)'),
  weight: z.number().int().describe('Shared events of this type; 1 for an affiliation'),
});
export type GraphLink = z.infer<typeof GraphLink>;

export const Graph = z.object({
  center: z.string().nullable().describe('The actor the graph is centred on, if any'),
  nodes: z.array(GraphNode),
  links: z.array(GraphLink),
});
export type Graph = z.infer<typeof Graph>;
