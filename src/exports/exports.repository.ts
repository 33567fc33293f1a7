import { dateView, EVENT_LINK_TYPES, mergeEventLink } from '../db/cypher';
import { toParams } from '../db/plain';
import { read, type Db } from '../db/query';
import { LINK_KINDS, LINK_RELATIONSHIP } from '../domain/taxonomy';
import type { LinkKind } from '../domain/model';
import { AFTER_CURSOR, EVENT_CONDITIONS, eventSource, filterParams, type EventFilter } from '../events/events.repository';
import { AffiliationRecord, ExportEvent, ReactionRecord, type AffiliationEdge, type NetworkNode, type SharedEventsEdge } from './exports.schemas';
import { attachFirstAppearances, type SeenIds } from './records';

/**
 * Streaming reads for exports. Nothing here holds a whole result: each generator reads one page at a
 * time by keyset (events by (date, id), actors by id, actor pairs by (source, target)) and yields its
 * rows, so memory stays bounded however large the export, and every page is a short read with the
 * usual timeout. The caller pulls; a consumer that stops early (a closed download) stops the paging.
 */
export const EXPORT_PAGE_SIZE = 500;

const ARTICLE_BASE = (art: string) => `${art} { .id, .title, .publisher, .url, publishedAt: toString(${art}.publishedAt) }`;
const ACTOR_BASE = (a: string) => `${a} { .id, .name, .kind, aliases: coalesce(${a}.aliases, []), .description, .country, .sector, .code, .wikidata }`;

/** An event with what `kb import` needs to rebuild it, but for roles and reactions (read apart). `e`: an :Event. */
const EXPORT_EVENT = `
  e {
    .id, .type, .title, .summary, .place, .status,
    date: ${dateView('e')},
    figures: CASE WHEN e.figureCount IS NULL THEN null
                  WHEN e.figureApproximate IS NULL THEN { count: e.figureCount, unit: e.figureUnit }
                  ELSE { count: e.figureCount, unit: e.figureUnit, approximate: e.figureApproximate } END,
    participants: COLLECT {
      MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e)
      RETURN { role: p.role, actor: ${ACTOR_BASE('a')} } AS participant
      ORDER BY p.role, a.name, a.id
    },
    sources: COLLECT {
      MATCH (e)-[r:REPORTED_IN]->(art:Article)
      RETURN { quote: r.quote, article: ${ARTICLE_BASE('art')} } AS source
      ORDER BY art.publishedAt, art.id, r.rank
    },
    links: COLLECT {
      MATCH (e)-[l:${EVENT_LINK_TYPES}]->(other:Event)
      RETURN { kind: toLower(type(l)), to: other.id } AS link ORDER BY link.kind, link.to
    }
  }`;

/** The roles each of these actors holds (as the holder), with the article that states each. */
const ACTOR_AFFILIATIONS = `
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})
  RETURN id, COLLECT {
    MATCH (a)-[r:AFFILIATED_WITH]->(c:Actor)
    MATCH (art:Article {id: r.article})
    RETURN { role: r.role, counterpart: ${ACTOR_BASE('c')}, title: r.title, from: r.from, to: r.to,
             former: coalesce(r.former, false), article: ${ARTICLE_BASE('art')}, quote: r.quote } AS affiliation
    ORDER BY r.role, c.id
  } AS items`;

/** The reader reactions on each of these articles, in their order (ids end in -reaction-1, -2, … -10). */
const ARTICLE_REACTIONS = `
  UNWIND $ids AS id
  MATCH (art:Article {id: id})
  RETURN id, COLLECT {
    MATCH (x:Reaction)-[:ON]->(art)
    RETURN x { .author, .text, .stance,
               about: COLLECT { MATCH (x)-[:ABOUT]->(about:Event) RETURN about.id AS eventId ORDER BY eventId } } AS reaction
    ORDER BY size(x.id), x.id
  } AS items`;

async function byId<T>(db: Db, cypher: string, ids: string[]): Promise<Map<string, T[]>> {
  if (ids.length === 0) return new Map();
  const rows = await read<{ id: string; items: T[] }>(db, cypher, { ids });
  return new Map(rows.map((row) => [row.id, row.items]));
}

export interface ExportEventsOptions {
  pageSize?: number;
  /**
   * Also carry each actor's roles and each article's reactions, once: where the actor or article first
   * appears in the export (participants before sources). For `kb import`; costs one id per actor and
   * article seen, and two small reads per page.
   */
  firstAppearances?: boolean;
}

/**
 * Every event the filter matches, in (date, id) order, read a page at a time. Each is put through its
 * schema: keys come out in one fixed order (Neo4j maps have none), and drift between query and schema fails loudly.
 */
export async function* exportEvents(db: Db, filter: EventFilter, options: ExportEventsOptions = {}): AsyncGenerator<ExportEvent> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const cypher = `
    ${eventSource(filter)}
    WITH e WHERE ${EVENT_CONDITIONS} AND ${AFTER_CURSOR}
    WITH e ORDER BY e.date, e.id LIMIT $limit
    RETURN ${EXPORT_EVENT} AS event`;
  const seen: SeenIds = { actors: new Set(), articles: new Set() };
  let after: { afterDate: string | null; afterId: string | null } = { afterDate: null, afterId: null };
  for (;;) {
    const rows = await read<{ event: unknown }>(db, cypher, { ...filterParams(filter), ...after, limit: pageSize });
    let page = rows.map((row) => ExportEvent.parse(row.event));
    if (options.firstAppearances) page = await withFirstAppearances(db, page, seen);
    yield* page;
    const last = page[page.length - 1];
    if (rows.length < pageSize || !last) return;
    after = { afterDate: last.date.start, afterId: last.id };
  }
}

/** The newest `limit` events the filter matches, newest first (by start day, then id): what a feed shows. */
export async function* newestEvents(db: Db, filter: EventFilter, limit: number): AsyncGenerator<ExportEvent> {
  const cypher = `
    ${eventSource(filter)}
    WITH e WHERE ${EVENT_CONDITIONS} AND ${AFTER_CURSOR}
    WITH e ORDER BY e.date DESC, e.id DESC LIMIT $limit
    RETURN ${EXPORT_EVENT} AS event`;
  const rows = await read<{ event: unknown }>(db, cypher, { ...filterParams(filter), afterDate: null, afterId: null, limit });
  for (const row of rows) yield ExportEvent.parse(row.event);
}

async function withFirstAppearances(db: Db, page: ExportEvent[], seen: SeenIds): Promise<ExportEvent[]> {
  const newActors = [...new Set(page.flatMap((e) => e.participants.map((p) => p.actor.id)))].filter((id) => !seen.actors.has(id));
  const affiliations = await byId<AffiliationRecord>(db, ACTOR_AFFILIATIONS, newActors);
  const articleIds = [...[...affiliations.values()].flat().map((a) => a.article.id), ...page.flatMap((e) => e.sources.map((s) => s.article.id))];
  const reactions = await byId<ReactionRecord>(
    db,
    ARTICLE_REACTIONS,
    [...new Set(articleIds)].filter((id) => !seen.articles.has(id)),
  );
  return attachFirstAppearances(page, seen, {
    affiliations: (id) => (affiliations.get(id) ?? []).map((a) => AffiliationRecord.parse(a)),
    reactions: (id) => (reactions.get(id) ?? []).map((r) => ReactionRecord.parse(r)),
  });
}

/** The events the filter matches, as a fragment that leaves `e` bound to each. */
const MATCHED_EVENTS = (filter: EventFilter) => `
  ${eventSource(filter)}
  WITH e WHERE ${EVENT_CONDITIONS}`;

/** Actors taking part in the matched events, with how many of them each took part in; by id. */
export async function* networkNodes(db: Db, filter: EventFilter, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<NetworkNode> {
  const cypher = `
    ${MATCHED_EVENTS(filter)}
    MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
    WHERE a.id > $afterId
    WITH a, count(DISTINCT e) AS events
    ORDER BY a.id LIMIT $limit
    RETURN a { .id, .name, .kind, events: events } AS node`;
  yield* pages<NetworkNode>(db, cypher, filter, pageSize, 'node', (node) => ({ afterId: node.id }), { afterId: '' });
}

/** Pairs of actors sharing matched events: how many, and of which types; by (source, target). */
export async function* sharedEventEdges(db: Db, filter: EventFilter, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<SharedEventsEdge> {
  const cypher = `
    ${MATCHED_EVENTS(filter)}
    MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE a.id < b.id AND (a.id > $afterSource OR (a.id = $afterSource AND b.id > $afterTarget))
    WITH a.id AS source, b.id AS target, count(DISTINCT e) AS weight, collect(DISTINCT e.type) AS types
    ORDER BY source, target LIMIT $limit
    RETURN { source: source, target: target, weight: weight,
             eventTypes: COLLECT { UNWIND types AS t RETURN t ORDER BY t } } AS edge`;
  yield* pages<SharedEventsEdge>(db, cypher, filter, pageSize, 'edge', (edge) => ({ afterSource: edge.source, afterTarget: edge.target }), {
    afterSource: '',
    afterTarget: '',
  });
}

/** Affiliations between two actors of the network (both took part in matched events); by (source, role, target). */
export async function* affiliationEdges(db: Db, filter: EventFilter, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<AffiliationEdge> {
  const cypher = `
    ${MATCHED_EVENTS(filter)}
    MATCH (x:Actor)-[:PARTICIPATED_IN]->(e)
    WITH collect(DISTINCT x) AS actors
    UNWIND actors AS a
    MATCH (a)-[r:AFFILIATED_WITH]->(c:Actor)
    WHERE c IN actors
      AND (a.id > $afterSource OR (a.id = $afterSource AND (r.role > $afterRole OR (r.role = $afterRole AND c.id > $afterTarget))))
    WITH a, r, c ORDER BY a.id, r.role, c.id LIMIT $limit
    RETURN { source: a.id, target: c.id, role: r.role, title: r.title, from: r.from, to: r.to,
             former: coalesce(r.former, false) } AS edge`;
  yield* pages<AffiliationEdge>(
    db,
    cypher,
    filter,
    pageSize,
    'edge',
    (edge) => ({ afterSource: edge.source, afterRole: edge.role, afterTarget: edge.target }),
    { afterSource: '', afterRole: '', afterTarget: '' },
  );
}

async function* pages<T>(
  db: Db,
  cypher: string,
  filter: EventFilter,
  pageSize: number,
  column: string,
  positionAfter: (row: T) => Record<string, string>,
  start: Record<string, string>,
): AsyncGenerator<T> {
  let position = start;
  for (;;) {
    const rows = await read<Record<string, T>>(db, cypher, { ...filterParams(filter), ...position, limit: pageSize });
    for (const row of rows) yield row[column] as T;
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || !last) return;
    position = positionAfter(last[column] as T);
  }
}

const ARTICLES_IN_DATABASE = `
  MATCH (a:Article) WHERE a.id IN $ids
  RETURN a.id AS id, a.text AS text,
         COLLECT { MATCH (e:Event)-[:REPORTED_IN]->(a) RETURN DISTINCT e.id AS id ORDER BY id } AS events`;

/** What the database already holds of these articles: their text and the events they report. */
export async function articlesInDatabase(db: Db, ids: string[]): Promise<Map<string, { text: string; events: string[] }>> {
  const rows = await read<{ id: string; text: string; events: string[] }>(db, ARTICLES_IN_DATABASE, { ids });
  return new Map(rows.map((row) => [row.id, { text: row.text, events: row.events }]));
}

const MERGE_EVENT_LINKS = Object.fromEntries(LINK_KINDS.map((kind) => [kind, mergeEventLink(LINK_RELATIONSHIP[kind])])) as Record<LinkKind, string>;

/** Writes links between events that already exist, in one transaction (idempotent: MERGE). */
export async function mergeEventLinks(db: Db, links: Array<{ from: string; to: string; kind: LinkKind }>): Promise<{ relationshipsCreated: number }> {
  const session = db.driver.session({ database: db.database });
  try {
    return await session.executeWrite(async (tx) => {
      let relationshipsCreated = 0;
      for (const kind of LINK_KINDS) {
        const rows = links.filter((link) => link.kind === kind).map(({ from, to }) => ({ from, to }));
        if (rows.length === 0) continue;
        const result = await tx.run(MERGE_EVENT_LINKS[kind], toParams({ rows }) as Record<string, unknown>);
        relationshipsCreated += result.summary.counters.updates().relationshipsCreated;
      }
      return { relationshipsCreated };
    });
  } finally {
    await session.close();
  }
}
