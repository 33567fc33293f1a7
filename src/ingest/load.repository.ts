import { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import { affiliationKey } from '../db/affiliation-key';
import { EVENT_LINK_TYPES, mergeEventLink, spanDays } from '../db/cypher';
import { PARTICIPATION_KEYS, rekeyParticipations } from '../db/participation-order';
import { toParams } from '../db/plain';
import { retryOnLockConflict } from '../db/retry';
import type { Db } from '../db/query';
import { isSanctionsType } from '../domain/sanctions';
import { LINK_KINDS, LINK_RELATIONSHIP } from '../domain/taxonomy';
import type { LinkKind } from '../domain/model';
import { bareEventRow, type GraphRows } from './graph-rows';
import { settleClaims, type Settled } from './claims.repository';
import { readContributions, roleLinkIds, writeRoleLinks, writeSummaryChanges } from './summaries';
import { type Contribution, contributionsOf } from './tally';
import { markKindChanges, markStale } from '../sanctions/sanctions.repository';
import { locateEvents, locateNew, SET_LOCATIONS } from '../places/places.repository';

/**
 * The Cypher that writes one article's facts. Every statement is MERGE-on-id then SET, so loading the same
 * file twice changes nothing; relationships that the file no longer states are removed, so an edited file
 * replaces what the article said before. All statements of one article run in one transaction.
 *
 * One event may be reported by several articles (src/ingest/merge-reports.ts), so what belongs to whom is
 * recorded: `e.definedIn` is the article whose facts set the event's title, date and other properties (the
 * first to state it; later reports only add sources and participants), and `r.articles` on PARTICIPATED_IN
 * and event links lists the articles that state the relationship. An article removes only its own statements.
 */

/*
 * Index hints: the plan of a statement is cached from its first run, often on an empty database where a scan
 * looks as cheap as a seek; the hints keep every lookup by id a seek however the database has grown since.
 *
 * Every statement takes the rows of several articles at once (a batch, written in one transaction, so each of
 * its articles is written whole or not at all): each row carries the id of the article that states it, and
 * each statement does for every row what it would do for that article alone. Statements that withdraw an
 * article's old statements run after all the batch's merges; since they only ever remove the article's own
 * claims, the result is the same as writing the articles one after another.
 */

const MERGE_ARTICLES = `
  UNWIND $articles AS article
  MERGE (a:Article {id: article.id})
  SET a.title = article.title, a.publisher = article.publisher, a.url = article.url,
      a.publishedAt = date(article.publishedAt), a.text = article.text`;

/** Codes a facts file leaves out stay as they were: an article that only names an actor does not erase them. */
const MERGE_ACTORS = `
  UNWIND $actors AS row
  MERGE (a:Actor {id: row.id})
  SET a.name = row.name, a.kind = row.kind, a.aliases = row.aliases, a.aliasText = row.aliasText,
      a.description = row.description,
      a.country = coalesce(row.country, a.country), a.countryAlpha2 = coalesce(row.countryAlpha2, a.countryAlpha2),
      a.sector = coalesce(row.sector, a.sector), a.code = coalesce(row.code, a.code), a.wikidata = coalesce(row.wikidata, a.wikidata)`;

const EVENT_PROPERTIES = `
  e.type = row.type, e.title = row.title, e.summary = row.summary,
  e.date = date(row.date), e.endDate = date(row.endDate), e.lastDate = date(row.lastDate),
  e.spanDays = ${spanDays('date(row.date)', 'date(row.lastDate)')},
  e.precision = row.precision, e.place = row.place, e.status = row.status,
  e.figureCount = row.figureCount, e.figureUnit = row.figureUnit, e.figureApproximate = row.figureApproximate,
  e.originFormat = row.originFormat, e.originFile = row.originFile, e.originId = row.originId`;

/**
 * Events written before `definedIn` existed are claimed by the first article to reload them, unless another
 * article already reports them.
 */
const MERGE_EVENTS = `
  UNWIND $events AS row
  MERGE (e:Event {id: row.id})
  ON CREATE SET e.definedIn = row.article, e.addedAt = datetime()
  WITH e, row
  WHERE e.definedIn = row.article
     OR (e.definedIn IS NULL AND NOT EXISTS { MATCH (e)-[:REPORTED_IN]->(other) WHERE other.id <> row.article })
  SET e.definedIn = row.article, ${EVENT_PROPERTIES}`;

/*
 * Events the database does not hold yet (found in the same transaction, so nothing can add them meanwhile
 * but a concurrent load of the same event, which the uniqueness constraint refuses) are created outright,
 * each with its participants, its sources and its locations in the same statement: nothing to look up but the
 * actors, articles and places they join, nothing to merge but the places. This is a bulk load's path.
 */
const CREATE_EVENTS = `
  UNWIND $events AS row
  CREATE (e:Event {id: row.id})
  SET e.definedIn = row.article, e.addedAt = datetime(), ${EVENT_PROPERTIES}
  WITH e, row
  CALL (e, row) {
    UNWIND row.participants AS p
    MATCH (a:Actor {id: p.actor})
    CREATE (a)-[:PARTICIPATED_IN {role: p.role, articles: [p.article], ${PARTICIPATION_KEYS('a', 'e')}}]->(e)
  }
  CALL (e, row) {
    UNWIND row.sources AS s
    MATCH (art:Article {id: s.article})
    CREATE (e)-[:REPORTED_IN {quote: s.quote, start: s.start, end: s.end, rank: s.rank, claim: s.claim}]->(art)
  }
  ${SET_LOCATIONS('CREATE')}`;

/** Adds the row's article to the list of those that state the relationship (once: reloading changes nothing). */
const STATED_BY_ARTICLE = `
  r.articles = CASE WHEN row.article IN coalesce(r.articles, []) THEN r.articles
                    ELSE coalesce(r.articles, []) + row.article END`;

/**
 * Withdraws the row's article's statement; the relationship goes when no article states it any more. A
 * relationship without \`articles\` (written before they were recorded) belongs to the article that defines the event.
 */
const WITHDRAW_STATEMENT = `
  SET r.articles = [id IN coalesce(r.articles, []) WHERE id <> row.article]
  WITH r WHERE size(r.articles) = 0
  DELETE r`;

const MERGE_PARTICIPANTS = `
  UNWIND $participants AS row
  MATCH (e:Event {id: row.event})
  MATCH (a:Actor {id: row.actor})
  MERGE (a)-[r:PARTICIPATED_IN {role: row.role}]->(e)
  SET ${STATED_BY_ARTICLE}`;

const DROP_STALE_PARTICIPANTS = `
  UNWIND $events AS row
  MATCH (a:Actor)-[r:PARTICIPATED_IN]->(e:Event {id: row.id}) USING INDEX e:Event(id)
  WHERE NOT a.id + '|' + r.role IN row.participantKeys
    AND (row.article IN r.articles OR (r.articles IS NULL AND e.definedIn = row.article))
  ${WITHDRAW_STATEMENT}`;

const MERGE_SOURCES = `
  UNWIND $sources AS row
  MATCH (art:Article {id: row.article})
  MATCH (e:Event {id: row.event})
  MERGE (e)-[r:REPORTED_IN {quote: row.quote}]->(art)
  SET r.start = row.start, r.end = row.end, r.rank = row.rank, r.claim = row.claim`;

const DROP_STALE_SOURCES = `
  UNWIND $articles AS row
  MATCH (e:Event)-[r:REPORTED_IN]->(art:Article {id: row.article}) USING INDEX art:Article(id)
  WHERE NOT e.id + '|' + r.quote IN row.sourceKeys
  DELETE r`;

const AFFILIATION_PROPERTIES = `
  r.title = row.title, r.from = row.from, r.to = row.to, r.former = row.former,
  r.article = row.article, r.quote = row.quote`;

const MERGE_AFFILIATIONS = `
  UNWIND $affiliations AS row
  MATCH (a:Actor {id: row.actor})
  MATCH (c:Actor {id: row.counterpart})
  MERGE (a)-[r:AFFILIATED_WITH {key: row.key}]->(c)
  SET r.role = row.role, ${AFFILIATION_PROPERTIES}`;

/**
 * A file load's affiliations: the ones the database holds already are found (a read, no lock) and updated, the
 * others created outright. A MERGE that finds nothing locks both actors exclusively before it creates; busy actors
 * (a head of state holds hundreds of roles) are shared by every batch in flight, each holding them by the
 * participations it created, so two batches merging affiliations wait for each other: a deadlock, one batch in four
 * written again. CREATE takes no such lock. What keeps two batches of a load from creating the same affiliation
 * twice: write-pipeline.ts makes a batch wait for any batch in flight that states an affiliation between the same
 * two actors; and against any other writer, the key's uniqueness constraint (db/affiliation-key.ts), whose index
 * also finds the existing ones here.
 */
const EXISTING_AFFILIATIONS = `
  UNWIND $affiliations AS row
  MATCH ()-[:AFFILIATED_WITH {key: row.key}]->()
  RETURN collect(row.key) AS keys`;

const CREATE_AFFILIATIONS = `
  UNWIND $affiliations AS row
  MATCH (a:Actor {id: row.actor})
  MATCH (c:Actor {id: row.counterpart})
  CREATE (a)-[r:AFFILIATED_WITH {key: row.key, role: row.role}]->(c)
  SET ${AFFILIATION_PROPERTIES}`;

type AffiliationRow = BatchParams['affiliations'][number];

/**
 * Each affiliation of the batch once, as merging its rows one after another would leave it (the last row's
 * properties): CREATE, unlike MERGE then SET, would write a repeated row twice.
 */
function lastStatements(rows: readonly AffiliationRow[]): AffiliationRow[] {
  const byKey = new Map<string, AffiliationRow>();
  for (const row of rows) {
    byKey.delete(row.key);
    byKey.set(row.key, row);
  }
  return [...byKey.values()];
}

/** Finds the batch's affiliations that exist, updates them, and creates the others (see EXISTING_AFFILIATIONS). */
async function writeAffiliations(tx: ManagedTransaction, rows: readonly AffiliationRow[], counts: WriteCounts): Promise<void> {
  const affiliations = lastStatements(rows);
  const { records } = await tx.run(EXISTING_AFFILIATIONS, { affiliations });
  const existing = new Set((records[0]?.get('keys') as string[] | undefined) ?? []);
  const known = affiliations.filter((row) => existing.has(row.key));
  const fresh = affiliations.filter((row) => !existing.has(row.key));
  if (known.length > 0) await run(tx, MERGE_AFFILIATIONS, { affiliations: known }, counts);
  if (fresh.length > 0) await run(tx, CREATE_AFFILIATIONS, { affiliations: fresh }, counts);
}

const MERGE_LINKS = Object.fromEntries(LINK_KINDS.map((kind) => [kind, mergeEventLink(LINK_RELATIONSHIP[kind], STATED_BY_ARTICLE)])) as Record<
  LinkKind,
  string
>;

/** Links among the article's own events that it no longer states; only articles stating links are looked at. */
const DROP_STALE_LINKS = `
  UNWIND $articles AS row
  UNWIND row.eventIds AS fromId
  MATCH (a:Event {id: fromId})-[r:${EVENT_LINK_TYPES}]->(b:Event) USING INDEX a:Event(id)
  WHERE b.id IN row.eventIds AND NOT a.id + '|' + type(r) + '|' + b.id IN row.linkKeys
    AND (row.article IN r.articles OR (r.articles IS NULL AND a.definedIn = row.article AND b.definedIn = row.article))
  ${WITHDRAW_STATEMENT}`;

const MERGE_REACTIONS = `
  UNWIND $reactions AS row
  MATCH (art:Article {id: row.article})
  MERGE (r:Reaction {id: row.id})
  SET r.author = row.author, r.text = row.text, r.stance = row.stance
  MERGE (r)-[:ON]->(art)
  WITH r, row
  OPTIONAL MATCH (r)-[old:ABOUT]->(e:Event) WHERE NOT e.id IN row.about
  DELETE old
  WITH DISTINCT r, row
  UNWIND row.about AS eventId
  MATCH (e:Event {id: eventId})
  MERGE (r)-[:ABOUT]->(e)`;

const DROP_STALE_REACTIONS = `
  UNWIND $articles AS row
  MATCH (r:Reaction)-[:ON]->(art:Article {id: row.article}) USING INDEX art:Article(id)
  WHERE NOT r.id IN row.reactionIds
  DETACH DELETE r`;

export interface WriteCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  nodesDeleted: number;
}

export const noWrites = (): WriteCounts => ({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0, nodesDeleted: 0 });

async function run(tx: ManagedTransaction, cypher: string, params: Record<string, unknown>, counts: WriteCounts) {
  const result = await tx.run(cypher, toParams(params) as Record<string, unknown>);
  const updates = result.summary.counters.updates();
  counts.nodesCreated += updates.nodesCreated;
  counts.relationshipsCreated += updates.relationshipsCreated;
  counts.relationshipsDeleted += updates.relationshipsDeleted;
  counts.nodesDeleted += updates.nodesDeleted;
}

/**
 * Writes several articles' facts in one transaction (thousands of rows per statement): all of them, or (on
 * any error) none of them. The articles must not define the same event twice (checkFacts sees to that).
 */
export async function writeFactsBatch(db: Db, batch: readonly GraphRows[], options: WriteOptions = AUTO): Promise<WriteCounts> {
  const params = batchParams(batch);
  const session = db.driver.session({ database: db.database });
  const attempt = async (tx: ManagedTransaction, mergeOnly: boolean) => {
    await options.before?.(tx);
    const { counts, written, deferred } = await writeAll(tx, params, { mergeOnly, deferNew: options.defer !== undefined, ownEvents: options.ownEvents });
    if (options.review === 'reviewed') await markReviewed(tx, params);
    await options.after?.(tx, written);
    return { counts, deferred: { ...deferred, created: written.created } };
  };
  try {
    const { counts, deferred } = await retryOnLockConflict(async () => {
      try {
        return await session.executeWrite((tx) => attempt(tx, false));
      } catch (error) {
        if (!isCreateConflict(error)) throw error;
        return await session.executeWrite((tx) => attempt(tx, true));
      }
    });
    options.defer?.(deferred);
    return counts;
  } finally {
    await session.close();
  }
}

/**
 * New events are created outright (CREATE_EVENTS); when a concurrent write created one of them first, the
 * uniqueness constraint refuses the whole transaction, and the batch is written again with MERGE for every
 * event. The same holds for a new actor pair (summaries.ts), which the second attempt finds and adds to, and for a new
 * affiliation (its key's constraint), which the second attempt finds and updates. Nothing else this module writes
 * with CREATE has a constraint.
 */
const isCreateConflict = (error: unknown) => error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';

type BatchParams = ReturnType<typeof batchParams>;

/** The batch's rows, each tagged with its article. Plain data: built before the transaction, reused on retry. */
function batchParams(batch: readonly GraphRows[]) {
  const tag = <T extends object>(article: string, rows: readonly T[]) => rows.map((row) => ({ ...row, article }));
  return {
    articles: batch.map((rows) => ({ publisher: null, url: null, ...rows.article })),
    /** What the withdrawing statements need of each article (not its text). */
    articleKeys: batch.map((rows) => ({
      article: rows.article.id,
      sourceKeys: rows.sourceKeys,
      reactionIds: rows.reactions.map((r) => r.id),
    })),
    actors: lastDefinitions(batch.flatMap((rows) => rows.actors)),
    events: batch.flatMap((rows) => tag(rows.article.id, rows.events)),
    eventKeys: batch.flatMap((rows) => rows.events.map((e) => ({ id: e.id, article: rows.article.id, participantKeys: e.participantKeys }))),
    participants: batch.flatMap((rows) => tag(rows.article.id, rows.participants)),
    sources: batch.flatMap((rows) => tag(rows.article.id, rows.sources)),
    affiliations: batch.flatMap((rows) => tag(rows.article.id, rows.affiliations)),
    links: Object.fromEntries(LINK_KINDS.map((kind) => [kind, batch.flatMap((rows) => tag(rows.article.id, rows.links[kind]))])) as Record<
      LinkKind,
      Array<{ from: string; to: string; article: string }>
    >,
    /** Links join two of an article's events: an article with fewer has none to withdraw. */
    linkArticles: batch
      .filter((rows) => rows.events.length > 1)
      .map((rows) => ({ article: rows.article.id, eventIds: rows.events.map((e) => e.id), linkKeys: rows.linkKeys })),
    reactions: batch.flatMap((rows) => tag(rows.article.id, rows.reactions)),
  };
}

type ActorRow = GraphRows['actors'][number];

/**
 * Each actor of a batch once, in id order, as writing all its rows one after another (MERGE_ACTORS) would leave
 * it: the last row's definition, each code from the last row that states one. Most articles name the same busy
 * actors: a batch repeats each one hundreds of times, each a write of the node.
 */
export function lastDefinitions(rows: readonly ActorRow[]): ActorRow[] {
  const byId = new Map<string, ActorRow>();
  for (const row of rows) {
    const before = byId.get(row.id);
    if (!before) {
      byId.set(row.id, row);
      continue;
    }
    byId.set(row.id, {
      ...row,
      country: row.country ?? before.country,
      countryAlpha2: row.countryAlpha2 ?? before.countryAlpha2,
      sector: row.sector ?? before.sector,
      code: row.code ?? before.code,
      wikidata: row.wikidata ?? before.wikidata,
    });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const LOADED_BEFORE = `
  UNWIND $ids AS id
  MATCH (a:Article {id: id})
  RETURN collect(id) AS ids`;

/** Rows once per key: CREATE, unlike MERGE, would write a repeated row twice. */
function unique<T>(rows: T[], key: (row: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const k = key(row);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The summaries' view of events the batch creates: their type and distinct participants, from its rows. */
const newContributions = (p: BatchParams, isNew: (id: string) => boolean): Contribution[] =>
  contributionsOf(
    p.events.filter((e) => isNew(e.id)),
    p.participants.filter((row) => isNew(row.event)),
  );

/** What a batch wrote: the events it created, and the known events it added to (their conflicts may have changed). */
export interface Written {
  created: string[];
  added: Settled[];
}

/**
 * How a batch is written. `review`: `reviewed` when an editor accepted the facts (the events, the actors the
 * facts define and the links are marked so), `auto` when loaded without review (nothing is marked: a missing
 * mark reads as auto, so bulk loads write nothing extra). `before` and `after` run inside the transaction, first
 * and last (again if it is retried), so what they write commits with the facts or not at all.
 */
export interface WriteOptions {
  review: 'reviewed' | 'auto';
  before?: (tx: ManagedTransaction) => Promise<void>;
  after?: (tx: ManagedTransaction, written: Written) => Promise<void>;
  /**
   * Takes, once the batch is committed, what it did not write of the activity summaries: the contributions of the
   * events it created, and the role links of its affiliations (a file load writes them once at its end:
   * deferred-summaries.ts); and the ids of the events it created. A deferring write also creates the affiliations
   * the database does not hold without merging them (writeAffiliations): its caller keeps two writes from stating
   * the same affiliation at once (write-pipeline.ts).
   */
  defer?: (deferred: Deferred) => void;
  /**
   * Given when the database held no events at all before the load began: the events the load's committed batches
   * created, the only ones of a batch that can exist (another writer creating one meanwhile makes the batch's CREATE
   * fail on the uniqueness constraint, and the batch is written again reading every event). A batch then reads what
   * it adds to only for those, not for each of its events (a read that, on a first load, finds nothing).
   */
  ownEvents?: ReadonlySet<string>;
}

/** What a deferring batch leaves to its load's end (WriteOptions.defer). */
export interface Deferred {
  contributions: Contribution[];
  /** The RoleLink ids (summaries.ts) of the batch's affiliations. */
  roleLinks: string[];
  created: string[];
}

const AUTO: WriteOptions = { review: 'auto' };

const MARK_EVENTS = "UNWIND $ids AS id MATCH (e:Event {id: id}) SET e.review = 'reviewed'";
const MARK_ACTORS = "UNWIND $ids AS id MATCH (a:Actor {id: id}) SET a.review = 'reviewed'";
const MARK_LINKS = `
  UNWIND $rows AS row
  MATCH (a:Event {id: row.from})-[r:${EVENT_LINK_TYPES}]->(b:Event {id: row.to})
  WHERE toLower(type(r)) = row.kind
  SET r.review = 'reviewed'`;

async function markReviewed(tx: ManagedTransaction, p: BatchParams): Promise<void> {
  await tx.run(MARK_EVENTS, { ids: [...new Set(p.events.map((e) => e.id))] });
  if (p.actors.length > 0) await tx.run(MARK_ACTORS, { ids: p.actors.map((a) => a.id) });
  const links = LINK_KINDS.flatMap((kind) => p.links[kind].map(({ from, to }) => ({ from, to, kind })));
  if (links.length > 0) await tx.run(MARK_LINKS, { rows: links });
}

type EventRow = BatchParams['events'][number];

/** Rows grouped by the event they belong to, once per key (CREATE, unlike MERGE, would write a repeated row twice). */
function byEvent<T extends { event: string }>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of unique([...rows], key)) grouped.set(row.event, [...(grouped.get(row.event) ?? []), row]);
  return grouped;
}

/**
 * Creates the batch's new events with their participants, sources and locations (CREATE_EVENTS); answers each
 * event's places' ids (what its place counts are kept by: place-counts.ts).
 */
async function createEvents(
  tx: ManagedTransaction,
  events: EventRow[],
  participants: BatchParams['participants'],
  sources: BatchParams['sources'],
  counts: WriteCounts,
): Promise<Map<string, string[]>> {
  if (events.length === 0) return new Map();
  const participantsOf = byEvent(participants, (r) => `${r.event}|${r.actor}|${r.role}`);
  const sourcesOf = byEvent(sources, (r) => `${r.event}|${r.quote}`);
  const located = await locateNew(
    tx,
    unique(events, (e) => e.id).map((e) => ({ id: e.id, place: e.place, actors: (participantsOf.get(e.id) ?? []).map((p) => p.actor) })),
  );
  // An event stated twice in the batch is created twice and refused by the uniqueness constraint: the batch is then
  // written again with MERGE (writeFactsBatch). Its participants and sources go with its first row.
  const seen = new Set<string>();
  const rows = events.map((e) => {
    const first = !seen.has(e.id);
    seen.add(e.id);
    return {
      ...e,
      participants: first ? (participantsOf.get(e.id) ?? []) : [],
      sources: first ? (sourcesOf.get(e.id) ?? []) : [],
      ...located.get(e.id),
    };
  });
  await run(tx, CREATE_EVENTS, { events: rows }, counts);
  return new Map([...located].map(([id, { places }]) => [id, places.map((l) => l.place.id)]));
}

/**
 * `mergeOnly`: write every event as if it might exist (MERGE), the retry after a concurrent write created one.
 * `deferNew`: leave the summaries of the events the batch creates and the role links of its affiliations unwritten,
 * and answer them; create its new affiliations outright. `ownEvents`: WriteOptions.ownEvents.
 */
async function writeAll(
  tx: ManagedTransaction,
  p: BatchParams,
  { mergeOnly = false, deferNew = false, ownEvents }: { mergeOnly?: boolean; deferNew?: boolean; ownEvents?: ReadonlySet<string> } = {},
): Promise<{ counts: WriteCounts; written: Written; deferred: Omit<Deferred, 'created'> }> {
  const counts = noWrites();
  // Only an article loaded before can have statements to withdraw: every claim an article makes (r.articles,
  // e.definedIn, its sources and reactions) is written in the same transaction as its Article node. A bulk
  // load of new articles skips the withdrawing statements altogether.
  const { records } = await tx.run(LOADED_BEFORE, { ids: p.articleKeys.map((a) => a.article) });
  const before = new Set((records[0]?.get('ids') as string[] | undefined) ?? []);
  const eventIds = [...new Set(p.events.map((e) => e.id))];
  const mayExist = mergeOnly || !ownEvents ? eventIds : eventIds.filter((id) => ownEvents.has(id));
  const existingBefore = await readContributions(tx, mayExist);
  const known = new Set(mergeOnly ? eventIds : existingBefore.map((c) => c.id));
  const isNew = (id: string) => !known.has(id);
  const split = <T>(rows: T[], id: (row: T) => string) => [rows.filter((r) => isNew(id(r))), rows.filter((r) => !isNew(id(r)))] as const;
  const [newEvents, knownEvents] = split(p.events, (e) => e.id);
  const [newParticipants, knownParticipants] = split(p.participants, (r) => r.event);
  const [newSources, knownSources] = split(p.sources, (r) => r.event);

  await run(tx, MERGE_ARTICLES, { articles: p.articles }, counts);
  if (p.actors.length > 0) {
    await markKindChanges(tx, p.actors);
    await run(tx, MERGE_ACTORS, { actors: p.actors }, counts);
  }
  const placesOf = await createEvents(tx, newEvents, newParticipants, newSources, counts);
  if (knownEvents.length > 0) {
    await run(tx, MERGE_EVENTS, { events: knownEvents }, counts);
    await run(tx, MERGE_PARTICIPANTS, { participants: knownParticipants }, counts);
  }
  if (knownSources.length > 0) await run(tx, MERGE_SOURCES, { sources: knownSources }, counts);
  if (p.affiliations.length > 0 && deferNew) await writeAffiliations(tx, p.affiliations, counts);
  else if (p.affiliations.length > 0) {
    await run(tx, MERGE_AFFILIATIONS, { affiliations: p.affiliations }, counts);
    await writeRoleLinks(tx, p.affiliations);
  }
  for (const kind of LINK_KINDS) {
    if (p.links[kind].length > 0) await run(tx, MERGE_LINKS[kind], { rows: p.links[kind] }, counts);
  }
  if (p.reactions.length > 0) await run(tx, MERGE_REACTIONS, { reactions: p.reactions }, counts);
  if (before.size > 0) await withdrawStaleStatements(tx, p, before, counts);
  // Sanctions measures are recomputed after the load (sanctions/refresh.ts); here their events are only marked:
  // a new event only if it is a sanctions event (no measure can have been derived from it yet).
  await markStale(tx, [...new Set(p.events.filter((e) => !isNew(e.id) || isSanctionsType(e.type)).map((e) => e.id))]);
  const knownIds = [...new Set(knownEvents.map((e) => e.id))];
  const added = await settleClaims(tx, knownIds);
  // A known event's date may have changed (its article reloaded, its claims settled), and it may have new participants.
  await rekeyParticipations(tx, knownIds);
  // After the claims are settled: the place shown is the one located. (The batch's new events were located as they
  // were created, from its own rows.)
  await locateEvents(tx, knownIds);
  // Last, so that the summaries see the known events as settled and located (their dates and places counted).
  const existingAfter = await readContributions(tx, [...known]);
  const created = newContributions(p, isNew).map((c) => ({ ...c, places: placesOf.get(c.id) ?? [] }));
  // A deferring load adds the new events' contributions to its summaries once, at its end (deferred-summaries.ts).
  await writeSummaryChanges(tx, existingBefore, deferNew ? existingAfter : [...existingAfter, ...created]);
  return {
    counts,
    written: { created: [...new Set(newEvents.map((e) => e.id))], added },
    deferred: deferNew ? { contributions: created, roleLinks: roleLinkIds(p.affiliations) } : { contributions: [], roleLinks: [] },
  };
}

async function withdrawStaleStatements(tx: ManagedTransaction, p: BatchParams, before: Set<string>, counts: WriteCounts): Promise<void> {
  const reloaded = <T extends { article: string }>(rows: T[]) => rows.filter((row) => before.has(row.article));
  const eventKeys = reloaded(p.eventKeys);
  const linkArticles = reloaded(p.linkArticles);
  if (eventKeys.length > 0) await run(tx, DROP_STALE_PARTICIPANTS, { events: eventKeys }, counts);
  await run(tx, DROP_STALE_SOURCES, { articles: reloaded(p.articleKeys) }, counts);
  if (linkArticles.length > 0) await run(tx, DROP_STALE_LINKS, { articles: linkArticles }, counts);
  await run(tx, DROP_STALE_REACTIONS, { articles: reloaded(p.articleKeys) }, counts);
}

/** A batch that reaches every statement of a first load: a state, two new sanctions events linked every way, a quote each. */
function warmUpRows(): GraphRows {
  const article = 'kb-warm-up';
  const text = 'Warm-up.';
  const event = (id: string) => bareEventRow(id, 'sanctions_imposed', '1900-01-01');
  const events = [event(`${article}-1`), event(`${article}-2`)];
  const actors = [`${article}-state`, `${article}-person`];
  return {
    article: { id: article, title: article, publishedAt: '1900-01-01', text },
    actors: actors.map((id, i) => ({
      id,
      name: i === 0 ? 'Belarus' : id,
      kind: i === 0 ? 'state' : 'person',
      aliases: [],
      aliasText: '',
      description: null,
      country: null,
      countryAlpha2: null,
      sector: null,
      code: null,
      wikidata: null,
    })),
    events,
    participants: events.flatMap((e) => actors.map((actor, i) => ({ event: e.id, actor, role: i === 0 ? 'agent' : 'target' }))),
    sources: events.map((e) => ({ event: e.id, quote: text, start: 0, end: text.length, rank: 0, claim: '{}' })),
    sourceKeys: [],
    affiliations: [
      {
        key: affiliationKey(actors[1]!, actors[0]!, 'member'),
        actor: actors[1]!,
        counterpart: actors[0]!,
        role: 'member',
        title: null,
        from: null,
        to: null,
        former: false,
        quote: null,
      },
    ],
    links: Object.fromEntries(LINK_KINDS.map((kind) => [kind, [{ from: events[0]!.id, to: events[1]!.id }]])) as GraphRows['links'],
    linkKeys: [],
    reactions: [],
  };
}

/**
 * Has the server plan every statement of a first load's batch, in a transaction that is rolled back (nothing is
 * written): a new server plans each statement at its first run, a few seconds in all that the first batch would
 * wait for. The loader runs it while it checks the facts, when the server is otherwise idle; it is only a head
 * start, so a failure is the real batch's to report.
 */
export async function warmUpWrites(db: Db): Promise<void> {
  const rollBack = new Error('the warm-up writes nothing');
  const session = db.driver.session({ database: db.database });
  try {
    await session.executeWrite(async (tx) => {
      await writeAll(tx, batchParams([warmUpRows()]), { deferNew: true, ownEvents: new Set() });
      throw rollBack;
    });
  } catch {
    // Rolled back, as meant; any other failure is the real batch's to report (see above).
  } finally {
    await session.close();
  }
}

const EXISTING_ACTOR_IDS = `
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})
  RETURN collect(a.id) AS ids`;

/** Which of these actor ids the database already holds (facts files may refer to them without redefining). */
export async function existingActorIds(db: Db, ids: string[]): Promise<Set<string>> {
  const { records } = await db.driver.executeQuery(EXISTING_ACTOR_IDS, { ids }, { database: db.database });
  return new Set((records[0]?.get('ids') as string[] | undefined) ?? []);
}

const ANY_EVENTS = 'MATCH (e:Event) RETURN count(e) > 0 AS any';

/** Whether the database holds any event. Read from the count store: instant. */
export async function holdsEvents(db: Db): Promise<boolean> {
  const { records } = await db.driver.executeQuery(ANY_EVENTS, {}, { database: db.database });
  return records[0]?.get('any') === true;
}

const HELD_NODES = `
  CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH (m:Migration) RETURN count(m) AS records }
  CALL () { MATCH (v:MeasuresVersion) RETURN count(v) AS versions }
  RETURN nodes - records - versions AS held`;

/**
 * How many nodes the database holds besides the records of its shape (migration steps, the measures' version),
 * which a database gets on its first start before it holds anything. Read from the count store: instant.
 */
export async function heldNodes(db: Db): Promise<number> {
  const { records } = await db.driver.executeQuery(HELD_NODES, {}, { database: db.database });
  return Number(records[0]?.get('held') ?? 0);
}

/** The name of the database the handle writes to (its configured one, or the server's default). */
export async function databaseName(db: Db): Promise<string> {
  const { records } = await db.driver.executeQuery('CALL db.info() YIELD name RETURN name', {}, { database: db.database });
  return String(records[0]?.get('name'));
}

/**
 * An import file cannot say "an empty list" (an empty field is no property): the actors without aliases get the
 * empty list the loader gives them. After a bulk import, before the summaries.
 */
export async function fillEmptyAliases(db: Db): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await session.run('MATCH (a:Actor) WHERE a.aliases IS NULL CALL (a) { SET a.aliases = [] } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}
