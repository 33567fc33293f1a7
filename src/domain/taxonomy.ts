/**
 * The vocabulary of the knowledge base as plain data, without a schema library, because the browser scripts
 * import it too (model.ts builds the zod schemas from these lists). The event taxonomy is one flat list of
 * type ids, each with its closest CAMEO code (codebook 1.1b3, the vocabulary of GDELT and ICEWS) and PLOVER
 * category, so exports speak the field's language. Ids are stable: never rename one without a migration of
 * the stored events (see docs/ARCHITECTURE.md, "Adding an event type").
 */
export const TAXONOMY = {
  talks: { label: 'Talks and visits', definition: 'Meeting, visit, hosted visit, negotiation round', cameo: '043', plover: 'CONSULT' },
  nomination: { label: 'Nomination', definition: 'Nominating or appointing an official, envoy or ambassador', cameo: null, plover: null },
  prisoner_release: { label: 'Prisoner release', definition: 'Releasing or freeing detained persons, prisoner exchanges', cameo: '0841', plover: 'RETREAT' },
  pardon: { label: 'Pardon', definition: 'Pardon, clemency, amnesty, commutation', cameo: '0841', plover: 'CONCEDE' },
  sanctions_lifted: { label: 'Sanctions lifted', definition: 'Sanctions, embargo or restrictions lifted or eased', cameo: '085', plover: 'RETREAT' },
  sanctions_imposed: { label: 'Sanctions imposed', definition: 'Sanctions, embargo or restrictions imposed', cameo: '163', plover: 'SANCTION' },
  agreement: { label: 'Agreement', definition: 'Agreement reached or signed, joint statement', cameo: '057', plover: 'AGREE' },
  relations_restored: { label: 'Relations restored', definition: 'Diplomatic relations (re)established, embassy (re)opened', cameo: '054', plover: 'SUPPORT' },
  intent: { label: 'Stated intent', definition: 'Stated goal or intent to cooperate, meet or normalise', cameo: '030', plover: 'AGREE' },
  statement: { label: 'Statement', definition: 'Public statement, report or claim', cameo: '010', plover: null },
  endorsement: { label: 'Praise or welcome', definition: 'Praise, welcome, thanks', cameo: '051', plover: 'SUPPORT' },
  criticism: { label: 'Criticism', definition: 'Criticism, condemnation', cameo: '111', plover: 'ACCUSE' },
  appeal: { label: 'Appeal', definition: 'Demand, urge, call on', cameo: '020', plover: null },
  detention: { label: 'Detention', definition: 'Arrest, detention, imprisonment', cameo: '173', plover: 'COERCE' },
  election: { label: 'Election', definition: 'Election held (and whether disputed)', cameo: null, plover: null },
  military_support: { label: 'Military support', definition: 'Support for a military operation', cameo: '190', plover: 'AID' },
} as const satisfies Record<string, { label: string; definition: string; cameo: string | null; plover: string | null }>;

export const EVENT_TYPES = Object.keys(TAXONOMY) as [keyof typeof TAXONOMY, ...(keyof typeof TAXONOMY)[]];
export type EventType = (typeof EVENT_TYPES)[number];

export const ACTOR_KINDS = ['person', 'state', 'organization', 'government_body', 'group', 'company', 'commodity'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * Participant roles. "Who did what to whom" reads the agent side → type → the target side:
 * a host acts on its guest. A source is who said it: the doer of a statement, or the one an
 * announcement is attributed to (it counts as "who" only when an event names no agent or host).
 */
export const ROLES = ['agent', 'target', 'host', 'guest', 'beneficiary', 'mediator', 'source'] as const;
export type Role = (typeof ROLES)[number];
export const AGENT_ROLES: readonly Role[] = ['agent', 'host'];
export const TARGET_ROLES: readonly Role[] = ['target', 'guest', 'beneficiary'];

export const LINK_KINDS = ['reciprocates', 'follows', 'part_of', 'causes'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Relationship types for event links: fixed literals, the only ones ever interpolated into Cypher. */
export const LINK_RELATIONSHIP: Record<LinkKind, string> = {
  reciprocates: 'RECIPROCATES',
  follows: 'FOLLOWS',
  part_of: 'PART_OF',
  causes: 'CAUSES',
};

/** Whether an editor saw a fact before it entered the graph (`reviewed`), or it was loaded without review. */
export const REVIEW_STATUSES = ['reviewed', 'auto'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const STANCES = ['supportive', 'critical', 'mixed'] as const;
export type Stance = (typeof STANCES)[number];

export const AFFILIATION_ROLES = [
  'president_of',
  'leader_of',
  'envoy_to',
  'deputy_envoy_to',
  'envoy_of',
  'lawyer_for',
  'founder_of',
  'member_of',
  'state_company_of',
  'ally_of',
] as const;
export type AffiliationRole = (typeof AFFILIATION_ROLES)[number];

/** The roles whose holder acts for the counterpart: a state's president, an organisation's leader, its envoy, its state company. */
export const ACTS_FOR_ROLES: readonly AffiliationRole[] = ['president_of', 'leader_of', 'envoy_of', 'state_company_of'];

/**
 * Per-type counts as the activity summaries store them (a list in EVENT_TYPES order, since a map cannot be
 * a property) read back as a record of the types that have any.
 */
export function countsByType(counts: readonly number[] | null | undefined): Partial<Record<EventType, number>> {
  const record: Partial<Record<EventType, number>> = {};
  // A plain loop: the graph reads hundreds of these lists per request.
  for (let i = 0; i < EVENT_TYPES.length && counts; i++) if ((counts[i] ?? 0) > 0) record[EVENT_TYPES[i]!] = counts[i];
  return record;
}
