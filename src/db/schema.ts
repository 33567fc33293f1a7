import type { Db } from './query';

/**
 * Constraints and indexes, created before any write (every MERGE key has a uniqueness constraint, so
 * MERGE seeks instead of scanning the label). All are IF NOT EXISTS: running this twice is harmless.
 */
const SCHEMA = [
  // The migrations a database has had (src/migrations/), one node per step.
  'CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (n:Migration) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT reaction_id IF NOT EXISTS FOR (n:Reaction) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT actor_pair_id IF NOT EXISTS FOR (n:ActorPair) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT role_link_id IF NOT EXISTS FOR (n:RoleLink) REQUIRE n.id IS UNIQUE',
  // Counts per month, and per actor and month, for the trends (ingest/month-counts.ts).
  'CREATE CONSTRAINT month_count_id IF NOT EXISTS FOR (n:MonthCount) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT actor_month_id IF NOT EXISTS FOR (n:ActorMonth) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX actor_month_actor IF NOT EXISTS FOR (n:ActorMonth) ON (n.actor)',
  'CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)',
  'CREATE INDEX event_type_date IF NOT EXISTS FOR (n:Event) ON (n.type, n.date)',
  // Events with an explicit end, by that end: the sanctions in force on a day read the long ones through it.
  'CREATE INDEX event_end_date IF NOT EXISTS FOR (n:Event) ON (n.endDate)',
  // Each event's span in days (db/cypher.ts, spanDays): its last entry is the longest span, which tells how far before
  // a window an event that still covers it may start (the map's and the timeline's windows).
  'CREATE INDEX event_span IF NOT EXISTS FOR (n:Event) ON (n.spanDays)',
  'CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)',
  // The actors list pages by name: a page seeks from the cursor's name instead of sorting every actor.
  'CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)',
  // Actors by standard identifier: `?code=BLR` seeks by prefix (BLR, BLRGOV, BLROPP), `?wikidata=Q184` by value.
  'CREATE INDEX actor_code IF NOT EXISTS FOR (n:Actor) ON (n.code)',
  'CREATE INDEX actor_wikidata IF NOT EXISTS FOR (n:Actor) ON (n.wikidata)',
  'CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedAt)',
  'CREATE FULLTEXT INDEX actor_search IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliasText]',
  'CREATE FULLTEXT INDEX event_search IF NOT EXISTS FOR (n:Event) ON EACH [n.title, n.summary]',
  // Events whose sources disagree: `conflicted` is set only while a conflict is open, so the index stays small.
  'CREATE INDEX event_conflicted IF NOT EXISTS FOR (n:Event) ON (n.conflicted)',
  // Review: accounts, drafts, and the history of facts.
  'CREATE CONSTRAINT user_name IF NOT EXISTS FOR (n:User) REQUIRE n.name IS UNIQUE',
  'CREATE CONSTRAINT session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX api_token_user IF NOT EXISTS FOR (n:ApiToken) ON (n.user)',
  'CREATE CONSTRAINT draft_id IF NOT EXISTS FOR (n:Draft) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX draft_status_created IF NOT EXISTS FOR (n:Draft) ON (n.status, n.createdAt)',
  'CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entity, n.entityId)',
  // Sanctions measures (derived from the sanctions events): found by id, by line (rebuilt together), by actor,
  // and the exemptions of a measure by the measure they exempt from.
  'CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (n:Measure) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX measure_key IF NOT EXISTS FOR (n:Measure) ON (n.key)',
  'CREATE INDEX measure_target IF NOT EXISTS FOR (n:Measure) ON (n.target)',
  'CREATE INDEX measure_scope IF NOT EXISTS FOR (n:Measure) ON (n.scope)',
  'CREATE INDEX measure_authority IF NOT EXISTS FOR (n:Measure) ON (n.authority)',
  'CREATE INDEX measure_exemption_of IF NOT EXISTS FOR (n:Measure) ON (n.exemptionOf)',
  // The measures in the order they are listed (sanctions.repository.ts, MEASURE_ORDER): a day's list reads them in order.
  'CREATE INDEX measure_line_order IF NOT EXISTS FOR (n:Measure) ON (n.target, n.scopeKey, n.authority, n.startKey, n.id)',
  // Places from the gazetteer; events whose place text it did not know (set only then, so the index stays small).
  'CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE',
  // Events per place, place and year, place and month (places/place-counts.ts): the map's and the series' counts.
  'CREATE CONSTRAINT place_year_id IF NOT EXISTS FOR (n:PlaceYear) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX place_year_year IF NOT EXISTS FOR (n:PlaceYear) ON (n.year)',
  'CREATE INDEX place_year_place IF NOT EXISTS FOR (n:PlaceYear) ON (n.place)',
  'CREATE CONSTRAINT place_month_id IF NOT EXISTS FOR (n:PlaceMonth) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX place_month_month IF NOT EXISTS FOR (n:PlaceMonth) ON (n.month)',
  'CREATE INDEX place_month_place IF NOT EXISTS FOR (n:PlaceMonth) ON (n.place)',
  // Events by their last day: those a window starting mid-month still overlaps, among the events begun before it.
  'CREATE INDEX event_last_date IF NOT EXISTS FOR (n:Event) ON (n.lastDate)',
  // Watchlists: what is new is what was added since a moment (events loaded before this existed have no addedAt).
  'CREATE INDEX event_added IF NOT EXISTS FOR (n:Event) ON (n.addedAt)',
  'CREATE CONSTRAINT watchlist_id IF NOT EXISTS FOR (n:Watchlist) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX watchlist_user IF NOT EXISTS FOR (n:Watchlist) ON (n.user)',
  'CREATE INDEX watchlist_feed IF NOT EXISTS FOR (n:Watchlist) ON (n.feedDigest)',
  'CREATE INDEX webhook_delivery_watchlist IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.watchlist, n.at)',
  // The dashboard's latest reviewed events: only reviewed events have `review` (auto ones carry no mark), so the
  // index holds those alone, in date order.
  'CREATE INDEX event_review_date IF NOT EXISTS FOR (n:Event) ON (n.review, n.date)',
  'CREATE INDEX event_place_unresolved IF NOT EXISTS FOR (n:Event) ON (n.placeUnresolved)',
  // An actor's events in date order, of any type or of one (participation-order.ts): who-did-what reads a page of
  // them from the cursor on.
  'CREATE INDEX participation_order IF NOT EXISTS FOR ()-[p:PARTICIPATED_IN]-() ON (p.actor, p.date, p.event)',
  'CREATE INDEX participation_type_order IF NOT EXISTS FOR ()-[p:PARTICIPATED_IN]-() ON (p.actor, p.type, p.date, p.event)',
  // One affiliation per holder, counterpart and role (affiliation-key.ts).
  'CREATE CONSTRAINT affiliation_key IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() REQUIRE r.key IS UNIQUE',
];

/** The name each statement gives its index or constraint. */
const nameOf = (statement: string) => /^CREATE (?:CONSTRAINT|(?:FULLTEXT )?INDEX) (\w+) IF NOT EXISTS/.exec(statement)?.[1];

/**
 * Runs the statements whose index or constraint the database lacks by name (what IF NOT EXISTS would skip is
 * skipped here without a schema transaction each: a few dozen round trips at every start and load).
 */
export async function ensureSchema(db: Db): Promise<void> {
  const names = async (kind: 'INDEXES' | 'CONSTRAINTS') => {
    const { records } = await db.driver.executeQuery(`SHOW ${kind} YIELD name RETURN collect(name) AS names`, {}, { database: db.database });
    return (records[0]?.get('names') as string[] | undefined) ?? [];
  };
  const existing = new Set([...(await names('INDEXES')), ...(await names('CONSTRAINTS'))]);
  for (const statement of SCHEMA) {
    const name = nameOf(statement);
    if (name === undefined || !existing.has(name)) await db.driver.executeQuery(statement, {}, { database: db.database });
  }
  await db.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: db.database });
}

/** Databases whose schema this process has ensured, each once (the schema is never dropped). */
const schemaReady = new WeakMap<Db, Promise<void>>();

export function ensureSchemaOnce(db: Db): Promise<void> {
  let ensuring = schemaReady.get(db);
  if (!ensuring) {
    ensuring = ensureSchema(db);
    schemaReady.set(db, ensuring);
    // A schema that could not be ensured (the database down) is tried again by the next write.
    ensuring.catch(() => schemaReady.delete(db));
  }
  return ensuring;
}
