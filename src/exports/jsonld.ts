import { cameoCodeOf } from '../domain/cameo';
import { AGENT_ROLES, TAXONOMY } from '../domain/taxonomy';
import type { ActorKind, LinkKind } from '../domain/model';
import type { ActorRecord, ArticleRecord, ExportEvent } from './exports.schemas';

/**
 * JSON-LD: schema.org `Event` objects in one `@graph`. Ids are IRIs that do not depend on where the data
 * is served (`urn:kb:event:<id>`), so the same event keeps its IRI when it moves between installations.
 * What schema.org has no term for (the event type and its CAMEO and PLOVER codes, date precision, figures,
 * status, reciprocity) is in the project's own `kb:` vocabulary, declared in the context.
 */
export const JSONLD_CONTEXT = {
  '@vocab': 'https://schema.org/',
  kb: 'urn:kb:',
  eventType: 'kb:eventType',
  cameoCode: 'kb:cameoCode',
  ploverCategory: 'kb:ploverCategory',
  datePrecision: 'kb:datePrecision',
  status: 'kb:status',
  figures: 'kb:figures',
  approximate: 'kb:approximate',
  superEvent: { '@id': 'https://schema.org/superEvent', '@type': '@id' },
  reciprocates: { '@id': 'kb:reciprocates', '@type': '@id' },
  follows: { '@id': 'kb:follows', '@type': '@id' },
  causes: { '@id': 'kb:causes', '@type': '@id' },
} as const;

const SCHEMA_TYPE: Record<ActorKind, string> = {
  person: 'Person',
  state: 'Country',
  organization: 'Organization',
  government_body: 'GovernmentOrganization',
  group: 'Organization',
  company: 'Corporation',
  commodity: 'Product',
};

/** part_of is schema.org's superEvent; the other links are the project's own terms. */
const LINK_TERM: Record<LinkKind, string> = {
  part_of: 'superEvent',
  reciprocates: 'reciprocates',
  follows: 'follows',
  causes: 'causes',
};

export const eventIri = (id: string) => `kb:event:${id}`;

/** The start as precisely as it is known: 2025-12-12, 2025-09 or 2020 (ISO 8601 reduced precision). */
export function isoStart(date: ExportEvent['date']): string {
  return date.precision === 'year' ? date.start.slice(0, 4) : date.precision === 'month' ? date.start.slice(0, 7) : date.start;
}

function actorNode(actor: ActorRecord) {
  return {
    '@id': `kb:actor:${actor.id}`,
    '@type': SCHEMA_TYPE[actor.kind],
    identifier: actor.id,
    name: actor.name,
    ...(actor.aliases.length > 0 ? { alternateName: actor.aliases } : {}),
  };
}

function articleNode(article: ArticleRecord) {
  return {
    '@id': `kb:article:${article.id}`,
    '@type': 'NewsArticle',
    identifier: article.id,
    headline: article.title,
    datePublished: article.publishedAt,
    ...(article.url === null ? {} : { url: article.url }),
    ...(article.publisher === null ? {} : { publisher: { '@type': 'Organization', name: article.publisher } }),
  };
}

export function jsonldEvent(event: ExportEvent): Record<string, unknown> {
  const { plover } = TAXONOMY[event.type];
  const cameo = cameoCodeOf(
    event.type,
    event.participants.map((p) => p.role),
  );
  /** schema.org's Role pattern: the role wraps the actor under the same property. */
  const role = (property: 'organizer' | 'attendee') =>
    event.participants
      .filter((p) => AGENT_ROLES.includes(p.role) === (property === 'organizer'))
      .map((p) => ({ '@type': 'Role', roleName: p.role, [property]: actorNode(p.actor) }));
  const links: Record<string, string[]> = {};
  for (const link of event.links) (links[LINK_TERM[link.kind]] ??= []).push(eventIri(link.to));
  return {
    '@id': eventIri(event.id),
    '@type': 'Event',
    identifier: event.id,
    name: event.title,
    ...(event.summary === null ? {} : { description: event.summary }),
    startDate: isoStart(event.date),
    ...(event.date.end === null ? {} : { endDate: event.date.end }),
    datePrecision: event.date.precision,
    ...(event.place === null ? {} : { location: { '@type': 'Place', name: event.place } }),
    eventType: event.type,
    cameoCode: cameo,
    ploverCategory: plover,
    status: event.status,
    ...(event.figures === null
      ? {}
      : { figures: { '@type': 'QuantitativeValue', value: event.figures.count, unitText: event.figures.unit, approximate: event.figures.approximate } }),
    organizer: role('organizer'),
    attendee: role('attendee'),
    citation: event.sources.map((source) => ({ '@type': 'Quotation', text: source.quote, isPartOf: articleNode(source.article) })),
    ...links,
  };
}

/** `{"@context": …, "@graph": [` one event per line `]}`, written as the events arrive. */
export async function* jsonldChunks(events: AsyncIterable<ExportEvent>): AsyncGenerator<string> {
  yield `{"@context":${JSON.stringify(JSONLD_CONTEXT)},\n"@graph":[`;
  let first = true;
  for await (const event of events) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(jsonldEvent(event))}`;
    first = false;
  }
  yield '\n]}\n';
}
