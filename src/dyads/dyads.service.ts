import { requireActor } from '../actors/actors.service';
import type { Db } from '../db/query';
import { typeLabel } from '../domain/labels';
import { readEventIds, readEvents, readSides, type EventRow } from './dyads.repository';
import type { DyadAnswer, DyadEvent, DyadParams, DyadQuery } from './dyads.schemas';
import { countsBySide, ledger, METHOD, sideOf, trend, type SideMembers } from './moves';

/** Two actors' events toward each other: whose move each was, what each gave and got back, and the trend. */
export async function getDyad(db: Db, params: DyadParams, query: DyadQuery): Promise<DyadAnswer> {
  // The sides are read beside the checks (an unknown actor has none): one round trip fewer.
  const [, , found] = await Promise.all([requireActor(db, params.a), requireActor(db, params.b), readSides(db, params.a, params.b)]);
  const sides = found!;
  const members = { a: [sides.a.id, ...sides.forA.map((x) => x.id)], b: [sides.b.id, ...sides.forB.map((x) => x.id)] };
  const window = { from: query.from ?? null, to: query.to ?? null };
  const ids = await readEventIds(db, members, window, query.limit + 1);
  const truncated = ids.length > query.limit;
  const rows = await readEvents(db, ids.slice(0, query.limit), [...members.a, ...members.b], window);
  const events = shape(rows, { a: new Set(members.a), b: new Set(members.b) });
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
