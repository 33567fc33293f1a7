import { pairId } from '../db/cypher';
import type { Precision } from '../domain/calendar';
import { isSanctionsType, type Measure, type SanctionsEvent } from '../domain/sanctions';
import type { Place } from '../places/gazetteer';
import { locate, type Location } from '../places/places.repository';
import { measuresOfEvents } from '../sanctions/refresh';
import type { GraphRows } from './graph-rows';
import { SummaryTotals } from './summary-totals';
import type { Count } from '../domain/type-tally';
import { type Contribution, contributionsOf, type PairRow } from './tally';
import { PlaceTally, type PlaceRows } from '../places/place-counts';

export type { Count, PairRow };

/**
 * What the loader derives beyond the stated graph, computed in memory for a bulk load (import-files.ts writes it
 * as import files, so that nothing is rebuilt once the database holds them), from the definitions the online
 * loader keeps it by:
 *  - the activity summaries (summaries.ts `tallyInto`): per actor, per pair of actors; each pair's latest shared
 *    events in LATEST_ORDER (`latestFirst`), the LATEST_KEPT latest;
 *  - the counts per month, and per actor and month (month-counts.ts `tallyMonths`);
 *  - the role links of affiliations between two actors (summaries.ts `writeRoleLinks`);
 *  - where each event is drawn (places.repository.ts `locate`): at its place, else at its states' countries;
 *  - the counts per place, place and year, place and month of the events drawn there (place-counts.ts `PlaceTally`);
 *  - the sanctions measures (sanctions/refresh.ts `measuresOfEvents`), from the sanctions events as the refresh
 *    reads them (participants by actor and role, the summary and the quotes in their order).
 * A bulk load writes new events only, each stated by one article with its participants, so every contribution is
 * an addition, made once.
 */

export interface LocatedRow {
  event: string;
  place: string;
  via: Location['via'];
}

/** What the actors of the load are by the end of it (their last definition): whether a state, its names. */
export type FinalActor = { kind: string; name: string; aliases: string[] };

export interface Derived {
  actors: Map<string, Count>;
  pairs: PairRow[];
  roleLinks: string[];
  months: Count[];
  actorMonths: Count[];
  places: Place[];
  /** Events drawn at their states' countries (those drawn at their own place were answered by `add`). */
  locatedByState: LocatedRow[];
  measures: Measure[];
  /** The counts per place, place and year, place and month (places/place-counts.ts). */
  placeCounts: PlaceRows;
}

/** A sanctions event as the refresh reads it, but for its actors' kinds (known once the actors are final). */
type PendingSanctionsEvent = Omit<SanctionsEvent, 'participants'> & { participants: Array<{ actor: string; role: string }> };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class DerivedData {
  private readonly summaries = new SummaryTotals();
  private readonly roleLinks = new Set<string>();
  private readonly places = new Map<string, Place>();
  /** Events whose place the gazetteer does not give: located by their states once the actors are final. */
  private readonly byState: Array<{ id: string; place: string | null; actors: string[]; contribution: Contribution }> = [];
  private readonly placeCounts = new PlaceTally();
  private readonly sanctions: PendingSanctionsEvent[] = [];

  /**
   * One article's rows. Answers which of its events have place text the gazetteer does not know
   * (`placeUnresolved`), and where those located by their own place are.
   */
  add(rows: GraphRows): { unresolved: Set<string>; located: LocatedRow[] } {
    const contributions = contributionsOf(rows.events, rows.participants);
    this.summaries.add(contributions);
    for (const { actor, counterpart } of rows.affiliations) if (actor !== counterpart) this.roleLinks.add(pairId(actor, counterpart));
    this.addSanctionsEvents(rows);
    const unresolved = new Set<string>();
    const located: LocatedRow[] = [];
    rows.events.forEach((event, i) => {
      const byPlace = locate({ id: event.id, place: event.place, states: [] });
      if (byPlace.unresolved) unresolved.add(event.id);
      const contribution = contributions[i]!;
      if (byPlace.places.length > 0) {
        located.push(...this.located(event.id, byPlace.places));
        this.placeCounts.add([{ ...contribution, places: byPlace.places.map((p) => p.place.id) }], 1);
      } else this.byState.push({ id: event.id, place: event.place, actors: contribution.actors, contribution });
    });
    return { unresolved, located };
  }

  /** Its participants once each (actor, role), and its summary and quotes (once each, by rank) as its text. */
  private addSanctionsEvents(rows: GraphRows): void {
    for (const event of rows.events) {
      if (!isSanctionsType(event.type)) continue;
      const participants = new Map(
        rows.participants.filter((p) => p.event === event.id).map((p) => [`${p.actor}|${p.role}`, { actor: p.actor, role: p.role }]),
      );
      const quotes = new Map<string, number>();
      for (const s of rows.sources) if (s.event === event.id && !quotes.has(s.quote)) quotes.set(s.quote, s.rank);
      const ordered = [...quotes].sort(([qa, ra], [qb, rb]) => ra - rb || byText(qa, qb)).map(([quote]) => quote);
      this.sanctions.push({
        id: event.id,
        type: event.type,
        date: { date: event.date, precision: event.precision as Precision },
        participants: [...participants.values()].sort((a, b) => byText(a.actor, b.actor) || byText(a.role, b.role)),
        text: [event.summary ?? '', ...ordered].join('\n'),
      });
    }
  }

  private located(event: string, locations: Location[]): LocatedRow[] {
    return locations.map(({ via, place }) => {
      this.places.set(place.id, place);
      return { event, place: place.id, via };
    });
  }

  /** Everything derived, given the actors as the load leaves them. */
  finish(actors: ReadonlyMap<string, FinalActor>): Derived {
    const locatedByState = this.byState.flatMap(({ id, place, actors: ids, contribution }) => {
      const states = ids.flatMap((actorId) => {
        const actor = actors.get(actorId);
        return actor?.kind === 'state' ? [{ name: actor.name, aliases: actor.aliases }] : [];
      });
      const rows = this.located(id, locate({ id, place, states }).places);
      this.placeCounts.add([{ ...contribution, places: rows.map((row) => row.place) }], 1);
      return rows;
    });
    const summaries = this.summaries.rows();
    return {
      actors: new Map(summaries.actors.map((count) => [count.key, count])),
      pairs: summaries.pairs,
      roleLinks: [...this.roleLinks].sort(),
      months: summaries.months,
      actorMonths: summaries.actorMonths,
      places: [...this.places.values()],
      locatedByState,
      placeCounts: this.placeCounts.rows(),
      measures: measuresOfEvents(
        this.sanctions.map((event) => ({ ...event, participants: event.participants.map((p) => ({ ...p, kind: actors.get(p.actor)?.kind ?? '' })) })),
      ),
    };
  }
}
