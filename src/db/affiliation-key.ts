/**
 * One affiliation per holder, counterpart and role. The database enforces it: each AFFILIATED_WITH carries `key`
 * (`holder|counterpart|role`), and the constraint `affiliation_key` (schema.ts) refuses a second relationship with the
 * same key, so that an article's ingest merging an affiliation and a file load creating it at the same moment cannot
 * write it twice (the one that commits second fails, and is written again finding the first).
 *
 * Whatever creates an affiliation writes its key: the loader (from the rows' `key`), the bulk import's files and
 * the benchmarks' loads (from the row's columns, AFFILIATION_KEY).
 */
export const affiliationKey = (holder: string, counterpart: string, role: string) => `${holder}|${counterpart}|${role}`;

/** The same key in Cypher, from three expressions (column names, properties). */
export const AFFILIATION_KEY = (holder: string, counterpart: string, role: string) => `${holder} + '|' + ${counterpart} + '|' + ${role}`;

/**
 * Copies of one affiliation written before the constraint existed (the race above): the first is kept, the others
 * removed. They were written from the same statement of an article, so they hold the same properties.
 */
export const REMOVE_DUPLICATE_AFFILIATIONS = `
  MATCH (a:Actor)-[r:AFFILIATED_WITH]->(c:Actor)
  WITH a, c, r.role AS role, collect(r) AS copies WHERE size(copies) > 1
  UNWIND tail(copies) AS copy
  DELETE copy`;

/** Every affiliation's key, where missing or stale, in batches: for a database written before keys existed. */
export const BACKFILL_AFFILIATION_KEYS = `
  MATCH (a:Actor)-[r:AFFILIATED_WITH]->(c:Actor)
  WHERE r.key IS NULL OR r.key <> ${AFFILIATION_KEY('a.id', 'c.id', 'r.role')}
  CALL (a, r, c) { SET r.key = ${AFFILIATION_KEY('a.id', 'c.id', 'r.role')} } IN TRANSACTIONS OF 10000 ROWS`;
