import { randomBytes } from 'node:crypto';
import { requireActor } from '../actors/actors.service';
import type { Config } from '../config/settings';
import type { Db } from '../db/query';
import { FetchError, safeFetch, type FetchLimits } from '../net/safe-fetch';
import { cursorKeys } from '../db/keyset';
import { pageFrom } from '../domain/cursor';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { extractParsed } from '../ingest/extract';
import { findReportedEvents, findStoredArticle, readKnownActors } from '../ingest/ingest.repository';
import { articleIdFor } from '../ingest/ingest.service';
import { chooseMatches } from '../ingest/known-events';
import { buildDraft, duplicateQueries } from './build';
import { commitDraft } from './commit';
import * as repository from './drafts.repository';
import {
  MAX_DRAFT_TEXT,
  type Committed,
  type Draft,
  type DraftActor,
  type DraftEventEdit,
  type DraftList,
  type DraftRequest,
  type NewDraftActor,
  type NewDraftEvent,
} from './drafts.schemas';
import { articleOfPage } from './page-text';
import * as review from './review';
import type { z } from 'zod';

/** An article as it reaches drafting: its text and what is known of it. */
export interface ArticleForDraft {
  id?: string;
  title: string;
  text: string;
  publishedAt: string;
  publisher?: string | null;
  url?: string | null;
  byline?: string | null;
}

const newDraftId = () => `draft-${randomBytes(6).toString('hex')}`;

/**
 * Drafts an article: extracts its events (names resolved against the actors the graph holds), offers the known
 * events each likely duplicates, and stores the draft. An open draft of the same article is returned as it is.
 */
export async function createDraft(db: Db, article: ArticleForDraft, principal: Principal): Promise<{ draft: Draft; created: boolean }> {
  const articleId = article.id ?? articleIdFor(article.title);
  await refuseStored(db, articleId, article.text);
  const open = await repository.openDraftOf(db, articleId);
  if (open) {
    const draft = await getDraft(db, open);
    if (draft.article.text.trim() !== article.text.trim()) {
      throw new ConflictError(`An open draft (${open}) already holds an article with id "${articleId}" and a different text; give this one another id.`);
    }
    return { draft, created: false };
  }
  const extraction = await extractParsed({ text: article.text, publishedAt: article.publishedAt, title: article.title, articleId }, await readKnownActors(db));
  const matches = chooseMatches(await findReportedEvents(db, articleId, duplicateQueries(extraction)));
  const draft = buildDraft({
    id: newDraftId(),
    now: new Date().toISOString(),
    user: principal.name,
    article: {
      id: articleId,
      title: article.title,
      publisher: article.publisher ?? null,
      url: article.url ?? null,
      byline: article.byline ?? null,
      publishedAt: article.publishedAt,
      text: article.text,
    },
    extraction,
    knownEvents: new Map([...matches].map(([index, m]) => [index, { id: m.id, title: m.title }])),
  });
  await repository.createDraft(db, draft);
  return { draft, created: true };
}

async function refuseStored(db: Db, id: string, text: string): Promise<void> {
  const stored = await findStoredArticle(db, id);
  if (!stored) return;
  throw new ConflictError(
    stored.text.trim() === text.trim()
      ? `The article "${id}" is already in the knowledge base.`
      : `An article with id "${id}" is already in the knowledge base with a different text; give the new one another id.`,
  );
}

export async function getDraft(db: Db, id: string): Promise<Draft> {
  const found = await repository.findDraft(db, id);
  if (!found) throw new NotFoundError('draft', id);
  return found.draft;
}

export async function listDrafts(db: Db, query: { status?: Draft['status']; limit: number; cursor?: string }): Promise<z.infer<typeof DraftList>> {
  const after = cursorKeys(repository.DRAFT_ORDER, query.cursor);
  const rows = await repository.listDrafts(db, query.status ?? 'open', query.limit + 1, after);
  return pageFrom(rows, query.limit, repository.DRAFT_ORDER.codec);
}

/**
 * Reads the draft, changes it, writes it back if nobody wrote it meanwhile; otherwise reads it again and
 * repeats (two editors deciding different events of one draft both keep their steps).
 */
async function change<T>(db: Db, id: string, apply: (draft: Draft, now: string) => { draft: Draft; value: T }): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const found = await repository.findDraft(db, id);
    if (!found) throw new NotFoundError('draft', id);
    const { draft, value } = apply(found.draft, new Date().toISOString());
    if (draft === found.draft || (await repository.updateDraft(db, draft, found.version))) return value;
  }
  throw new ConflictError(`Draft ${id} is being changed by others right now; try again.`);
}

export function editEvent(db: Db, id: string, key: number, edit: DraftEventEdit, principal: Principal): Promise<Draft> {
  return change(db, id, (draft, now) => {
    const next = review.editEvent(draft, key, edit, principal.name, now);
    return { draft: next, value: next };
  });
}

export function addEvent(db: Db, id: string, input: NewDraftEvent, principal: Principal): Promise<Draft> {
  return change(db, id, (draft, now) => {
    const { draft: next } = review.addEvent(draft, input, principal.name, now);
    return { draft: next, value: next };
  });
}

/** Names an actor in the draft: one the graph has (`{ id }`), or a new one it will create when committed. */
export async function addActor(db: Db, id: string, input: NewDraftActor | { id: string }): Promise<DraftActor> {
  const known = 'id' in input ? await requireActor(db, input.id) : undefined;
  const actor: NewDraftActor | DraftActor = known ? { id: known.id, name: known.name, kind: known.kind, known: true, aliases: [] } : (input as NewDraftActor);
  return change(db, id, (draft, now) => {
    const { draft: next, actor: added } = review.addActor(draft, actor, now);
    return { draft: next, value: added };
  });
}

export function acceptAbove(db: Db, id: string, confidence: number, principal: Principal): Promise<{ accepted: number; draft: Draft }> {
  return change(db, id, (draft, now) => {
    const { draft: next, accepted } = review.acceptAbove(draft, confidence, principal.name, now);
    return { draft: next, value: { accepted, draft: next } };
  });
}

export function discardDraft(db: Db, id: string): Promise<Draft> {
  return change(db, id, (draft, now) => {
    const next = review.discard(draft, now);
    return { draft: next, value: next };
  });
}

export async function commit(db: Db, id: string, principal: Principal): Promise<Committed> {
  const draft = await getDraft(db, id);
  review.requireOpen(draft);
  if (draft.events.some((e) => e.mergeInto !== null && e.decision === 'accepted')) await checkMergeTargets(db, draft);
  return commitDraft(db, draft, principal);
}

async function checkMergeTargets(db: Db, draft: Draft): Promise<void> {
  for (const event of draft.events) {
    if (event.decision !== 'accepted' || event.mergeInto === null) continue;
    if (!(await repository.eventExists(db, event.mergeInto)))
      throw new InvalidError(`events[${event.key}].mergeInto`, `no known event "${event.mergeInto}" to merge into`);
  }
}

/** What the settings allow an article fetch. */
export const fetchLimitsOf = (config: Pick<Config, 'FETCH_ALLOW_PRIVATE' | 'FETCH_TIMEOUT_S' | 'FETCH_MAX_BYTES'>): FetchLimits => ({
  allowPrivate: config.FETCH_ALLOW_PRIVATE,
  timeoutMs: config.FETCH_TIMEOUT_S * 1000,
  maxBytes: config.FETCH_MAX_BYTES,
  maxRedirects: 5,
});

/**
 * The article a request names: its text as given, or fetched from its address (within the limits; a refused or
 * failed fetch stores nothing) with the page's main text taken. What the request gives overrides the page.
 */
export async function articleOf(request: DraftRequest, limits: FetchLimits): Promise<ArticleForDraft> {
  const page = request.url === undefined ? null : await fetchArticle(request.url, limits);
  const text = request.text ?? page?.text ?? '';
  const publishedAt = request.published ?? page?.publishedAt;
  if (!publishedAt) throw new InvalidError('published', 'the page gives no publication date: pass published (YYYY-MM-DD)');
  return {
    ...(request.id ? { id: request.id } : {}),
    title: request.title ?? page?.title ?? firstLine(text),
    text,
    publishedAt,
    publisher: request.publisher ?? null,
    url: request.url ?? null,
    byline: page?.byline ?? null,
  };
}

export async function draftFromRequest(db: Db, request: DraftRequest, principal: Principal, limits: FetchLimits) {
  return createDraft(db, await articleOf(request, limits), principal);
}

const firstLine = (text: string) => (text.split('\n').find((line) => line.trim().length > 0) ?? 'Untitled').trim().slice(0, 500);

async function fetchArticle(url: string, limits: FetchLimits) {
  let fetched: Awaited<ReturnType<typeof safeFetch>>;
  try {
    fetched = await safeFetch(url, limits);
  } catch (error) {
    if (error instanceof FetchError) throw new InvalidError('url', error.message);
    throw error;
  }
  if (fetched.status >= 400) throw new InvalidError('url', `The page answered ${fetched.status}.`);
  if (!/^(?:text\/html|application\/xhtml\+xml)\b/i.test(fetched.contentType)) {
    throw new InvalidError('url', `The address is not a web page (${fetched.contentType || 'no content type'}).`);
  }
  const article = articleOfPage(fetched.body.toString('utf8'));
  if (!article) throw new InvalidError('url', 'No article text could be found on the page.');
  if (article.text.length > MAX_DRAFT_TEXT) throw new InvalidError('url', `The article is longer than ${MAX_DRAFT_TEXT} characters.`);
  return article;
}
