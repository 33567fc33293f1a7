import type { ManagedTransaction } from 'neo4j-driver';
import { keyset } from '../db/keyset';
import { read, readOne, write, type Db } from '../db/query';
import type { Draft, DraftSummary } from './drafts.schemas';

/**
 * Drafts as `(:Draft)` nodes: what lists need as properties (status, title, counts, times), the rest (article,
 * actors, events, their review steps) as one JSON document, since a draft is read and written whole. `version`
 * counts the writes: an update names the version it read, so two editors never overwrite each other's steps.
 */
type Body = Pick<Draft, 'article' | 'actors' | 'events' | 'committed'>;

const bodyOf = (draft: Draft): string => JSON.stringify({ article: draft.article, actors: draft.actors, events: draft.events, committed: draft.committed });

const countsOf = (draft: Draft) => ({
  eventCount: draft.events.length,
  pendingCount: draft.events.filter((e) => e.decision === 'pending').length,
});

const CREATE = `
  CREATE (d:Draft { id: $id, status: $status, createdAt: datetime($createdAt), createdBy: $createdBy, updatedAt: datetime($createdAt),
                    title: $title, publishedAt: $publishedAt, articleId: $articleId, eventCount: $eventCount,
                    pendingCount: $pendingCount, body: $body, version: 1 })`;

export async function createDraft(db: Db, draft: Draft): Promise<void> {
  await write(db, CREATE, {
    id: draft.id,
    status: draft.status,
    createdAt: draft.createdAt,
    createdBy: draft.createdBy,
    title: draft.article.title,
    publishedAt: draft.article.publishedAt,
    articleId: draft.article.id,
    ...countsOf(draft),
    body: bodyOf(draft),
  });
}

interface DraftRow {
  id: string;
  status: Draft['status'];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  body: string;
  version: number;
}

const FIND = `
  MATCH (d:Draft {id: $id})
  RETURN d { .id, .status, createdAt: toString(d.createdAt), .createdBy, updatedAt: toString(d.updatedAt), .body, .version } AS draft`;

export async function findDraft(db: Db, id: string): Promise<{ draft: Draft; version: number } | undefined> {
  const row = await readOne<DraftRow>(db, FIND, { id });
  return row && { draft: toDraft(row), version: row.version };
}

function toDraft(row: DraftRow): Draft {
  const body = JSON.parse(row.body) as Body;
  return { id: row.id, status: row.status, createdAt: row.createdAt, createdBy: row.createdBy, updatedAt: row.updatedAt, ...body };
}

const UPDATE = `
  MATCH (d:Draft {id: $id}) WHERE d.version = $version
  SET d.status = $status, d.updatedAt = datetime(), d.title = $title, d.eventCount = $eventCount,
      d.pendingCount = $pendingCount, d.body = $body, d.version = d.version + 1
  RETURN toString(d.updatedAt) AS updatedAt`;

/** Writes the draft if nobody wrote it since `version` was read; false when somebody did. */
export async function updateDraft(db: Db, draft: Draft, version: number): Promise<boolean> {
  const { rows } = await write(db, UPDATE, {
    id: draft.id,
    version,
    status: draft.status,
    title: draft.article.title,
    ...countsOf(draft),
    body: bodyOf(draft),
  });
  return rows.length > 0;
}

/**
 * Inside a commit's transaction: takes the draft's lock first (a write to the node), then reads its status as
 * committed by now, so of two editors committing at once the second finds it committed and writes nothing.
 */
export async function lockDraft(tx: ManagedTransaction, id: string): Promise<{ status: Draft['status']; version: number } | undefined> {
  const { records } = await tx.run('MATCH (d:Draft {id: $id}) SET d.lockedAt = datetime() RETURN d.status AS status, d.version AS version', { id });
  const record = records[0];
  if (!record) return undefined;
  return { status: record.get('status') as Draft['status'], version: Number(record.get('version')) };
}

export async function markCommitted(tx: ManagedTransaction, draft: Draft): Promise<void> {
  const cypher = `
    MATCH (d:Draft {id: $id})
    SET d.status = 'committed', d.updatedAt = datetime(), d.pendingCount = 0, d.body = $body, d.version = d.version + 1`;
  await tx.run(cypher, { id: draft.id, body: bodyOf(draft) });
}

/** Newest first, drafts made the same moment by id. */
export const DRAFT_ORDER = keyset('drafts', [
  { expr: 'd.createdAt', kind: 'datetime', desc: true },
  { expr: 'd.id', kind: 'string' },
]);

const LIST = (after: string) => `
  MATCH (d:Draft) WHERE d.status = $status AND ${after}
  WITH d ORDER BY ${DRAFT_ORDER.orderBy} LIMIT $limit
  RETURN d { .id, .status, .title, .publishedAt, createdAt: toString(d.createdAt), .createdBy, .eventCount, .pendingCount } AS item,
         ${DRAFT_ORDER.keys} AS keys`;

/** Up to `limit` drafts of a status after the cursor's keys (`after`, null for the first page), each with its sort keys. */
export function listDrafts(db: Db, status: Draft['status'], limit: number, after: unknown[] | null): Promise<Array<{ item: DraftSummary; keys: unknown[] }>> {
  return read<{ item: DraftSummary; keys: unknown[] }>(db, LIST(DRAFT_ORDER.after(after)), { status, limit, after });
}

/** An open draft of the same article id, if any: posting an article twice finds its draft. */
export async function openDraftOf(db: Db, articleId: string): Promise<string | undefined> {
  return readOne<string>(db, "MATCH (d:Draft {articleId: $articleId, status: 'open'}) RETURN d.id AS id ORDER BY d.createdAt DESC LIMIT 1", { articleId });
}

export async function eventExists(db: Db, id: string): Promise<boolean> {
  return (await readOne<string>(db, 'MATCH (e:Event {id: $id}) RETURN e.id AS id', { id })) !== undefined;
}
