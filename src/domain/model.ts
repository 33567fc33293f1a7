import { z } from 'zod';
import { ActorCode, CountryCode, Sector, WikidataId } from './actor-codes';
import { firstDay, lastDay } from './calendar';
import { IsoDate, PartialDate } from './dates';
import { ACTOR_KINDS, AFFILIATION_ROLES, EVENT_TYPES, LINK_KINDS, REVIEW_STATUSES, ROLES, STANCES } from './taxonomy';

/**
 * The domain model as it is written in facts files. These schemas are the single source of truth:
 * TypeScript types are inferred from them, the loader validates against them, the API documents them.
 */

export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;
export const ActorKind = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof ActorKind>;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const LinkKind = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof LinkKind>;
export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;
export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;
export const AffiliationRole = z.enum(AFFILIATION_ROLES);
export type AffiliationRole = z.infer<typeof AffiliationRole>;

export const Slug = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be a slug: lower-case letters, digits and single hyphens' });

const Text = (max: number) => z.string().trim().min(1).max(max);

export const DateSpan = z
  .strictObject({ start: PartialDate, end: PartialDate.optional() })
  .refine((span) => span.end === undefined || lastDay(span.end) >= firstDay(span.start), {
    message: 'end must not be before start',
    path: ['end'],
  });
export type DateSpan = z.infer<typeof DateSpan>;

export const Figures = z.strictObject({
  count: z.number().int().nonnegative(),
  unit: Text(100),
  approximate: z.boolean().optional(),
});
export type Figures = z.infer<typeof Figures>;

/** Provenance: a verbatim sentence of an article. `article` defaults to the facts file's own article. */
export const Source = z.strictObject({ article: Slug.optional(), quote: Text(5000) });
export type Source = z.infer<typeof Source>;

export const Participant = z.strictObject({ actor: Slug, role: Role });
export type Participant = z.infer<typeof Participant>;

export const Actor = z.strictObject({
  id: Slug,
  name: Text(300),
  kind: ActorKind,
  aliases: z.array(Text(300)).default([]),
  description: Text(2000).optional(),
  /** ISO 3166-1 alpha-3 of the actor's country; a state's is found by its name when not given. */
  country: CountryCode.optional(),
  /** The CAMEO sector (GOV, MIL, OPP, NGO, IGO, BUS, MED…); with the country it makes the actor code. */
  sector: Sector.optional(),
  /** A CAMEO actor code, when it is not simply the country followed by the sector. */
  code: ActorCode.optional(),
  wikidata: WikidataId.optional(),
});
export type Actor = z.infer<typeof Actor>;

/** Whether the event happened or was announced or planned: `status` in facts files, `occurrence` in the API. */
export const EVENT_STATUSES = ['occurred', 'announced', 'planned'] as const;

/** The event datasets `kb import` reads records of (GDELT 2.0 events, POLECAT). */
export const FIELD_DATASETS = ['gdelt', 'polecat'] as const;

/** Where an imported event came from: the dataset, the file (its name, not its path) and the record's own id there. */
export const EventOrigin = z.strictObject({
  format: z.enum(FIELD_DATASETS),
  file: Text(300),
  id: Text(200),
});
export type EventOrigin = z.infer<typeof EventOrigin>;

export const Event = z.strictObject({
  id: Slug,
  type: EventType,
  title: Text(300),
  summary: Text(2000).optional(),
  date: DateSpan,
  place: Text(200).optional(),
  status: z.enum(EVENT_STATUSES).default('occurred'),
  figures: Figures.optional(),
  participants: z.array(Participant).min(1),
  sources: z.array(Source).min(1),
  origin: EventOrigin.optional(),
});
export type Event = z.infer<typeof Event>;

/** A role an actor held, over time: Coale, envoy_to Belarus from 2025-11-09. */
export const Affiliation = z.strictObject({
  actor: Slug,
  counterpart: Slug,
  role: AffiliationRole,
  title: Text(300).optional(),
  from: PartialDate.optional(),
  to: PartialDate.optional(),
  former: z.boolean().optional(),
  source: Source.optional(),
});
export type Affiliation = z.infer<typeof Affiliation>;

export const EventLink = z.strictObject({ from: Slug, to: Slug, kind: LinkKind });
export type EventLink = z.infer<typeof EventLink>;

/** A reader comment on the article, with its stance toward what it discusses. */
export const Reaction = z.strictObject({
  author: Text(200),
  text: Text(10_000),
  stance: Stance,
  about: z.array(Slug).default([]),
});
export type Reaction = z.infer<typeof Reaction>;

/** Only web addresses: a `javascript:` or `data:` URL is a valid URL, and a link to it would run or show code. */
export const WebAddress = z.string().url({ protocol: /^https?$/, message: 'must be an http or https address' });

const ArticleMeta = {
  id: Slug,
  title: Text(500),
  publisher: Text(200).optional(),
  url: WebAddress.optional(),
  publishedAt: IsoDate,
};

/** An article as stored: its full text is kept so every quote can be shown in context. */
export const Article = z.strictObject({ ...ArticleMeta, text: Text(2_000_000) });
export type Article = z.infer<typeof Article>;

/** In a facts file the text is inline or in a file next to it (`textFile`, relative to the facts file). */
export const ArticleEntry = z.union([z.strictObject({ ...ArticleMeta, text: Text(2_000_000) }), z.strictObject({ ...ArticleMeta, textFile: Text(500) })]);
export type ArticleEntry = z.infer<typeof ArticleEntry>;

/** One facts file: one article and every fact it reports. It loads in one transaction. */
export const FactsFile = z.strictObject({
  article: ArticleEntry,
  actors: z.array(Actor).default([]),
  events: z.array(Event).default([]),
  affiliations: z.array(Affiliation).default([]),
  links: z.array(EventLink).default([]),
  reactions: z.array(Reaction).default([]),
});
export type FactsFile = z.infer<typeof FactsFile>;

/** A facts file with its article's text resolved: what the loader writes. */
export type Facts = Omit<FactsFile, 'article'> & { article: Article };
