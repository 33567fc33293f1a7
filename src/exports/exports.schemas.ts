import { z } from 'zod';
import { ActorCode, CountryCode, Sector, WikidataId } from '../domain/actor-codes';
import { IsoDate, PartialDate } from '../domain/dates';
import { PRECISIONS } from '../domain/calendar';
import {
  Actor,
  type Affiliation,
  AffiliationRole,
  Article,
  Event,
  EVENT_STATUSES,
  EventType,
  Figures,
  LinkKind,
  Reaction,
  Role,
  Slug,
  WebAddress,
} from '../domain/model';
import { EventsQuery } from '../events/events.schemas';
import { EXPORT_FORMATS } from './formats';

export { EXPORT_FORMATS };
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The filters of /api/events (without paging: an export is every matching event) and the format. */
export const ExportQuery = EventsQuery.omit({ limit: true, cursor: true }).extend({
  format: ExportFormat.describe(
    'csv: one row per event and agent–target pair, with CAMEO and PLOVER codes (text/csv); ' +
      'plover: PLOVER JSON records, one per line (application/x-ndjson); ' +
      'jsonld: schema.org Event objects (application/ld+json); ' +
      'graphml: the actor network, for networkx, igraph, Gephi, Cytoscape or yEd (application/graphml+xml); ' +
      'ftm: FollowTheMoney entities, one per line, for Aleph (application/x-ndjson); ' +
      'stix: a STIX 2.1 bundle, for OpenCTI (application/stix+json); ' +
      'gexf: the actor network over time, GEXF 1.3 with dynamic nodes and edges, for Gephi (application/gexf+xml); ' +
      'timelinejs: TimelineJS3 JSON (application/json); ' +
      'atom: an Atom 1.0 feed of the newest 50 events (application/atom+xml)',
  ),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/**
 * One event as exports carry it: enough to rebuild it elsewhere (`kb import`). This is the record the
 * repository reads, the CSV and PLOVER writers serialise and their readers parse back, so one schema
 * checks both directions. Article texts are not carried (see import.ts). Two parts are written only where
 * they first appear in an export, to keep it small: an actor's `affiliations` (roles it holds) and an
 * article's `reactions` (reader comments).
 */
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

export const ReactionRecord = z.strictObject({
  author: Reaction.shape.author,
  text: Reaction.shape.text,
  stance: Reaction.shape.stance,
  about: z.array(Slug).default([]),
});
export type ReactionRecord = z.infer<typeof ReactionRecord>;

export const ArticleRecord = z.strictObject({
  id: Slug,
  title: Article.shape.title,
  publisher: nullable(z.string().trim().min(1).max(200)),
  url: nullable(WebAddress),
  publishedAt: IsoDate,
  reactions: z.array(ReactionRecord).optional(),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

const ActorFields = {
  id: Slug,
  name: Actor.shape.name,
  kind: Actor.shape.kind,
  aliases: z.array(z.string().trim().min(1).max(300)).default([]),
  description: nullable(z.string().trim().min(1).max(2000)),
  country: nullable(CountryCode),
  sector: nullable(Sector),
  code: nullable(ActorCode),
  wikidata: nullable(WikidataId),
};
export const ActorRecordBase = z.strictObject(ActorFields);

export const AffiliationRecord = z.strictObject({
  role: AffiliationRole,
  counterpart: ActorRecordBase,
  title: nullable(z.string().trim().min(1).max(300)),
  from: nullable(PartialDate),
  to: nullable(PartialDate),
  former: z.boolean().default(false),
  article: ArticleRecord,
  quote: nullable(z.string().trim().min(1).max(5000)),
});
export type AffiliationRecord = z.infer<typeof AffiliationRecord>;

export const ActorRecord = z.strictObject({ ...ActorFields, affiliations: z.array(AffiliationRecord).optional() });
export type ActorRecord = z.infer<typeof ActorRecord>;

export const ExportEvent = z.strictObject({
  id: Slug,
  type: EventType,
  title: Event.shape.title,
  summary: nullable(z.string().trim().min(1).max(2000)),
  status: z.enum(EVENT_STATUSES),
  date: z.strictObject({
    start: IsoDate.describe('First day the date covers'),
    end: nullable(IsoDate),
    precision: z.enum(PRECISIONS).describe('How precise start is: day, month or year'),
  }),
  place: nullable(z.string().trim().min(1).max(200)),
  /** `approximate` only where the source said whether the figure is exact. */
  figures: nullable(Figures),
  participants: z.array(z.strictObject({ role: Role, actor: ActorRecord })).min(1),
  sources: z.array(z.strictObject({ quote: z.string().trim().min(1).max(5000), article: ArticleRecord })).min(1),
  links: z.array(z.strictObject({ kind: LinkKind, to: Slug })).default([]),
});
export type ExportEvent = z.infer<typeof ExportEvent>;

/** A node of the actor network: an actor that took part in at least one exported event. */
export interface NetworkNode {
  id: string;
  name: string;
  kind: string;
  events: number;
}

/** Two actors that took part in the same exported events (`source` < `target` by id): undirected. */
export interface SharedEventsEdge {
  source: string;
  target: string;
  weight: number;
  eventTypes: string[];
}

/** A role one actor holds toward another (Coale envoy_to Belarus): directed. */
export interface AffiliationEdge {
  source: string;
  target: string;
  role: z.infer<typeof Affiliation.shape.role>;
  title: string | null;
  from: string | null;
  to: string | null;
  former: boolean;
}

/** The OpenAPI description of what GET /api/export answers: one media type per format, each a file. */
export const EXPORT_OPENAPI_CONTENT = {
  'text/csv': {
    schema: {
      type: 'string',
      description:
        'format=csv. RFC 4180, UTF-8, header row. One row per event and agent–target pair. Columns: event_id, date_start, ' +
        'date_end, date_precision, event_type, cameo_code, plover_event, plover_mode, agent_name, agent_id, agent_kind, ' +
        'agent_role, target_name, target_id, target_kind, target_role, actor1_code, actor1_country_code (ISO alpha-3), actor1_country_alpha2, actor1_wikidata, ' +
        'actor2_code, actor2_country_code, actor2_country_alpha2, actor2_wikidata (actor1: the agent, actor2: the target, as in GDELT), figure_count, figure_unit, figure_approximate (true, false or blank: not said), ' +
        'place, quote, article_title, article_url, article_id, article_published_at, article_publisher, event_title, ' +
        'event_summary, event_status, and kb_participants, kb_sources, kb_links (JSON, for `kb import`).',
    },
  },
  'application/x-ndjson': {
    schema: {
      type: 'string',
      description:
        'format=plover. One PLOVER JSON record per line: id, date, enddate, actor, recipient (each a list of {entity_text, code, sector, country, identifier_id: Wikidata id, identifier_text, kb_id}), event, mode, context, ' +
        'event_loc, text, cite_info, link; plus cameo and kb (the full event, for `kb import`). ' +
        'format=ftm: one FollowTheMoney entity per line ({id, schema, properties}): Person, PublicBody, Organization, Company, Asset, Article, Event; ids kb-<kind>-<id>.',
    },
  },
  'application/ld+json': {
    schema: {
      type: 'object',
      description:
        'format=jsonld. {"@context", "@graph": [schema.org Event]} with startDate/endDate, location, organizer/attendee roles and the quotes as citation.',
    },
  },
  'application/graphml+xml': {
    schema: {
      type: 'string',
      description:
        'format=graphml. The actor network as a directed graph: nodes (label, name, kind, events), shared_events edges that hold both ways, written once and marked symmetric (weight, eventTypes), and affiliation edges from the holder of the role (role, title, from, to, former).',
    },
  },
  'application/stix+json': {
    schema: {
      type: 'object',
      description:
        'format=stix. A STIX 2.1 bundle: identity per actor (and location for states), note per event, relationship per agent–target pair (start_time, stop_time), report per article; ids are UUIDv5 of the project ids.',
    },
  },
  'application/gexf+xml': {
    schema: {
      type: 'string',
      description:
        'format=gexf. GEXF 1.3, mode dynamic, timeformat date: actors as nodes alive over their events, one edge per event and agent–target pair with start and end.',
    },
  },
  'application/json': {
    schema: {
      type: 'object',
      description:
        'format=timelinejs. TimelineJS3 JSON: {title, events: [{unique_id, start_date, end_date, text: {headline, text}, group, media}]}; dates only as precise as known.',
    },
  },
  'application/atom+xml': {
    schema: {
      type: 'string',
      description: 'format=atom. An Atom 1.0 feed of the newest 50 events matching the filters; entry ids are tag: URIs of the event ids.',
    },
  },
} as const;
