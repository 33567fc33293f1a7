import { requireActor } from '../actors/actors.service';
import type { Db } from '../db/query';
import { typeLabel } from '../domain/labels';
import type { Window } from '../db/shared-events';
import { readEventIds, readEvents, readFromLists, readSides, type EventRow, type SidesRow } from './dyads.repository';
import type { DyadAnswer, DyadEvent, DyadParams, DyadQuery } from './dyads.schemas';
import { countsBySide, ledger, METHOD, sideOf, trend, type SideMembers } from './moves';

/** Two actors' events toward each other: whose move each was, what each gave and got back, and the trend. */
export async function getDyad(db: Db, params: DyadParams, query: DyadQuery): Promise<DyadAnswer> {
  const window = { from: query.from ?? null, to: query.to ?? null };
  // Without a window the pairs' lists usually answer: the whole dyad in one round trip, beside the checks.
  if (window.from === null && window.to === null) {
    const [, , found] = await Promise.all([requireActor(db, params.a), requireActor(db, params.b), readFromLists(db, params.a, params.b, query.limit)]);
    const { sides, answered, truncated, events } = found!;
    if (answered) return answerOf(sides, window, events, truncated);
    return search(db, sides, window, query.limit);
  }
  // The sides are read beside the checks (an unknown actor has none): one round trip fewer.
  const [, , sides] = await Promise.all([requireActor(db, params.a), requireActor(db, params.b), readSides(db, params.a, params.b)]);
  return search(db, sides!, window, query.limit);
}

/** The events found through the lists when they reach, else searched (db/shared-events.ts), then read. */
async function search(db: Db, sides: SidesRow, window: Window, limit: number): Promise<DyadAnswer> {
  const members = { a: [sides.a.id, ...sides.forA.map((x) => x.id)], b: [sides.b.id, ...sides.forB.map((x) => x.id)] };
  const ids = await readEventIds(db, members, window, limit + 1);
  const rows = await readEvents(db, ids.slice(0, limit), [...members.a, ...members.b], window);
  return answerOf(sides, window, rows, ids.length > limit);
}

function answerOf(sides: SidesRow, window: Window, rows: EventRow[], truncated: boolean): DyadAnswer {
  const members = { a: new Set([sides.a.id, ...sides.forA.map((x) => x.id)]), b: new Set([sides.b.id, ...sides.forB.map((x) => x.id)]) };
  const events = shape(rows, members);
  const links = rows.flatMap((row) => row.links);
  return {
    a: { ...sides.a, actingFor: sides.forA },
    b: { ...sides.b, actingFor: sides.forB },
    ...window,
    events,
    truncated,
    links,
    ledger: ledger(events, links),
    counts: countsBySide(events),
    trend: trend(events),
    method: METHOD,
  };
}

/** Oldest first, each with whose move it is. */
function shape(rows: EventRow[], members: SideMembers): DyadEvent[] {
  return rows
    .map(({ source, links: _links, ...row }) => ({
      ...row,
      label: typeLabel(row.type),
      side: sideOf(row.participants, members),
      quote: source?.quote ?? null,
      article: source?.article ?? null,
    }))
    .sort((x, y) => (x.date.start < y.date.start ? -1 : x.date.start > y.date.start ? 1 : x.id < y.id ? -1 : 1));
}
