import type { Facts } from '../domain/model';
import type { FileProblem } from './facts-file';

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
  const actorIds = new Set(knownActorIds);
  for (const { facts } of entries) for (const actor of facts.actors) actorIds.add(actor.id);
  const eventIds = new Set(entries.flatMap(({ facts }) => facts.events.map((event) => event.id)));
  return [
    ...duplicates(entries, (facts) => [[facts.article.id, 'article.id']]),
    ...entries.flatMap((entry) => duplicates([entry], (facts) => facts.actors.map((actor, i) => [actor.id, `actors[${i}].id`]))),
    ...conflictingActors(entries),
    ...duplicates(entries, (facts) => facts.events.map((event, i) => [event.id, `events[${i}].id`])),
    ...entries.flatMap((entry) => checkReferences(entry, actorIds, eventIds)),
    ...entries.flatMap(checkQuotes),
  ];
}

function duplicates(entries: readonly FactsEntry[], idsOf: (facts: Facts) => Array<[string, string]>): FileProblem[] {
  const seen = new Map<string, string>();
  const problems: FileProblem[] = [];
  for (const { file, facts } of entries) {
    for (const [id, path] of idsOf(facts)) {
      const first = seen.get(id);
      if (first === undefined) seen.set(id, `${file} ${path}`);
      else problems.push({ file, path, reason: `duplicate id "${id}" (first defined at ${first})` });
    }
  }
  return problems;
}

/**
 * Articles share actors, so several files may each define the same actor (the last one's wording wins);
 * but they must agree on what kind of actor it is.
 */
function conflictingActors(entries: readonly FactsEntry[]): FileProblem[] {
  const kinds = new Map<string, { kind: string; file: string }>();
  const problems: FileProblem[] = [];
  for (const { file, facts } of entries) {
    facts.actors.forEach((actor, i) => {
      const first = kinds.get(actor.id);
      if (!first) kinds.set(actor.id, { kind: actor.kind, file });
      else if (first.kind !== actor.kind) {
        problems.push({ file, path: `actors[${i}].kind`, reason: `"${actor.id}" is a ${first.kind} in ${first.file}, here a ${actor.kind}` });
      }
    });
  }
  return problems;
}

function checkReferences({ file, facts }: FactsEntry, actorIds: ReadonlySet<string>, eventIds: ReadonlySet<string>): FileProblem[] {
  const problems: FileProblem[] = [];
  const actor = (id: string, path: string) => {
    if (!actorIds.has(id)) problems.push({ file, path, reason: `unknown actor "${id}": define it under actors` });
  };
  const event = (id: string, path: string) => {
    if (!eventIds.has(id)) problems.push({ file, path, reason: `unknown event "${id}"` });
  };
  facts.events.forEach((e, i) => e.participants.forEach((p, j) => actor(p.actor, `events[${i}].participants[${j}].actor`)));
  facts.affiliations.forEach((a, i) => {
    actor(a.actor, `affiliations[${i}].actor`);
    actor(a.counterpart, `affiliations[${i}].counterpart`);
  });
  facts.links.forEach((link, i) => {
    event(link.from, `links[${i}].from`);
    event(link.to, `links[${i}].to`);
    if (link.from === link.to) problems.push({ file, path: `links[${i}]`, reason: 'an event cannot link to itself' });
  });
  facts.reactions.forEach((r, i) => r.about.forEach((id, j) => event(id, `reactions[${i}].about[${j}]`)));
  return problems;
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
