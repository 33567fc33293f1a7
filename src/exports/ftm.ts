import { TAXONOMY } from '../domain/taxonomy';
import type { ActorKind } from '../domain/model';
import { countryByAlpha3 } from '../domain/actor-codes';
import type { ActorRecord, ArticleRecord, ExportEvent } from './exports.schemas';
import { agentSide, primarySource } from './records';
import { partialSpan } from './spans';

/**
 * FollowTheMoney entities (followthemoney.tech, the model of Aleph and OpenSanctions), one JSON object a line:
 * `{id, schema, properties: {name: [values]}}`. Actors become Person, PublicBody (states and government
 * bodies), Organization or Company, and commodities Asset; each article an Article; each event an Event that
 * names those involved (`involved`) and who acted (`organizer`), with dates as precise as the source (FtM
 * dates may stop at the month or year). Ids are the project's ids under a prefix, so they are the same in
 * every export; an actor or article is written once, before the first event that needs it.
 */
const FTM_SCHEMA: Record<ActorKind, string> = {
  person: 'Person',
  state: 'PublicBody',
  government_body: 'PublicBody',
  organization: 'Organization',
  group: 'Organization',
  company: 'Company',
  commodity: 'Asset',
};

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

export const ftmId = (kind: 'actor' | 'article' | 'event', id: string) => `kb-${kind}-${id}`;

/** Properties with at least one value; empty ones are left out, as FtM's own tools write them. */
function properties(values: Record<string, Array<string | null | undefined>>): Record<string, string[]> {
  const entries = Object.entries(values)
    .map(([key, list]) => [key, list.filter((v): v is string => typeof v === 'string' && v !== '')] as const)
    .filter(([, list]) => list.length > 0);
  return Object.fromEntries(entries);
}

export function actorEntity(actor: ActorRecord): FtmEntity {
  const alpha2 = actor.country ? countryByAlpha3(actor.country)?.alpha2.toLowerCase() : undefined;
  const legal = actor.kind !== 'commodity';
  return {
    id: ftmId('actor', actor.id),
    schema: FTM_SCHEMA[actor.kind],
    properties: properties({
      name: [actor.name],
      alias: actor.aliases,
      description: [actor.description],
      country: [alpha2],
      ...(legal ? { wikidataId: [actor.wikidata] } : {}),
      notes: [actor.code ? `CAMEO actor code ${actor.code}` : null],
    }),
  };
}

export function articleEntity(article: ArticleRecord): FtmEntity {
  return {
    id: ftmId('article', article.id),
    schema: 'Article',
    properties: properties({ title: [article.title], publisher: [article.publisher], publishedAt: [article.publishedAt], sourceUrl: [article.url] }),
  };
}

export function eventEntity(event: ExportEvent): FtmEntity {
  const { start, end } = partialSpan(event);
  const legal = event.participants.filter(({ actor }) => actor.kind !== 'commodity');
  return {
    id: ftmId('event', event.id),
    schema: 'Event',
    properties: properties({
      name: [event.title],
      summary: [event.summary ?? primarySource(event).quote],
      description: [`${TAXONOMY[event.type].label}: “${primarySource(event).quote}”`],
      startDate: [start],
      endDate: [end],
      location: [event.place],
      involved: [...new Set(legal.map(({ actor }) => ftmId('actor', actor.id)))],
      organizer: agentSide(event)
        .filter(({ actor }) => actor.kind !== 'commodity')
        .map(({ actor }) => ftmId('actor', actor.id)),
      sourceUrl: [primarySource(event).article.url],
      recordId: [event.id],
    }),
  };
}

const line = (entity: FtmEntity) =>
  `${JSON.stringify(entity)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}\n`;

export async function* ftmChunks(events: AsyncIterable<ExportEvent>): AsyncGenerator<string> {
  const written = new Set<string>();
  const once = (entity: FtmEntity) => {
    if (written.has(entity.id)) return '';
    written.add(entity.id);
    return line(entity);
  };
  for await (const event of events) {
    let chunk = '';
    for (const { actor } of event.participants) chunk += once(actorEntity(actor));
    for (const { article } of event.sources) chunk += once(articleEntity(article));
    yield chunk + line(eventEntity(event));
  }
}
