import type { Actor } from '../../domain/model';
import { escapeRegExp } from './sentences';
import { GAZETTEER, HISTORIC_SEATS, type GazetteerEntry } from './gazetteer';
import type { ActorRef } from './types';

/**
 * How a surface form names its actor: by name or alias, by nationality adjective ("Belarusian"), by the
 * capital that stands for the government ("Minsk"), or by a city that only locates an event ("Istanbul").
 */
export type Via = 'name' | 'demonym' | 'capital' | 'city';

export interface LexiconMatch {
  index: number;
  end: number;
  text: string;
  actor: ActorRef;
  via: Via;
}

interface Entry {
  surface: string;
  actor: ActorRef;
  via: Via;
  pattern: RegExp;
}

/** Every name the extractor recognises without guessing: the known actors' names and aliases, and the gazetteer. */
export class Lexicon {
  private readonly entries: Entry[] = [];
  private readonly taken = new Set<string>();

  /** `asOf`: the day the text was published, which decides what a seat of government stood for then. */
  constructor(knownActors: readonly Actor[], asOf?: string) {
    for (const actor of knownActors) this.addKnown(actor);
    if (asOf) this.addHistoricSeats(asOf, knownActors);
    for (const entry of GAZETTEER) this.addGazetteer(entry, knownActors);
    for (const actor of knownActors) if (actor.kind === 'person') this.addSurname(actor);
    this.entries.sort((a, b) => b.surface.length - a.surface.length);
  }

  /** Longest matches first, never overlapping, in text order. */
  find(text: string): LexiconMatch[] {
    const matches: LexiconMatch[] = [];
    for (const entry of this.entries) {
      for (const m of text.matchAll(entry.pattern)) {
        const index = m.index ?? 0;
        const end = index + m[0].length;
        if (matches.some((other) => index < other.end && other.index < end)) continue;
        matches.push({ index, end, text: m[0], actor: entry.actor, via: entry.via });
      }
    }
    return matches.sort((a, b) => a.index - b.index);
  }

  private addKnown(actor: Actor): void {
    const ref: ActorRef = { id: actor.id, name: actor.name, kind: actor.kind, known: true };
    for (const surface of [actor.name, ...actor.aliases]) this.add(surface, ref, 'name');
  }

  /** A gazetteer entry maps onto a known actor of the same id or name, so "Belarusian" finds the known Belarus. */
  private addGazetteer(entry: GazetteerEntry, knownActors: readonly Actor[]): void {
    const known = knownActors.find((a) => a.id === entry.id || a.name === entry.name || a.aliases.includes(entry.name));
    const ref: ActorRef = known
      ? { id: known.id, name: known.name, kind: known.kind, known: true }
      : { id: entry.id, name: entry.name, kind: entry.kind, known: false };
    const capitals = new Set(entry.places.filter((p) => entry.names.includes(p)));
    for (const name of entry.names) this.add(name, ref, capitals.has(name) ? 'capital' : 'name');
    for (const demonym of entry.demonyms) this.add(demonym, ref, 'demonym');
    for (const city of entry.places) if (!capitals.has(city)) this.add(city, ref, 'city');
  }

  /** "Moscow" in 1976 is the Soviet Union's government: seats that stood for a state that is no more, before the first entries take them. */
  private addHistoricSeats(asOf: string, knownActors: readonly Actor[]): void {
    for (const seat of HISTORIC_SEATS) {
      const entry = GAZETTEER.find((e) => e.id === seat.id);
      if (!entry || asOf >= seat.until) continue;
      const known = knownActors.find((a) => a.id === entry.id);
      this.add(seat.surface, { id: entry.id, name: known?.name ?? entry.name, kind: entry.kind, known: known !== undefined }, 'capital');
    }
  }

  /** "Coale" alone names John Coale, unless the surname is taken by another entry. */
  private addSurname(actor: Actor): void {
    const surname = actor.name.split(/\s+/).pop();
    if (surname && surname !== actor.name && /^\p{Lu}/u.test(surname)) {
      this.add(surname, { id: actor.id, name: actor.name, kind: actor.kind, known: true }, 'name');
    }
  }

  private add(surface: string, actor: ActorRef, via: Via): void {
    const key = surface.toLowerCase();
    if (surface.length < 2 || this.taken.has(key)) return;
    this.taken.add(key);
    this.entries.push({ surface, actor, via, pattern: surfacePattern(surface) });
  }
}

/**
 * Names with capitals match case-sensitively ("US" is not "us"), except a leading "the"; lower-case aliases
 * ("political prisoners") match in any case.
 */
function surfacePattern(surface: string): RegExp {
  const lowerOnly = surface === surface.toLowerCase();
  const body = escapeRegExp(surface).replace(/^the /i, '[Tt]he ');
  return new RegExp(String.raw`(?<![\p{L}\p{N}])${body}(?![\p{L}\p{N}])`, lowerOnly ? 'giu' : 'gu');
}
