import { createHash } from 'node:crypto';
import type { Db } from '../db/query';
import { ConflictError } from '../domain/errors';
import type { Actor, Article, Facts, EventType } from '../domain/model';
import type { Parser } from '../nlp/parser';
import { extractParsed, toFactsFile, type Extraction } from './extract';
import { slugify } from './extract/gazetteer';
import { findStoredArticle, MAX_KNOWN_ACTORS, readArticleReport, readKnownActors } from './ingest.repository';
import { loadEntries } from './load';
import { existingActorIds } from './load.repository';
import { mergeReports, type MergeDecision } from './known-events';

/**
 * From an article's text to facts in the knowledge base: extract draft facts (resolving names against the
 * actors already known), merge the events the knowledge base already has (known-events.ts), load.
 * Used by `kb ingest` and POST /api/articles.
 */

/** An article as it is handed in: text and metadata; the id is derived from the title when not given. */
export type ArticleInput = Omit<Article, 'id'> & { id?: string };

export interface IngestedEvent {
  id: string;
  type: EventType;
  title: string;
  merged: boolean;
}

export interface IngestResult {
  /** False when the article was already in the knowledge base with this text: nothing was written. */
  created: boolean;
  article: { id: string; title: string };
  events: IngestedEvent[];
  actors: Array<{ id: string; name: string; created: boolean }>;
}

/** The article id is already taken by an article with another text: nothing is written. */
export class ArticleConflictError extends ConflictError {
  constructor(readonly articleId: string) {
    super(
      `An article with id "${articleId}" is already in the knowledge base with a different text; ` +
        'give the new one another id, or revise the stored one with `kb extract --out` and `kb load`.',
    );
    this.name = 'ArticleConflictError';
  }
}

const MAX_ID_LENGTH = 80;

/** A slug of the title, cut at a word boundary; a hash of the title when the title has no latin letters or digits. */
export function articleIdFor(title: string): string {
  const slug = slugify(title);
  if (slug.length === 0) return `article-${createHash('sha256').update(title).digest('hex').slice(0, 12)}`;
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ID_LENGTH);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_ID_LENGTH).replace(/-+$/, '');
}

export interface Draft {
  facts: Facts;
  extraction: Extraction;
}

/** Draft facts of an article, in the facts-file format the loader takes (validated by its schema). */
export async function draftFacts(input: ArticleInput, knownActors: readonly Actor[], parser?: Pick<Parser, 'parse'>): Promise<Draft> {
  const articleId = input.id ?? articleIdFor(input.title);
  const extractInput = { text: input.text, publishedAt: input.publishedAt, title: input.title, articleId };
  const extracted = await extractParsed(extractInput, knownActors, {}, parser);
  // an event needs someone who took part in it to be a fact the knowledge base can hold
  const events = extracted.events.filter((e) => e.agents.length + e.targets.length + e.sources.length > 0);
  const extraction: Extraction = { ...extracted, events };
  const { article, ...rest } = toFactsFile(extractInput, extraction, knownActors);
  if (!('text' in article)) throw new Error('the extractor returned an article without its text');
  const full: Article = { ...article, id: articleId };
  if (input.publisher !== undefined) full.publisher = input.publisher;
  if (input.url !== undefined) full.url = input.url;
  return { facts: { ...rest, article: full }, extraction };
}

/** The name of every actor a draft refers to: the ones it proposes and the ones already known. */
function actorNames(draft: Draft, knownActors: readonly Actor[]): Map<string, string> {
  return new Map([...knownActors.map((a) => [a.id, a.name] as const), ...draft.extraction.actors.map((a) => [a.id, a.name] as const)]);
}

/** The actors the knowledge base holds, to resolve names against (bounded: see MAX_KNOWN_ACTORS). */
export async function knownActorsOf(db: Db, onNote: (note: string) => void = () => {}): Promise<Actor[]> {
  const knownActors = await readKnownActors(db);
  if (knownActors.length >= MAX_KNOWN_ACTORS) {
    onNote(`only the first ${MAX_KNOWN_ACTORS} actors of the knowledge base were used to resolve names`);
  }
  return knownActors;
}

/** Draft facts merged with what the knowledge base has, ready to load; actors it already has are not redefined. */
export async function mergeDraft(db: Db, draft: Facts): Promise<{ facts: Facts; decisions: MergeDecision[] }> {
  const { facts, decisions } = await mergeReports(db, draft);
  const existing = await existingActorIds(
    db,
    facts.actors.map((a) => a.id),
  );
  return { facts: { ...facts, actors: facts.actors.filter((a) => !existing.has(a.id)) }, decisions };
}

function describeResult(facts: Facts, decisions: MergeDecision[], names: Map<string, string>): Omit<IngestResult, 'created'> {
  const created = new Set(facts.actors.map((a) => a.id));
  const participants = [...new Set(facts.events.flatMap((e) => e.participants.map((p) => p.actor)))];
  return {
    article: { id: facts.article.id, title: facts.article.title },
    events: facts.events.map((event, i) => ({
      id: event.id,
      type: event.type,
      title: decisions[i]?.title ?? event.title,
      merged: decisions[i]?.merged ?? false,
    })),
    actors: participants.map((id) => ({ id, name: names.get(id) ?? id, created: created.has(id) })),
  };
}

/**
 * Extracts and loads one article, in one transaction. An article already stored with the same text is not
 * extracted again (its facts may have been curated since): the answer describes what it reports, and nothing
 * is written. The same id with another text is a conflict.
 */
export async function ingestArticle(db: Db, input: ArticleInput, onNote?: (note: string) => void): Promise<IngestResult> {
  const id = input.id ?? articleIdFor(input.title);
  const stored = await findStoredArticle(db, id);
  if (stored) {
    if (stored.text.trim() !== input.text.trim()) throw new ArticleConflictError(id);
    const report = await readArticleReport(db, id);
    return {
      created: false,
      article: { id, title: stored.title },
      events: report.events.map((e) => ({ id: e.id, type: e.type as EventType, title: e.title, merged: e.merged })),
      actors: report.actors.map((a) => ({ id: a.id, name: a.name, created: false })),
    };
  }
  const knownActors = await knownActorsOf(db, onNote);
  const draft = await draftFacts({ ...input, id }, knownActors);
  const { facts, decisions } = await mergeDraft(db, draft.facts);
  await loadEntries(db, [{ file: `article ${id}`, facts }]);
  return { created: true, ...describeResult(facts, decisions, actorNames(draft, knownActors)) };
}
