import neo4j, { type ManagedTransaction, type Transaction } from 'neo4j-driver';
import { runInBatches, type Db } from '../db/query';

/**
 * The Cypher of backups and restores. Labels and relationship types cannot be parameters: they are checked as
 * plain identifiers by the backup's schema (backup.schemas.ts) and written quoted.
 */

const quote = (name: string) => `\`${name}\``;

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
export const wipe = (db: Db): Promise<void> => runInBatches(db, ['MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS']);

/**
 * Creates nodes that share one set of labels and returns the element id of each, by its number in the file (what
 * the relationships are joined by: a seek by element id, with no temporary label, property or index to clean up).
 */
export async function createNodes(
  tx: ManagedTransaction,
  labels: readonly string[],
  rows: Array<{ key: number; props: Record<string, unknown> }>,
): Promise<Array<[number, string]>> {
  const cypher = `UNWIND $rows AS row CREATE (n${labels.map((label) => `:${quote(label)}`).join('')}) SET n = row.props RETURN row.key AS key, elementId(n) AS id`;
  const { records } = await tx.run(cypher, { rows: rows.map((row) => ({ key: neo4j.int(row.key), props: row.props })) });
  return records.map((record) => [(record.get('key') as { toNumber(): number }).toNumber(), record.get('id') as string]);
}

export async function createRelationships(tx: ManagedTransaction, type: string, rows: Array<{ from: string; to: string; props: Record<string, unknown> }>) {
  const cypher = `
    UNWIND $rows AS row
    MATCH (a) WHERE elementId(a) = row.from
    MATCH (b) WHERE elementId(b) = row.to
    CREATE (a)-[r:${quote(type)}]->(b) SET r = row.props`;
  await tx.run(cypher, { rows });
}
