import type { FileProblem } from '../domain/errors';
import type { ActorRecord, AffiliationRecord, ArticleRecord, ExportEvent } from '../exports/exports.schemas';
import type { ReadEvent } from './read-event';

/** An actor as a facts file defines it: its affiliations travel apart, with the article that reports them. */
export type ActorDefinition = Omit<ActorRecord, 'affiliations'>;
/** An article as a facts file describes it: its reactions travel apart, filtered to the events of its load. */
export type ArticleMeta = Omit<ArticleRecord, 'reactions'>;
export type Reactions = NonNullable<ArticleRecord['reactions']>;

export interface HeldAffiliation {
  holder: string;
  affiliation: AffiliationRecord;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Everything the file says, each thing once by its id. Exports repeat an actor or article on every record
 * that names it, so each repetition must say the same; one that differs is a problem naming both places.
 */
export class Gathered {
  readonly actors = new Map<string, { record: ActorDefinition; where: string }>();
  readonly articles = new Map<string, { record: ArticleMeta; where: string }>();
  readonly reactions = new Map<string, Reactions>();
  readonly affiliations = new Map<string, HeldAffiliation>();
  /** article id → event id → its quotes from that article, in order */
  readonly articleEvents = new Map<string, Map<string, string[]>>();
  readonly articleAffiliations = new Map<string, HeldAffiliation[]>();
  readonly events = new Map<string, { event: ExportEvent; where: string }>();
  readonly problems: FileProblem[] = [];

  constructor(private readonly file: string) {}

  add({ event, where }: ReadEvent): void {
    const previous = this.events.get(event.id);
    if (previous) {
      this.report(where, `event "${event.id}" is already at ${previous.where}`);
      return;
    }
    this.events.set(event.id, { event, where });
    for (const { actor } of event.participants) {
      this.defineActor(actor, where);
      for (const affiliation of actor.affiliations ?? []) this.addAffiliation(actor.id, affiliation, where);
    }
    for (const source of event.sources) this.addQuote(event.id, source, where);
  }

  private addAffiliation(holder: string, affiliation: AffiliationRecord, where: string): void {
    this.defineActor(affiliation.counterpart, where);
    this.defineArticle(affiliation.article, where);
    const key = `${holder}|${affiliation.role}|${affiliation.counterpart.id}`;
    const known = this.affiliations.get(key);
    if (known) {
      if (!same(known.affiliation, affiliation)) this.report(where, `affiliation ${key} is described twice, differently`);
      return;
    }
    const entry = { holder, affiliation };
    this.affiliations.set(key, entry);
    const list = this.articleAffiliations.get(affiliation.article.id) ?? [];
    list.push(entry);
    this.articleAffiliations.set(affiliation.article.id, list);
  }

  private addQuote(eventId: string, source: ExportEvent['sources'][number], where: string): void {
    this.defineArticle(source.article, where);
    const byEvent = this.articleEvents.get(source.article.id) as Map<string, string[]>;
    const quotes = byEvent.get(eventId) ?? [];
    if (!quotes.includes(source.quote)) quotes.push(source.quote);
    byEvent.set(eventId, quotes);
  }

  private defineActor(actor: ActorRecord, where: string): void {
    const { affiliations: _roles, ...record } = actor;
    const known = this.actors.get(record.id);
    if (!known) this.actors.set(record.id, { record, where });
    else if (!same(known.record, record)) this.report(where, `actor "${record.id}" is described differently at ${known.where}`);
  }

  private defineArticle({ reactions: articleReactions, ...record }: ArticleRecord, where: string): void {
    const known = this.articles.get(record.id);
    if (!known) {
      this.articles.set(record.id, { record, where });
      this.articleEvents.set(record.id, new Map());
    } else if (!same(known.record, record)) {
      this.report(where, `article "${record.id}" is described differently at ${known.where}`);
    }
    if (articleReactions && !this.reactions.has(record.id)) this.reactions.set(record.id, articleReactions);
  }

  private report(where: string, reason: string): void {
    this.problems.push({ file: this.file, path: where, reason });
  }
}

export function gatherRecords(file: string, read: readonly ReadEvent[]): Gathered {
  const gathered = new Gathered(file);
  for (const record of read) gathered.add(record);
  return gathered;
}
