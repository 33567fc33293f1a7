import {
  ACTOR_KINDS,
  EVENT_TYPES,
  PLOVER_CATEGORIES,
  TAXONOMY,
  type ActorKind,
  type AffiliationRole,
  type EventType,
  type LinkKind,
  type PloverCategory,
  type Role,
  type Stance,
} from './taxonomy';

/**
 * The vocabulary in words, one set for the pages and the browser scripts: labels start with a capital, as
 * at the start of a line or in a legend; code that puts one mid-sentence lower-cases it.
 */

export const typeLabel = (type: EventType) => TAXONOMY[type].label;

/** PLOVER's categories as a reader says them (the manual's category names, in plain case). */
export const PLOVER_LABELS: Record<PloverCategory, string> = {
  AGREE: 'Agree',
  CONSULT: 'Consult',
  SUPPORT: 'Support',
  CONCEDE: 'Concede',
  COOPERATE: 'Cooperate',
  AID: 'Aid',
  RETREAT: 'Retreat',
  REQUEST: 'Request',
  ACCUSE: 'Accuse',
  REJECT: 'Reject',
  THREATEN: 'Threaten',
  PROTEST: 'Protest',
  SANCTION: 'Sanction',
  MOBILIZE: 'Mobilise',
  COERCE: 'Coerce',
  ASSAULT: 'Assault',
};
const OUTSIDE_PLOVER = { id: 'none', label: 'Outside PLOVER' } as const;

/**
 * With some thirty types, legends, filters and timeline rows group them by PLOVER category, from cooperation
 * to conflict, and the types PLOVER has no category for last; a group lists its types in taxonomy order.
 */
export const TYPE_GROUPS = [
  ...PLOVER_CATEGORIES.map((category) => ({ id: category as string, label: PLOVER_LABELS[category], category })),
  { ...OUTSIDE_PLOVER, category: null },
]
  .map(({ id, label, category }) => ({
    id,
    label,
    types: EVENT_TYPES.filter((t) => TAXONOMY[t].plover === category).map((t) => ({ id: t, label: TAXONOMY[t].label, definition: TAXONOMY[t].definition })),
  }))
  .filter((group) => group.types.length > 0);

/** The types in display order (grouped by PLOVER category), each with its label and definition. */
export const TYPE_OPTIONS = TYPE_GROUPS.flatMap((group) => group.types);

/** The types in display order: grouped by PLOVER category. */
export const TYPES_BY_CATEGORY: readonly EventType[] = TYPE_OPTIONS.map((t) => t.id);

/** A type's PLOVER category and mode as the details of an event show them: "Sanction · expel". */
export function ploverText(type: EventType): string {
  const { plover, mode }: { plover: PloverCategory | null; mode: string | null } = TAXONOMY[type];
  return plover === null ? OUTSIDE_PLOVER.label : [PLOVER_LABELS[plover], mode].filter(Boolean).join(' · ');
}

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
