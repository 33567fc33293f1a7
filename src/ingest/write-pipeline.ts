import { LINK_KINDS } from '../domain/taxonomy';
import type { GraphRows } from './graph-rows';
import { lastDefinitions } from './load.repository';

/**
 * Which batches of a load may be written at the same time, and which actor rows a batch need not write again.
 *
 * A load writes its batches in order; with more than one transaction in flight, a batch must still see what the
 * batches before it wrote. A batch waits for an earlier one still in flight when it touches anything that one
 * writes: an actor whose row it writes (or refers to: a participant, an affiliation), an event it writes (or
 * links to, or reacts to), an affiliation or a link it states too. Otherwise the two share nothing the loader's statements match on, and the order they
 * commit in does not change the graph. The wait on a shared affiliation is also what keeps two batches from both
 * creating it: a file load creates the affiliations it does not find, without merging (load.repository.ts). Places
 * are merged under a uniqueness constraint, so two transactions wait for each other rather than duplicate one; the
 * activity summaries of the events they create and the role links of their affiliations are written at the end of
 * the load (deferred-summaries.ts).
 */

export interface BatchFootprint {
  /** Actors and events the batch writes. */
  writes: Set<string>;
  /** Everything the batch writes or refers to (`writes` included). */
  touches: Set<string>;
}

/** Actors and events live in separate id spaces; their ids are kept apart by a prefix. */
const actorKey = (id: string) => `a:${id}`;
const eventKey = (id: string) => `e:${id}`;
/**
 * An affiliation or a link stated by two batches keeps what the later one says (its article, its quote; the list of
 * articles stating it, in order): the later batch waits for the earlier.
 */
const affiliationKey = (actor: string, counterpart: string) => `f:${actor}|${counterpart}`;
const linkKey = (from: string, to: string) => `l:${from}|${to}`;

export function footprintOf(batch: readonly GraphRows[]): BatchFootprint {
  const writes = new Set<string>();
  const touches = new Set<string>();
  const write = (key: string) => {
    writes.add(key);
    touches.add(key);
  };
  for (const rows of batch) {
    for (const actor of rows.actors) write(actorKey(actor.id));
    for (const event of rows.events) write(eventKey(event.id));
    for (const p of rows.participants) touches.add(actorKey(p.actor));
    for (const a of rows.affiliations) {
      touches.add(actorKey(a.actor));
      touches.add(actorKey(a.counterpart));
      write(affiliationKey(a.actor, a.counterpart));
    }
    for (const kind of LINK_KINDS) {
      for (const link of rows.links[kind]) {
        touches.add(eventKey(link.from));
        touches.add(eventKey(link.to));
        write(linkKey(link.from, link.to));
      }
    }
    for (const r of rows.reactions) for (const id of r.about) touches.add(eventKey(id));
  }
  return { writes, touches };
}

/** Whether a batch touching `later` must wait for an earlier one in flight that writes `earlier`. */
export function dependsOn(later: BatchFootprint, earlier: BatchFootprint): boolean {
  const [small, large] = later.touches.size < earlier.writes.size ? [later.touches, earlier.writes] : [earlier.writes, later.touches];
  for (const key of small) if (large.has(key)) return true;
  return false;
}

type ActorRow = GraphRows['actors'][number];

/** The fields of an actor row, in a fixed order: two rows with the same text write the same. */
const rowText = (row: ActorRow) =>
  JSON.stringify([row.name, row.kind, row.aliases, row.aliasText, row.description, row.country, row.countryAlpha2, row.sector, row.code, row.wikidata]);

/**
 * The actor rows a load has written, by actor: most articles name the same busy actors, and a batch rewriting a
 * busy actor's node with what it already holds would only lock it. A batch leaves out every row of an actor
 * when the row the batch would write for it (its rows merged as the loader merges them: the last row's definition,
 * each code from the last row that states one) is the one the load wrote last for that actor: writing it again
 * changes nothing. Kept only for one load: a change made by someone else meanwhile is theirs to keep.
 */
export class WrittenActors {
  private readonly written = new Map<string, string>();

  /** The batch with the rows of its unchanged actors left out; the rows kept are taken as written. */
  leaveOutUnchanged(batch: readonly GraphRows[]): GraphRows[] {
    const changed = new Set<string>();
    for (const row of lastDefinitions(batch.flatMap((rows) => rows.actors))) {
      const text = rowText(row);
      if (this.written.get(row.id) === text) continue;
      this.written.set(row.id, text);
      changed.add(row.id);
    }
    return batch.map((rows) => ({ ...rows, actors: rows.actors.filter((row) => changed.has(row.id)) }));
  }
}
