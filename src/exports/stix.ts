import { createHash, randomUUID } from 'node:crypto';
import { TAXONOMY } from '../domain/taxonomy';
import type { ActorKind } from '../domain/model';
import { countryByAlpha3 } from '../domain/actor-codes';
import type { ActorRecord, ArticleRecord, ExportEvent } from './exports.schemas';
import { agentSide, primarySource, targetSide } from './records';
import { daySpan } from './spans';

/**
 * A STIX 2.1 bundle (OASIS, "STIX Version 2.1", sections 4 and 8), as OpenCTI imports it. Actors are
 * `identity` objects (a state also gets a `location` naming its ISO country, and a `located-at` relationship);
 * each article is a `report` whose object_refs are what it reports; each event is a `note` about its actors,
 * and each agent–target pair of an event a `relationship` whose type is the event type (`talks`,
 * `sanctions-imposed`…), alive from the event's first to its last possible day. Every object is created by
 * the knowledge base's own identity and points to the article by `external_references`. Ids are UUIDv5 of the
 * project's ids, so an object keeps its id across exports; `created`/`modified` come from the data (the event's
 * or article's day), so the same data gives the same bundle.
 */
const NAMESPACE = '6e1b7a5c-3f1d-4a57-9a8e-2d0c55b7f0a1';

function uuidv5(name: string): string {
  const namespace = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const stixId = (type: string, key: string) => `${type}--${uuidv5(`${type}:${key}`)}`;

const AUTHOR = stixId('identity', 'kb');
/** A fixed instant for the knowledge base's own identity: it describes the project, not any datum. */
const AUTHOR_CREATED = '2025-01-01T00:00:00.000Z';
const instant = (day: string) => `${day}T00:00:00.000Z`;
const endOfDay = (day: string) => `${day}T23:59:59.999Z`;

const IDENTITY_CLASS: Record<ActorKind, string> = {
  person: 'individual',
  state: 'organization',
  government_body: 'organization',
  organization: 'organization',
  group: 'group',
  company: 'organization',
  commodity: 'class',
};

type StixObject = Record<string, unknown> & { id: string; type: string };

const common = (type: string, id: string, created: string) => ({ type, spec_version: '2.1', id, created, modified: created, created_by_ref: AUTHOR });

function articleReference(article: ArticleRecord) {
  return { source_name: article.publisher ?? 'article', description: article.title, ...(article.url ? { url: article.url } : {}), external_id: article.id };
}

function actorObjects(actor: ActorRecord, day: string): StixObject[] {
  const id = stixId('identity', actor.id);
  const identity: StixObject = {
    ...common('identity', id, instant(day)),
    name: actor.name,
    identity_class: IDENTITY_CLASS[actor.kind],
    ...(actor.description ? { description: actor.description } : {}),
    ...(actor.kind === 'state' || actor.kind === 'government_body' ? { sectors: ['government-national'] } : {}),
    ...(actor.code ? { x_cameo_code: actor.code } : {}),
    ...(actor.wikidata
      ? { external_references: [{ source_name: 'wikidata', external_id: actor.wikidata, url: `https://www.wikidata.org/wiki/${actor.wikidata}` }] }
      : {}),
  };
  const country = actor.kind === 'state' && actor.country ? countryByAlpha3(actor.country) : undefined;
  if (!country) return [identity];
  const location: StixObject = { ...common('location', stixId('location', country.alpha3), instant(day)), name: country.name, country: country.alpha2 };
  const locatedAt: StixObject = {
    ...common('relationship', stixId('relationship', `${actor.id}:located-at:${country.alpha3}`), instant(day)),
    relationship_type: 'located-at',
    source_ref: id,
    target_ref: location.id,
  };
  return [identity, location, locatedAt];
}

function eventObjects(event: ExportEvent): StixObject[] {
  const { first, last } = daySpan(event);
  const source = primarySource(event);
  const references = event.sources.map(({ article }) => articleReference(article));
  const actors = [...new Set(event.participants.map(({ actor }) => stixId('identity', actor.id)))];
  const note: StixObject = {
    ...common('note', stixId('note', event.id), instant(first)),
    abstract: event.title,
    content: [event.summary, `“${source.quote}”`].filter(Boolean).join('\n'),
    object_refs: actors,
    external_references: references,
    labels: [event.type],
    x_kb_event_id: event.id,
    x_cameo_code: TAXONOMY[event.type].cameo,
  };
  const relationships = agentSide(event).flatMap((agent) =>
    targetSide(event)
      .filter((target) => target.actor.id !== agent.actor.id)
      .map(
        (target): StixObject => ({
          ...common('relationship', stixId('relationship', `${event.id}:${agent.actor.id}:${target.actor.id}`), instant(first)),
          relationship_type: event.type.replace(/_/g, '-'),
          source_ref: stixId('identity', agent.actor.id),
          target_ref: stixId('identity', target.actor.id),
          description: event.title,
          start_time: instant(first),
          stop_time: endOfDay(last),
          external_references: references,
        }),
      ),
  );
  return [note, ...relationships];
}

/**
 * Each article's report lists what the export drew from it; written at the end, once every event is seen (so the
 * ids of the notes and relationships are held until then; the bundle's own id is new each time, as a bundle is a
 * transport, not an object).
 */
function reportObject(article: ArticleRecord, refs: Set<string>): StixObject {
  return {
    ...common('report', stixId('report', article.id), instant(article.publishedAt)),
    name: article.title,
    published: instant(article.publishedAt),
    object_refs: [...refs],
    external_references: [articleReference(article)],
  };
}

const author = (): StixObject => ({
  type: 'identity',
  spec_version: '2.1',
  id: AUTHOR,
  created: AUTHOR_CREATED,
  modified: AUTHOR_CREATED,
  name: 'Diplomatic events knowledge base',
  identity_class: 'system',
});

export async function* stixChunks(events: AsyncIterable<ExportEvent>): AsyncGenerator<string> {
  yield `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[\n${JSON.stringify(author())}`;
  const written = new Set<string>([AUTHOR]);
  const articles = new Map<string, { article: ArticleRecord; refs: Set<string> }>();
  for await (const event of events) {
    const objects: StixObject[] = [];
    for (const { actor } of event.participants) {
      if (!written.has(stixId('identity', actor.id))) objects.push(...actorObjects(actor, event.date.start));
    }
    const own = eventObjects(event);
    objects.push(...own);
    for (const { article } of event.sources) {
      const entry = articles.get(article.id) ?? { article, refs: new Set<string>() };
      articles.set(article.id, entry);
      for (const object of own) entry.refs.add(object.id);
    }
    const fresh = objects.filter((object) => !written.has(object.id));
    for (const object of fresh) written.add(object.id);
    if (fresh.length > 0) yield fresh.map((object) => `,\n${JSON.stringify(object)}`).join('');
  }
  for (const { article, refs } of articles.values()) yield `,\n${JSON.stringify(reportObject(article, refs))}`;
  yield '\n]}\n';
}
