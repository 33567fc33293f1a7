import { z } from 'zod';
import { ActorCode, CountryCode, Sector, WikidataId } from '../domain/actor-codes';
import { CursorParam, pageOf } from '../domain/page';
import { ActorRef, Limit, SearchText } from '../domain/views';
import { ActorKind, AffiliationRole, EventType, ReviewStatus } from '../domain/model';

export const ActorsQuery = z.strictObject({
  q: SearchText.optional().describe('Words in the actor name or an alias ("Washington", "Lukashenko")'),
  kind: ActorKind.optional(),
  code: ActorCode.optional().describe('A CAMEO actor code or its leading parts: BLR finds BLR, BLRGOV, BLROPP…'),
  wikidata: WikidataId.optional().describe('A Wikidata item id (Q184)'),
  limit: Limit(50, 500),
  cursor: CursorParam,
});
export type ActorsQuery = z.infer<typeof ActorsQuery>;

export const RelationshipsQuery = z.strictObject({ limit: Limit(25, 200), cursor: CursorParam });
export type RelationshipsQuery = z.infer<typeof RelationshipsQuery>;

/** An actor a request names, as requireActor finds it: `degree` is how many event participations it has. */
export const KnownActor = ActorRef.extend({ degree: z.number().int() });
export type KnownActor = z.infer<typeof KnownActor>;

export const ActorSummary = ActorRef.extend({
  aliases: z.array(z.string()),
  description: z.string().nullable(),
  eventCount: z.number().int(),
  status: ReviewStatus.describe('reviewed: created or confirmed by an editor; auto: loaded without review'),
  country: z.string().nullable().describe("ISO 3166-1 alpha-3 of the actor's country"),
  countryAlpha2: z.string().nullable().describe('The same country in ISO 3166-1 alpha-2'),
  sector: Sector.nullable().describe('CAMEO sector (GOV, MIL, OPP, NGO, IGO, BUS, MED…)'),
  code: z.string().nullable().describe('CAMEO actor code: country and sector (BLRGOV)'),
  wikidata: z.string().nullable().describe('Wikidata item id'),
});
export type ActorSummary = z.infer<typeof ActorSummary>;

/** By name (ties by id), or with `q` best match first; a page at a time. */
export const ActorList = pageOf(ActorSummary);
export type ActorList = z.infer<typeof ActorList>;

/** A role held over time: `actor` was `role` (title) of/to `counterpart`, from … to …. */
export const RoleView = z.object({
  role: AffiliationRole,
  title: z.string().nullable(),
  actor: ActorRef,
  counterpart: ActorRef,
  from: z.string().nullable().describe('YYYY, YYYY-MM or YYYY-MM-DD'),
  to: z.string().nullable(),
  former: z.boolean(),
  source: z.object({ article: z.string(), quote: z.string() }).nullable(),
});
export type RoleView = z.infer<typeof RoleView>;

/** How many roles a profile lists each way (the latest); roleCount and heldByCount say how many there are. */
export const ROLES_SHOWN = 100;

export const ActorDetail = ActorSummary.extend({
  roles: z.array(RoleView).describe(`Roles this actor held, earliest first (the latest ${ROLES_SHOWN})`),
  roleCount: z.number().int().describe('How many roles this actor held'),
  heldBy: z.array(RoleView).describe(`Roles others held toward this actor (its president, founder, envoys…; the latest ${ROLES_SHOWN})`),
  heldByCount: z.number().int().describe('How many roles others held toward this actor'),
  eventCounts: z.partialRecord(EventType, z.number().int()).describe('Events this actor took part in, by type'),
  firstEvent: z.string().nullable().describe('The day its first event began'),
  lastEvent: z.string().nullable().describe('The day its latest event began'),
});
export type ActorDetail = z.infer<typeof ActorDetail>;

export const Relationship = z.object({
  actor: ActorRef,
  weight: z.number().int().describe('Shared events plus affiliations'),
  sharedEventCount: z.number().int().describe('Events both took part in'),
  sharedEventsByType: z.partialRecord(EventType, z.number().int()).describe('Those events, counted by type'),
  affiliations: z.array(z.object({ role: AffiliationRole, title: z.string().nullable(), direction: z.enum(['outgoing', 'incoming']) })),
});
export type Relationship = z.infer<typeof Relationship>;

/** Strongest first, equal weights by partner id; a page at a time. */
export const RelationshipList = pageOf(Relationship).extend({ actor: ActorRef });
export type RelationshipList = z.infer<typeof RelationshipList>;

/**
 * An editor's setting or correction of an actor's codes, checked by the same schemas as a facts file: a value
 * sets it, null clears it, a field left out stays as it is. The alpha-2 code and, unless given, the CAMEO actor
 * code follow from country and sector (a state's country from its name when none is given).
 */
export const ActorCodesEdit = z.strictObject({
  country: CountryCode.nullable().optional().describe('ISO 3166-1 alpha-3 (BLR)'),
  sector: Sector.nullable().optional().describe('CAMEO sector (GOV, MIL, OPP, …)'),
  code: ActorCode.nullable().optional().describe('CAMEO actor code, when it is not country and sector (BLRGOV)'),
  wikidata: WikidataId.nullable().optional().describe('Wikidata item id (Q184)'),
});
export type ActorCodesEdit = z.infer<typeof ActorCodesEdit>;
