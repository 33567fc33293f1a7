import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
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

const HISTORY = `
  MATCH (e:Event {id: $id})
  RETURN { id: e.id, status: coalesce(e.review, 'auto'), definedIn: e.definedIn,
           items: COLLECT { MATCH (c:Change {entity: 'event', entityId: $id})
                            WITH c ORDER BY c.at, c.seq, c.id
                            RETURN c { at: toString(c.at), .user, .action, .summary, .before, .after } AS c } } AS history`;

export interface HistoryRow {
  id: string;
  status: 'reviewed' | 'auto';
  definedIn: string | null;
  items: Array<Omit<Change, 'before' | 'after'> & { before: string | null; after: string | null }>;
}

export function readEventHistory(db: Db, id: string): Promise<HistoryRow | undefined> {
  return readOne<HistoryRow>(db, HISTORY, { id });
}
