import { requireActor } from '../actors/actors.service';
import { cursorKeys } from '../db/keyset';
import type { Db } from '../db/query';
import type { Window } from '../db/shared-events';
import { pageFrom } from '../domain/cursor';
import { typeLabel } from '../domain/labels';
import { DYAD_ORDER, readEventIds, readEvents, readFromLists, readSides, type EventsRow, type PageAsk, type SidesRow } from './dyads.repository';
import { DYAD_SPAN, type DyadAnswer, type DyadEvent, type DyadParams, type DyadQuery } from './dyads.schemas';
import { countsBySide, ledger, METHOD, sideOf, trend, type Move } from './moves';

/**
 * Two actors' events toward each other: whose move each was, what each gave and got back, and the trend, over
 * their DYAD_SPAN latest events (within the window), with one page of the events themselves.
 */
export async function getDyad(db: Db, params: DyadParams, query: DyadQuery): Promise<DyadAnswer> {
  const window = { from: query.from ?? null, to: query.to ?? null };
  // One more than the page, to know whether another follows.
  const ask = { after: cursorKeys(DYAD_ORDER, query.cursor), limit: query.limit + 1 };
  // Without a window the pairs' lists usually answer: the whole dyad in one round trip, beside the checks.
  if (window.from === null && window.to === null) {
    const [, , found] = await Promise.all([requireActor(db, params.a), requireActor(db, params.b), readFromLists(db, params.a, params.b, DYAD_SPAN, ask)]);
    const { sides, answered, truncated, ...events } = found!;
    if (answered) return answerOf(sides, window, events, truncated, query.limit);
    return search(db, sides, window, ask, query.limit);
  }
  // The sides are read beside the checks (an unknown actor has none): one round trip fewer.
  const [, , sides] = await Promise.all([requireActor(db, params.a), requireActor(db, params.b), readSides(db, params.a, params.b)]);
  return search(db, sides!, window, ask, query.limit);
}

/** The events found through the lists when they reach, else searched (db/shared-events.ts), then read. */
async function search(db: Db, sides: SidesRow, window: Window, ask: PageAsk, limit: number): Promise<DyadAnswer> {
  const members = { a: [sides.a.id, ...sides.forA.map((x) => x.id)], b: [sides.b.id, ...sides.forB.map((x) => x.id)] };
  const ids = await readEventIds(db, members, window, DYAD_SPAN + 1);
  const events = await readEvents(db, ids.slice(0, DYAD_SPAN), [...members.a, ...members.b], window, ask);
  return answerOf(sides, window, events, ids.length > DYAD_SPAN, limit);
}

function answerOf(sides: SidesRow, window: Window, { covered, page }: EventsRow, truncated: boolean, limit: number): DyadAnswer {
  const members = { a: new Set([sides.a.id, ...sides.forA.map((x) => x.id)]), b: new Set([sides.b.id, ...sides.forB.map((x) => x.id)]) };
  const moves = new Map(covered.map((row) => [row.id, { ...row, side: sideOf(row.participants, members) }]));
  const analysed = [...moves.values()].sort(oldestFirst);
  const links = covered.flatMap((row) => row.links);
  return {
    a: { ...sides.a, actingFor: sides.forA },
    b: { ...sides.b, actingFor: sides.forB },
    ...window,
    events: pageFrom(
      page.map((row) => ({ item: eventOf(row, moves.get(row.id)!), keys: row.keys })),
      limit,
      DYAD_ORDER.codec,
    ),
    truncated,
    links,
    ledger: ledger(analysed, links),
    counts: countsBySide(analysed),
    trend: trend(analysed),
    method: METHOD,
  };
}

const oldestFirst = (x: Move, y: Move) => (x.date.start < y.date.start ? -1 : x.date.start > y.date.start ? 1 : x.id < y.id ? -1 : 1);

/** An event of the page: the covered event's whose-move-it-is with the page's names and first quote. */
function eventOf(row: EventsRow['page'][number], move: Move & { linkedOnly: boolean }): DyadEvent {
  const { id, type, title, date, side, linkedOnly } = move;
  return {
    id,
    type,
    title,
    date,
    label: typeLabel(type),
    side,
    participants: row.participants,
    quote: row.source?.quote ?? null,
    article: row.source?.article ?? null,
    linkedOnly,
  };
}
