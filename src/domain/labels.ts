import { ACTOR_KINDS, EVENT_TYPES, TAXONOMY, type ActorKind, type AffiliationRole, type EventType, type LinkKind, type Role, type Stance } from './taxonomy';

/**
 * The vocabulary in words, one set for the pages and the browser scripts: labels start with a capital, as
 * at the start of a line or in a legend; code that puts one mid-sentence lower-cases it.
 */

export const typeLabel = (type: EventType) => TAXONOMY[type].label;
export const TYPE_OPTIONS = EVENT_TYPES.map((id) => ({ id, label: TAXONOMY[id].label, definition: TAXONOMY[id].definition }));

export const KIND_LABELS: Record<ActorKind, string> = {
  person: 'Person',
  state: 'State',
  organization: 'Organisation',
  government_body: 'Government body',
  group: 'Group',
  company: 'Company',
  commodity: 'Commodity',
};
export const kindLabel = (kind: ActorKind) => KIND_LABELS[kind];
export const KIND_OPTIONS = ACTOR_KINDS.map((id) => ({ id, label: KIND_LABELS[id] }));

/** Participant roles as a reader says them. */
export const ROLE_LABELS: Record<Role, string> = {
  agent: 'did it',
  host: 'host',
  target: 'done to',
  guest: 'guest',
  beneficiary: 'beneficiary',
  mediator: 'mediator',
  source: 'said so',
};

/** Affiliation roles read as "<actor> was <phrase> <counterpart>". */
export const AFFILIATION_LABELS: Record<AffiliationRole, string> = {
  president_of: 'President of',
  leader_of: 'Leader of',
  envoy_to: 'Envoy to',
  deputy_envoy_to: 'Deputy envoy to',
  envoy_of: 'Envoy of',
  lawyer_for: 'Lawyer for',
  founder_of: 'Founder of',
  member_of: 'Member of',
  state_company_of: 'State company of',
  ally_of: 'Ally of',
};

/** How a linked event reads from one event's side: "Given in return for", "Answered in return by", … */
export const LINK_PHRASES: Record<LinkKind, { outgoing: string; incoming: string }> = {
  reciprocates: { outgoing: 'Given in return for', incoming: 'Answered in return by' },
  part_of: { outgoing: 'Part of', incoming: 'Included' },
  follows: { outgoing: 'Came after', incoming: 'Followed by' },
  causes: { outgoing: 'Led to', incoming: 'Brought about by' },
};

export const STANCE_LABELS: Record<Stance, string> = { supportive: 'Supportive', critical: 'Critical', mixed: 'Mixed' };
