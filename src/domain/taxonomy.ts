/** PLOVER's sixteen event categories, in the manual's order from cooperation to conflict. */
export const PLOVER_CATEGORIES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverCategory = (typeof PLOVER_CATEGORIES)[number];

interface TypeEntry {
  label: string;
  definition: string;
  /** The closest CAMEO 1.1b3 event code; docs/cameo-plover-crosswalk.md lists each with its source. */
  cameo: string | null;
  /** PLOVER category, or null for what PLOVER leaves out (then `outsidePlover` says why). */
  plover: PloverCategory | null;
  /** PLOVER mode the type stands for (the manual's mode table of its category), or null. */
  mode: string | null;
  /** PLOVER contexts (the manual's general contexts). */
  context: readonly string[];
  outsidePlover?: string;
  /** Swatch and bar colour on the pages (public/css/app.css declares the same, a unit test keeps them equal). */
  colour: string;
  /** One sentence the type codes, as the README's taxonomy table shows it. */
  example: string;
}

/**
 * The vocabulary of the knowledge base as plain data, without a schema library, because the browser scripts
 * import it too (model.ts builds the zod schemas from these lists). The event taxonomy is one flat list of
 * type ids, each a diplomatic subtype of a PLOVER category (the successor of CAMEO) with its mode, and its
 * closest CAMEO code (codebook 1.1b3, the vocabulary of GDELT and ICEWS), so exports speak the field's
 * language. Ids are stable and their order is stored (per-type counts are lists in this order): new types are
 * appended, never inserted, and an id is never renamed without a migration of the stored events (see
 * docs/ARCHITECTURE.md, "Adding an event type").
 */
export const TAXONOMY = {
  talks: {
    label: 'Talks and visits',
    definition: 'Meeting, visit, hosted visit, negotiation round',
    cameo: '040',
    plover: 'CONSULT',
    mode: null,
    context: ['diplomatic'],
    colour: '#2f6fde',
    example: 'The foreign ministers of Chile and Peru met in Lima on Monday.',
  },
  nomination: {
    label: 'Nomination',
    definition: 'Nominating or appointing an official, envoy or ambassador',
    cameo: null,
    plover: null,
    mode: null,
    context: [],
    outsidePlover: 'appointments are not interactions between actors: neither CAMEO nor PLOVER has a category for them',
    colour: '#8e44ad',
    example: 'The president appointed Ana Ruiz ambassador to Japan.',
  },
  prisoner_release: {
    label: 'Prisoner release',
    definition: 'Releasing or freeing detained persons (each side of an exchange releases)',
    cameo: '0841',
    plover: 'RETREAT',
    mode: 'release',
    context: ['legal'],
    colour: '#16956f',
    example: 'Belarus released 52 prisoners on 11 September.',
  },
  pardon: {
    label: 'Pardon',
    definition: 'Pardon, clemency, amnesty, commutation',
    cameo: '081',
    plover: 'CONCEDE',
    mode: null,
    context: ['legal'],
    colour: '#0f8ea1',
    example: 'The president pardoned 14 people convicted of protest offences.',
  },
  sanctions_lifted: {
    label: 'Sanctions lifted',
    definition: 'Sanctions, embargo or restrictions lifted or eased',
    cameo: '085',
    plover: 'RETREAT',
    mode: null,
    context: ['economic'],
    colour: '#d08f00',
    example: 'The United States lifted sanctions on the national airline.',
  },
  sanctions_imposed: {
    label: 'Sanctions imposed',
    definition: 'Sanctions, embargo or restrictions imposed',
    cameo: '163',
    plover: 'SANCTION',
    mode: 'discontinue',
    context: ['economic'],
    colour: '#c0392b',
    example: 'The EU imposed sanctions on three officials.',
  },
  agreement: {
    label: 'Agreement',
    definition: 'Agreement reached or signed, joint statement',
    cameo: '057',
    plover: 'SUPPORT',
    mode: null,
    context: ['diplomatic'],
    colour: '#2e7d4f',
    example: 'The two governments signed a trade agreement in Geneva.',
  },
  relations_restored: {
    label: 'Relations restored',
    definition: 'Diplomatic relations (re)established, embassy (re)opened',
    cameo: '054',
    plover: 'SUPPORT',
    mode: null,
    context: ['diplomatic'],
    colour: '#5b8c00',
    example: 'Italy reopened its embassy in Damascus.',
  },
  intent: {
    label: 'Stated intent',
    definition: 'Stated goal or intent to cooperate, meet or normalise',
    cameo: '030',
    plover: 'AGREE',
    mode: null,
    context: ['diplomatic'],
    colour: '#5f6fd0',
    example: 'Both sides said they hoped to normalise relations.',
  },
  statement: {
    label: 'Statement',
    definition: 'Public statement, report or claim',
    cameo: '010',
    plover: null,
    mode: null,
    context: [],
    outsidePlover: 'PLOVER drops CAMEO 01 (make public statement): a statement is coded for what it says, or not at all',
    colour: '#6b7280',
    example: 'A rights group said 850 people remain in detention.',
  },
  endorsement: {
    label: 'Praise or welcome',
    definition: 'Praise, welcome, thanks',
    cameo: '051',
    plover: 'SUPPORT',
    mode: null,
    context: ['diplomatic'],
    colour: '#e0701a',
    example: 'The opposition leader welcomed the release.',
  },
  criticism: {
    label: 'Criticism',
    definition: 'Criticism, condemnation',
    cameo: '111',
    plover: 'ACCUSE',
    mode: 'disapprove',
    context: [],
    colour: '#d12f7a',
    example: 'The ministry condemned the arrests.',
  },
  appeal: {
    label: 'Appeal',
    definition: 'Demand, urge, call on',
    cameo: '020',
    plover: 'REQUEST',
    mode: null,
    context: [],
    colour: '#9a5632',
    example: 'The UN urged the government to free the journalists.',
  },
  detention: {
    label: 'Detention',
    definition: 'Arrest, detention, imprisonment',
    cameo: '173',
    plover: 'COERCE',
    mode: 'arrest',
    context: ['legal'],
    colour: '#7a1f1f',
    example: 'Police arrested the opposition leader in Nairobi.',
  },
  election: {
    label: 'Election',
    definition: 'Election held (and whether disputed)',
    cameo: null,
    plover: null,
    mode: null,
    context: ['elections'],
    outsidePlover: 'an election is a domestic process, not an interaction: neither CAMEO nor PLOVER has a category for it',
    colour: '#34557f',
    example: 'Georgia held parliamentary elections in October.',
  },
  military_support: {
    label: 'Military support',
    definition: 'Military aid: weapons, troops or backing given for a military operation',
    cameo: '072',
    plover: 'AID',
    mode: null,
    context: ['military'],
    colour: '#3f3f46',
    example: 'Minsk provided military support for the invasion.',
  },
  relations_severed: {
    label: 'Relations severed',
    definition: 'Diplomatic relations broken off, suspended or downgraded',
    cameo: '161',
    plover: 'SANCTION',
    mode: 'discontinue',
    context: ['diplomatic'],
    colour: '#a33b20',
    example: 'Ecuador broke off diplomatic relations with Mexico.',
  },
  ambassador_recalled: {
    label: 'Ambassador recalled',
    definition: 'An ambassador or envoy recalled, withdrawn or called home for consultations',
    cameo: '161',
    plover: 'SANCTION',
    mode: 'withdraw',
    context: ['diplomatic'],
    colour: '#b5532c',
    example: 'Sweden recalled its ambassador from Ankara.',
  },
  diplomats_expelled: {
    label: 'Diplomats expelled',
    definition: 'Diplomats expelled or declared persona non grata',
    cameo: '161',
    plover: 'SANCTION',
    mode: 'expel',
    context: ['diplomatic'],
    colour: '#8f2d14',
    example: 'Poland expelled two Russian diplomats.',
  },
  embassy_closed: {
    label: 'Embassy closed',
    definition: 'An embassy or consulate closed or its staff withdrawn',
    cameo: '161',
    plover: 'SANCTION',
    mode: 'withdraw',
    context: ['diplomatic'],
    colour: '#c26a3f',
    example: 'Lithuania closed its consulate in Kaliningrad.',
  },
  rejection: {
    label: 'Rejection',
    definition: 'A proposal, demand, report or plan rejected or refused; talks ended without agreement',
    cameo: '120',
    plover: 'REJECT',
    mode: null,
    context: ['diplomatic'],
    colour: '#b0417f',
    example: 'Tehran rejected the proposal as unacceptable.',
  },
  threat: {
    label: 'Threat',
    definition: 'A threat of sanctions, of force or of other action; an ultimatum',
    cameo: '130',
    plover: 'THREATEN',
    mode: null,
    context: [],
    colour: '#9b1d4e',
    example: 'Washington threatened new tariffs on Chinese goods.',
  },
  ceasefire: {
    label: 'Ceasefire',
    definition: 'A ceasefire or truce declared, agreed or taking effect',
    cameo: '0871',
    plover: 'RETREAT',
    mode: 'ceasefire',
    context: ['military'],
    colour: '#1aa39a',
    example: 'Armenia and Azerbaijan agreed a ceasefire on 10 November.',
  },
  peace_agreement: {
    label: 'Peace agreement',
    definition: 'A peace agreement, peace treaty or settlement of a conflict signed or reached',
    cameo: '057',
    plover: 'SUPPORT',
    mode: null,
    context: ['diplomatic', 'military'],
    colour: '#1f6a3e',
    example: 'The two countries signed a peace treaty in Washington.',
  },
  treaty_ratified: {
    label: 'Treaty ratified',
    definition: 'A treaty or agreement ratified by a parliament or government',
    cameo: '057',
    plover: 'SUPPORT',
    mode: null,
    context: ['diplomatic'],
    colour: '#3d9a5f',
    example: 'The Turkish parliament ratified the accession protocol.',
  },
  treaty_withdrawal: {
    label: 'Treaty withdrawal',
    definition: 'Withdrawal from a treaty, agreement or organisation',
    cameo: '160',
    plover: 'SANCTION',
    mode: 'withdraw',
    context: ['diplomatic'],
    colour: '#7d3c1a',
    example: 'Russia withdrew from the arms control treaty.',
  },
  aid_pledged: {
    label: 'Aid pledged',
    definition: 'Economic, humanitarian or other aid pledged or promised',
    cameo: '033',
    plover: 'AGREE',
    mode: null,
    context: ['economic'],
    colour: '#4f7fb8',
    example: 'Japan pledged $50 million in humanitarian aid to Syria.',
  },
  aid_provided: {
    label: 'Aid provided',
    definition: 'Economic or humanitarian aid delivered or granted (military aid is military support)',
    cameo: '070',
    plover: 'AID',
    mode: null,
    context: ['humanitarian'],
    colour: '#2a8fbd',
    example: 'The EU delivered 40 tonnes of medical supplies to Gaza.',
  },
  cooperation: {
    label: 'Cooperation',
    definition: 'Material cooperation: a joint exercise, a working group, joint projects',
    cameo: '060',
    plover: 'COOPERATE',
    mode: null,
    context: [],
    colour: '#57a639',
    example: 'Greek and Egyptian navies held a joint exercise.',
  },
  conviction: {
    label: 'Conviction',
    definition: 'A court convicts or sentences someone',
    cameo: '116',
    plover: 'SANCTION',
    mode: 'convict',
    context: ['legal'],
    colour: '#5a1a2c',
    example: 'A Moscow court sentenced the American to 16 years.',
  },
  prisoner_exchange: {
    label: 'Prisoner exchange',
    definition: 'An exchange of prisoners: one event with both sides, beside each side’s release',
    cameo: '0841',
    plover: 'RETREAT',
    mode: 'release',
    context: ['legal'],
    colour: '#0c7a58',
    example: 'Venezuela and the United States exchanged prisoners on 20 December.',
  },
  protest: {
    label: 'Protest',
    definition: 'A demonstration, rally or sit-in against a government or policy',
    cameo: '141',
    plover: 'PROTEST',
    mode: 'demo',
    context: [],
    colour: '#c77700',
    example: 'Thousands protested outside the parliament in Tbilisi.',
  },
  mobilization: {
    label: 'Military mobilisation',
    definition: 'Troops or weapons mobilised, deployed or put on alert, short of force',
    cameo: '154',
    plover: 'MOBILIZE',
    mode: 'troops',
    context: ['military'],
    colour: '#4b5563',
    example: 'Russia massed troops on the Ukrainian border.',
  },
  armed_attack: {
    label: 'Armed attack',
    definition: 'Use of military force: strikes, shelling, invasion',
    cameo: '190',
    plover: 'ASSAULT',
    mode: null,
    context: ['military'],
    colour: '#1f1f24',
    example: 'Russian forces shelled the city of Kharkiv.',
  },
} as const satisfies Record<string, TypeEntry>;

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
