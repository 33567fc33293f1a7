import type { Db } from './query';

/**
 * Constraints and indexes, created before any write (every MERGE key has a uniqueness constraint, so
 * MERGE seeks instead of scanning the label). All are IF NOT EXISTS: running this twice is harmless.
 */
const SCHEMA = [
  'CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT reaction_id IF NOT EXISTS FOR (n:Reaction) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT actor_pair_id IF NOT EXISTS FOR (n:ActorPair) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)',
  'CREATE INDEX event_type_date IF NOT EXISTS FOR (n:Event) ON (n.type, n.date)',
  // The timeline's look-back reads the longest explicit span: through this index, the events that have an
  // end (a tenth of them in the synthetic corpus) instead of a scan of every event.
  'CREATE INDEX event_end_date IF NOT EXISTS FOR (n:Event) ON (n.endDate)',
  'CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)',
  'CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedAt)',
  'CREATE FULLTEXT INDEX actor_search IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliasText]',
  'CREATE FULLTEXT INDEX event_search IF NOT EXISTS FOR (n:Event) ON EACH [n.title, n.summary]',
];

export async function ensureSchema(db: Db): Promise<void> {
  for (const statement of SCHEMA) await db.driver.executeQuery(statement, {}, { database: db.database });
  await db.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: db.database });
}
