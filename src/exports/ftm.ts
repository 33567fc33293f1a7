import { AGENT_ROLES, type AffiliationRole, TAXONOMY, TARGET_ROLES } from '../domain/taxonomy';
import type { ActorKind } from '../domain/model';
import { countryByAlpha3 } from '../domain/actor-codes';
import type { ActorRecord, AffiliationRecord, ArticleRecord, ExportEvent } from './exports.schemas';
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

export const ftmId = (kind: 'actor' | 'article' | 'event' | 'membership' | 'sanction', id: string) => `kb-${kind}-${id}`;

/**
 * The roles that make the holder a member of the counterpart (FtM's Membership: a legal entity belongs to an
 * organisation, with a role and dates). Envoys *to* a state, lawyers *for* a person and allies are ties, not
 * memberships, and are left out.
 */
const MEMBERSHIP_ROLES: readonly AffiliationRole[] = ['president_of', 'leader_of', 'envoy_of', 'member_of'];
/** FtM's Organization and the schemata that extend it: what a Membership's `organization` may name. */
const ORGANIZATION_SCHEMATA = ['Organization', 'PublicBody', 'Company'];

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

/** A role held over time, as FtM's Membership, if the role is a membership and both ends can take part in one. */
export function membershipEntity(holder: ActorRecord, affiliation: AffiliationRecord): FtmEntity | null {
  const { counterpart } = affiliation;
  if (!MEMBERSHIP_ROLES.includes(affiliation.role) || holder.kind === 'commodity') return null;
  if (!ORGANIZATION_SCHEMATA.includes(FTM_SCHEMA[counterpart.kind])) return null;
  return {
    id: ftmId('membership', `${holder.id}-${affiliation.role}-${counterpart.id}`),
    schema: 'Membership',
    properties: properties({
      member: [ftmId('actor', holder.id)],
      organization: [ftmId('actor', counterpart.id)],
      role: [affiliation.title ?? affiliation.role.replace(/_/g, ' ')],
      startDate: [affiliation.from],
      endDate: [affiliation.to],
      status: [affiliation.former ? 'former' : null],
      summary: [affiliation.quote],
      sourceUrl: [affiliation.article.url],
    }),
  };
}

/** A sanctions event, as FtM's Sanction on each target: the authority is who imposed it, the start its date. */
export function sanctionEntities(event: ExportEvent): FtmEntity[] {
  if (event.type !== 'sanctions_imposed') return [];
  const { start, end } = partialSpan(event);
  const authority = event.participants.filter(({ role }) => AGENT_ROLES.includes(role)).map(({ actor }) => actor.name);
  return event.participants
    .filter(({ role }) => TARGET_ROLES.includes(role))
    .map(({ actor }) => ({
      id: ftmId('sanction', `${event.id}-${actor.id}`),
      schema: 'Sanction',
      properties: properties({
        entity: [ftmId('actor', actor.id)],
        authority,
        startDate: [start],
        endDate: [end],
        summary: [primarySource(event).quote],
        sourceUrl: [primarySource(event).article.url],
        recordId: [event.id],
      }),
    }));
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
    chunk += line(eventEntity(event));
    for (const sanction of sanctionEntities(event)) chunk += once(sanction);
    // roles over time, after both their ends
    for (const { actor } of event.participants) {
      for (const affiliation of actor.affiliations ?? []) {
        const membership = membershipEntity(actor, affiliation);
        if (membership && !written.has(membership.id)) chunk += once(actorEntity(affiliation.counterpart)) + once(membership);
      }
    }
    yield chunk;
  }
}
