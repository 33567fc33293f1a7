import type { Facts } from '../domain/model';
import type { FileProblem } from '../domain/errors';

/** A facts file that passed the schema, with the name it was read from. */
export interface FactsEntry {
  file: string;
  facts: Facts;
}

/**
 * The checks a schema cannot make: event and article ids unique across everything loaded together, every reference
 * resolving (to this load or to actors the database already has), every quote verbatim in its article.
 * `knownActorIds` are actors already in the database.
 */
export function checkFacts(entries: readonly FactsEntry[], knownActorIds: ReadonlySet<string>): FileProblem[] {
  const checker = new FactsChecker();
  for (const entry of entries) checker.add(entry);
  return checker.finish(knownActorIds);
}

/**
 * What the checks need of one document: its ids, its references, and the problems of its quotes (checked against
 * its own article, so the text itself need not travel). Plain data, made by digestOf.
 */
export interface FactsDigest {
  file: string;
  article: string;
  actors: Array<{ id: string; kind: string }>;
  events: string[];
  references: PendingReference[];
  quoteProblems: FileProblem[];
}

export function digestOf(entry: FactsEntry): FactsDigest {
  const { file, facts } = entry;
  return {
    file,
    article: facts.article.id,
    actors: facts.actors.map(({ id, kind }) => ({ id, kind })),
    events: facts.events.map((e) => e.id),
    references: references(entry),
    quoteProblems: checkQuotes(entry),
  };
}

interface PendingReference {
  file: string;
  path: string;
  /** `self`: a link from an event to itself, reported among the references. */
  kind: 'actor' | 'event' | 'self';
  id: string;
}

/**
 * The same checks, one facts document at a time, keeping only ids (where each was first defined, each actor's
 * kind) and the references not yet resolved: a load of a million events is checked in full before its first
 * write without holding its documents in memory. Problems come out in the order `checkFacts` has always
 * given them: duplicate articles, duplicate actors within a file, conflicting actor kinds, duplicate events,
 * unresolved references, quotes.
 */
export class FactsChecker {
  private readonly articles = new Map<string, string>();
  private readonly events = new Map<string, string>();
  private readonly actorKinds = new Map<string, { kind: string; file: string }>();
  private readonly pending: PendingReference[] = [];
  private readonly found = {
    articles: [] as FileProblem[],
    actors: [] as FileProblem[],
    conflicts: [] as FileProblem[],
    events: [] as FileProblem[],
    quotes: [] as FileProblem[],
  };

  add(entry: FactsEntry): void {
    this.addDigest(digestOf(entry));
  }

  /** A document's digest (digestOf), made where the document was read: another thread, say. */
  addDigest({ file, article, actors, events, references, quoteProblems }: FactsDigest): void {
    firstDefinition(this.articles, file, [[article, 'article.id']], this.found.articles);
    firstDefinition(
      new Map(),
      file,
      actors.map((actor, i) => [actor.id, `actors[${i}].id`]),
      this.found.actors,
    );
    actors.forEach((actor, i) => {
      const first = this.actorKinds.get(actor.id);
      if (!first) this.actorKinds.set(actor.id, { kind: actor.kind, file });
      else if (first.kind !== actor.kind) {
        this.found.conflicts.push({ file, path: `actors[${i}].kind`, reason: `"${actor.id}" is a ${first.kind} in ${first.file}, here a ${actor.kind}` });
      }
    });
    firstDefinition(
      this.events,
      file,
      events.map((id, i) => [id, `events[${i}].id`]),
      this.found.events,
    );
    // Only what is not resolved yet is kept: most references name actors and events defined by then.
    for (const ref of references) {
      const resolved = ref.kind === 'actor' ? this.actorKinds.has(ref.id) : ref.kind === 'event' && this.events.has(ref.id);
      if (!resolved) this.pending.push(ref);
    }
    this.found.quotes.push(...quoteProblems);
  }

  /** Actor ids referred to but not defined by anything added so far: these must be in the database. */
  undefinedActorRefs(): string[] {
    return [...new Set(this.pending.filter((r) => r.kind === 'actor' && !this.actorKinds.has(r.id)).map((r) => r.id))];
  }

  finish(knownActorIds: ReadonlySet<string>): FileProblem[] {
    const unresolved = this.pending.flatMap(({ file, path, kind, id }): FileProblem[] => {
      if (kind === 'actor') {
        return this.actorKinds.has(id) || knownActorIds.has(id) ? [] : [{ file, path, reason: `unknown actor "${id}": define it under actors` }];
      }
      if (kind === 'self') return [{ file, path, reason: 'an event cannot link to itself' }];
      return this.events.has(id) ? [] : [{ file, path, reason: `unknown event "${id}"` }];
    });
    const { articles, actors, conflicts, events, quotes } = this.found;
    return [...articles, ...actors, ...conflicts, ...events, ...unresolved, ...quotes];
  }
}

function firstDefinition(seen: Map<string, string>, file: string, ids: Array<[string, string]>, problems: FileProblem[]): void {
  for (const [id, path] of ids) {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, `${file} ${path}`);
    else problems.push({ file, path, reason: `duplicate id "${id}" (first defined at ${first})` });
  }
}

/** Every reference a document makes, in the order they are reported. */
function references({ file, facts }: FactsEntry): PendingReference[] {
  const refs: PendingReference[] = [];
  const actor = (id: string, path: string) => refs.push({ file, path, kind: 'actor', id });
  const event = (id: string, path: string) => refs.push({ file, path, kind: 'event', id });
  facts.events.forEach((e, i) => e.participants.forEach((p, j) => actor(p.actor, `events[${i}].participants[${j}].actor`)));
  facts.affiliations.forEach((a, i) => {
    actor(a.actor, `affiliations[${i}].actor`);
    actor(a.counterpart, `affiliations[${i}].counterpart`);
  });
  facts.links.forEach((link, i) => {
    event(link.from, `links[${i}].from`);
    event(link.to, `links[${i}].to`);
    if (link.from === link.to) refs.push({ file, path: `links[${i}]`, kind: 'self', id: link.from });
  });
  facts.reactions.forEach((r, i) => r.about.forEach((id, j) => event(id, `reactions[${i}].about[${j}]`)));
  return refs;
}

function checkQuotes({ file, facts }: FactsEntry): FileProblem[] {
  const { id, text } = facts.article;
  const sources = [
    ...facts.events.flatMap((e, i) => e.sources.map((s, j) => ({ source: s, path: `events[${i}].sources[${j}]` }))),
    ...facts.affiliations.flatMap((a, i) => (a.source ? [{ source: a.source, path: `affiliations[${i}].source` }] : [])),
  ];
  return sources.flatMap(({ source, path }): FileProblem[] => {
    if (source.article !== undefined && source.article !== id) {
      return [{ file, path: `${path}.article`, reason: `a facts file may only quote its own article "${id}"` }];
    }
    if (!text.includes(source.quote)) {
      return [{ file, path: `${path}.quote`, reason: `quote not found verbatim in article "${id}": "${source.quote.slice(0, 80)}"` }];
    }
    return [];
  });
}
