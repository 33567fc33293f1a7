import neo4j, { type ManagedTransaction, type Transaction } from 'neo4j-driver';
import type { Db } from '../db/query';

/**
 * The Cypher of backups and restores. Labels and relationship types cannot be parameters: they are checked as
 * plain identifiers by the backup's schema (backup.schemas.ts) and written quoted.
 */

const quote = (name: string) => `\`${name}\``;

/** Marks what a restore creates, so relationships find their ends by the node's number in the file. */
const RESTORING = '_KbRestoring';
const KEY = '_kbRestoreKey';

export interface StoredNode {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}
export interface StoredRelationship {
  from: string;
  to: string;
  type: string;
  props: Record<string, unknown>;
}

export async function lastMigration(tx: Transaction): Promise<number> {
  const { records } = await tx.run('MATCH (m:Migration) RETURN coalesce(max(m.id), 0) AS last');
  const last = records[0]?.get('last') as unknown;
  return neo4j.isInt(last) ? last.toNumber() : Number(last ?? 0);
}

/** Every node, streamed (the caller pulls as it writes). */
export async function* streamNodes(tx: Transaction): AsyncGenerator<StoredNode> {
  for await (const record of tx.run('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props')) {
    yield { id: record.get('id') as string, labels: record.get('labels') as string[], props: record.get('props') as Record<string, unknown> };
  }
}

export async function* streamRelationships(tx: Transaction): AsyncGenerator<StoredRelationship> {
  const cypher = 'MATCH (a)-[r]->(b) RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS props';
  for await (const record of tx.run(cypher)) {
    yield {
      from: record.get('from') as string,
      to: record.get('to') as string,
      type: record.get('type') as string,
      props: record.get('props') as Record<string, unknown>,
    };
  }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const { records } = await db.driver.executeQuery('RETURN EXISTS { MATCH (n) } AS any', {}, { database: db.database });
  return records[0]?.get('any') === false;
}

/** Every node and relationship removed, in batches (the restore's clean slate, and its undoing). */
export async function wipe(db: Db): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

export async function prepareRestore(db: Db): Promise<void> {
  await db.driver.executeQuery(`CREATE INDEX kb_restore_key IF NOT EXISTS FOR (n:${RESTORING}) ON (n.${KEY})`, {}, { database: db.database });
  await db.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: db.database });
}

export async function finishRestore(db: Db): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await session.run(`MATCH (n:${RESTORING}) CALL (n) { REMOVE n:${RESTORING}, n.${KEY} } IN TRANSACTIONS OF 10000 ROWS`);
  } finally {
    await session.close();
  }
  await db.driver.executeQuery('DROP INDEX kb_restore_key IF EXISTS', {}, { database: db.database });
}

/** Creates nodes that share one set of labels; `key` is each node's number in the file. */
export async function createNodes(tx: ManagedTransaction, labels: readonly string[], rows: Array<{ key: number; props: Record<string, unknown> }>) {
  const cypher = `UNWIND $rows AS row CREATE (n:${[RESTORING, ...labels].map(quote).join(':')}) SET n = row.props, n.${KEY} = row.key`;
  await tx.run(cypher, { rows: rows.map((row) => ({ key: neo4j.int(row.key), props: row.props })) });
}

export async function createRelationships(tx: ManagedTransaction, type: string, rows: Array<{ from: number; to: number; props: Record<string, unknown> }>) {
  const cypher = `
    UNWIND $rows AS row
    MATCH (a:${RESTORING} {${KEY}: row.from})
    MATCH (b:${RESTORING} {${KEY}: row.to})
    CREATE (a)-[r:${quote(type)}]->(b) SET r = row.props`;
  await tx.run(cypher, { rows: rows.map((row) => ({ from: neo4j.int(row.from), to: neo4j.int(row.to), props: row.props })) });
}
