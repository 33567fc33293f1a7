import { z } from 'zod';
import { IsoDate } from '../domain/dates';
import { ActorCode, CountryCode, Sector, WikidataId } from '../domain/actor-codes';
import { ActorKind, Article, DateSpan, EventType, Figures, LinkKind, Slug, WebAddress } from '../domain/model';
import { CursorParam, pageOf } from '../domain/page';
import { Limit } from '../domain/views';

/**
 * A draft: an article handed in and the events the extractor drafted from it, kept in Neo4j but outside the
 * browsed graph (no draft is an Event, an Article or an Actor) until an editor commits it.
 */

export const MAX_DRAFT_TEXT = 100_000;
export const DRAFT_STATUSES = ['open', 'committed', 'discarded'] as const;
export const DECISIONS = ['pending', 'accepted', 'rejected'] as const;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** An article by its text or by its address (fetched, its main text taken); the rest as the source gives it. */
export const DraftRequest = z
  .strictObject({
    text: z.string().trim().min(1).max(MAX_DRAFT_TEXT).optional().describe('The full text; every quote is taken from it verbatim'),
    url: WebAddress.optional().describe('Where to fetch the article from (its main text is taken; title, byline and date where the page has them)'),
    title: Text(500).optional().describe("Default: the page's title, or the text's first line"),
    published: IsoDate.optional().describe("The day it was published (YYYY-MM-DD); default: the page's own date"),
    publisher: Text(200).optional(),
    id: Slug.optional().describe("The article's id once committed; default: a slug of the title"),
  })
  .refine((r) => (r.text === undefined) !== (r.url === undefined), { message: 'give either text or url', path: ['text'] });
export type DraftRequest = z.infer<typeof DraftRequest>;

/** POST /api/articles, as before drafts: an article's text and metadata, now a draft to review. */
export const ArticlePost = Article.extend({
  id: Slug.optional().describe('Stable id (a slug); default: derived from the title'),
  text: z.string().trim().min(1).max(MAX_DRAFT_TEXT).describe('The full text; every quote is taken from it verbatim'),
});
export type ArticlePost = z.infer<typeof ArticlePost>;

/** An actor a draft refers to: known (in the graph) or proposed (created when the draft is committed). */
/** The standard codes an editor may give a proposed actor, checked as in a facts file. */
const ProposedCodes = {
  country: CountryCode.optional().describe('ISO 3166-1 alpha-3 (BLR)'),
  sector: Sector.optional().describe('CAMEO sector (GOV, MIL, OPP, …)'),
  code: ActorCode.optional().describe('CAMEO actor code, when it is not country and sector'),
  wikidata: WikidataId.optional().describe('Wikidata item id (Q184)'),
};

export const DraftActor = z.object({
  id: Slug,
  name: Text(300),
  kind: ActorKind,
  known: z.boolean(),
  aliases: z.array(Text(300)).default([]),
  ...ProposedCodes,
});
export type DraftActor = z.infer<typeof DraftActor>;

export const Reasons = z.object({
  trigger: z.string().nullable().describe('The words that report the event'),
  actors: z.array(z.object({ id: z.string(), how: z.string() })).describe('How each actor was resolved'),
  date: z.string().describe('Where the date came from'),
  flags: z.array(z.string()).describe('What makes the draft doubtful'),
  knownEvent: z.object({ id: z.string(), title: z.string() }).nullable().describe('A known event it likely is the same as: offered as a merge'),
});
export type Reasons = z.infer<typeof Reasons>;

/** One step of reviewing a drafted event, kept with the draft and, once committed, in the event's history. */
export const ReviewStep = z.object({
  at: z.string(),
  user: z.string(),
  action: z.enum(['drafted', 'edited', 'accepted', 'rejected', 'added']),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type ReviewStep = z.infer<typeof ReviewStep>;

export const DraftLink = z.object({ kind: LinkKind, to: z.string().describe('Another event of this draft, as "draft:<key>"') });

export const DraftEvent = z.object({
  key: z.number().int().describe('Its number within the draft'),
  type: EventType,
  title: Text(300),
  date: DateSpan,
  agents: z.array(Slug),
  targets: z.array(Slug),
  sources: z.array(Slug),
  figures: Figures.nullable(),
  place: Text(200).nullable(),
  quote: Text(5000),
  alsoQuotedIn: z.array(Text(5000)),
  links: z.array(DraftLink),
  confidence: z.number().min(0).max(1),
  reasons: Reasons,
  decision: z.enum(DECISIONS),
  mergeInto: Slug.nullable().describe('A known event this one is the same as: committing makes the article a further source of it'),
  origin: z.enum(['extracted', 'added']),
  log: z.array(ReviewStep),
});
export type DraftEvent = z.infer<typeof DraftEvent>;

export const DraftArticle = z.object({
  id: Slug,
  title: Text(500),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: IsoDate,
  text: z.string(),
});

export const Draft = z.object({
  id: z.string(),
  status: z.enum(DRAFT_STATUSES),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  article: DraftArticle,
  actors: z.array(DraftActor).describe('Every actor the events refer to'),
  events: z.array(DraftEvent),
  committed: z.object({ at: z.string(), by: z.string(), events: z.array(z.object({ key: z.number().int(), id: z.string(), merged: z.boolean() })) }).nullable(),
});
export type Draft = z.infer<typeof Draft>;

export const DraftSummary = z.object({
  id: z.string(),
  status: z.enum(DRAFT_STATUSES),
  title: z.string(),
  publishedAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  eventCount: z.number().int(),
  pendingCount: z.number().int().describe('Events still to decide'),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

/** Newest first, a page at a time. */
export const DraftList = pageOf(DraftSummary);

export const DraftsQuery = z.strictObject({
  status: z.enum(DRAFT_STATUSES).optional().describe('Default: open drafts'),
  limit: Limit(50, 200),
  cursor: CursorParam,
});

export const DraftParams = z.strictObject({ id: z.string().regex(/^draft-[a-z0-9]{6,40}$/) });
export const DraftEventParams = DraftParams.extend({ key: z.coerce.number().int().min(0).max(10_000) });

/** What an editor may change of a drafted event; every field is optional, what is given replaces. */
export const DraftEventEdit = z.strictObject({
  type: EventType.optional(),
  title: Text(300).optional(),
  date: DateSpan.optional(),
  agents: z.array(Slug).max(50).optional(),
  targets: z.array(Slug).max(50).optional(),
  sources: z.array(Slug).max(50).optional(),
  figures: Figures.nullable().optional(),
  place: Text(200).nullable().optional(),
  links: z.array(DraftLink).max(20).optional(),
  decision: z.enum(DECISIONS).optional(),
  mergeInto: Slug.nullable().optional(),
});
export type DraftEventEdit = z.infer<typeof DraftEventEdit>;

/** An event the extractor missed: its sentence (verbatim in the article) and as much as the editor gives. */
export const NewDraftEvent = DraftEventEdit.extend({ quote: Text(5000), type: EventType });
export type NewDraftEvent = z.infer<typeof NewDraftEvent>;

/** A new actor, or (the same name again) new codes for an actor the draft proposes. */
export const NewDraftActor = z.strictObject({ name: Text(300), kind: ActorKind, aliases: z.array(Text(300)).max(20).default([]), ...ProposedCodes });
export type NewDraftActor = z.infer<typeof NewDraftActor>;

export const AcceptAbove = z.strictObject({ confidence: z.number().min(0).max(1) });

export const Committed = z.object({
  draft: z.string(),
  article: z.object({ id: z.string(), title: z.string() }),
  events: z.array(z.object({ key: z.number().int(), id: z.string(), merged: z.boolean() })),
});
export type Committed = z.infer<typeof Committed>;
