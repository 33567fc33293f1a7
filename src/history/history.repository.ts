import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { keyset } from '../db/keyset';
import { readOne, type Db } from '../db/query';
import type { Change } from './history.schemas';

/**
 * History as `(:Change {entity, entityId, at, user, action, summary, before, after})` nodes, found by the index
 * on (entity, entityId). They are written in the transaction that makes the change, so a change and its record
 * commit together or not at all.
 */
export interface ChangeRecord extends Change {
  entity: 'event' | 'actor' | 'link';
  entityId: string;
}

const RECORD = `
  UNWIND $changes AS c
  CREATE (:Change { id: c.id, seq: c.seq, entity: c.entity, entityId: c.entityId, at: datetime(c.at), user: c.user, action: c.action,
                    summary: c.summary, before: c.before, after: c.after })`;

export async function recordChanges(tx: ManagedTransaction, changes: readonly ChangeRecord[]): Promise<void> {
  if (changes.length === 0) return;
  // `seq` keeps the order a change was recorded in among records that share a moment (a commit stamps them all `now`).
  const rows = changes.map((c, seq) => ({
    ...c,
    id: randomUUID(),
    seq,
    before: c.before === null || c.before === undefined ? null : JSON.stringify(c.before),
    after: c.after === null || c.after === undefined ? null : JSON.stringify(c.after),
  }));
  await tx.run(RECORD, { changes: rows });
}

/** Oldest first; a batch stamped with one moment in the order it was recorded (records before `seq` count as first). */
export const HISTORY_ORDER = keyset('history', [
  { expr: 'c.at', kind: 'datetime' },
  { expr: 'coalesce(c.seq, 0)', kind: 'int' },
  { expr: 'c.id', kind: 'string' },
]);

const HISTORY = (after: string) => `
  MATCH (e:Event {id: $id})
  RETURN { id: e.id, status: coalesce(e.review, 'auto'), definedIn: e.definedIn,
           rows: COLLECT { MATCH (c:Change {entity: 'event', entityId: $id}) WHERE ${after}
                           WITH c ORDER BY ${HISTORY_ORDER.orderBy} LIMIT $limit
                           RETURN { item: c { at: toString(c.at), .user, .action, .summary, .before, .after },
                                    keys: ${HISTORY_ORDER.keys} } AS row } } AS history`;

export type StoredChange = Omit<Change, 'before' | 'after'> & { before: string | null; after: string | null };

export interface HistoryRow {
  id: string;
  status: 'reviewed' | 'auto';
  definedIn: string | null;
  rows: Array<{ item: StoredChange; keys: unknown[] }>;
}

/** The event and up to `limit` of its changes after the cursor's keys (`after`, null for the first page). */
export function readEventHistory(db: Db, id: string, limit: number, after: unknown[] | null): Promise<HistoryRow | undefined> {
  return readOne<HistoryRow>(db, HISTORY(HISTORY_ORDER.after(after)), { id, limit, after });
}
