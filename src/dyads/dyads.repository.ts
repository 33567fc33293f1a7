import { dateView, EVENT_LINK_TYPES, inWindow } from '../db/cypher';
import { read, readOne, type Db } from '../db/query';
import { LATEST_FROM_LISTS, latestEventsBetween, type Window } from '../db/shared-events';
import { keyset } from '../db/keyset';
import type { Role } from '../domain/model';
import { ACTS_FOR_ROLES, AGENT_ROLES } from '../domain/taxonomy';
import type { ActorRef, EventRef } from '../domain/views';
import type { DyadEvent, DyadLink } from './dyads.schemas';

/** The two actors, each with those who act for it (never the other actor itself). */
const TWO_ACTORS = 'MATCH (a:Actor {id: $a}), (b:Actor {id: $b})';

const SIDES_VIEW = `{
    a: a { .id, .name, .kind }, b: b { .id, .name, .kind },
    forA: COLLECT { MATCH (h:Actor)-[r:AFFILIATED_WITH]->(a) WHERE r.role IN $actsFor AND h <> b
                    RETURN DISTINCT h { .id, .name, .kind } AS h ORDER BY h.name },
    forB: COLLECT { MATCH (h:Actor)-[r:AFFILIATED_WITH]->(b) WHERE r.role IN $actsFor AND h <> a
                    RETURN DISTINCT h { .id, .name, .kind } AS h ORDER BY h.name }
  }`;

const SIDES = `${TWO_ACTORS} RETURN ${SIDES_VIEW} AS sides`;

export interface SidesRow {
  a: ActorRef;
  b: ActorRef;
  forA: ActorRef[];
  forB: ActorRef[];
}

export async function readSides(db: Db, a: string, b: string): Promise<SidesRow | undefined> {
  return readOne<SidesRow>(db, SIDES, { a, b, actsFor: ACTS_FOR_ROLES });
}

/**
 * The events in which someone of each side took part, newest first (at most `limit`), from the lists of latest
 * shared events each pair of members keeps, or searched when they do not reach (db/shared-events.ts).
 */
export async function readEventIds(db: Db, members: { a: string[]; b: string[] }, window: Window, limit: number): Promise<string[]> {
  const asks = members.a.flatMap((a) => members.b.filter((b) => b !== a).map((b) => ({ key: `${a}|${b}`, a, b })));
  return latestEventsBetween(db, asks, window, limit);
}

/** The order of a dyad's events, newest first (ties by id), and of the pages of its events column. */
export const DYAD_ORDER = keyset('dyad-events', [
  { expr: 'e.date', kind: 'date', desc: true },
  { expr: 'e.id', kind: 'string' },
]);

/** After the cursor in `$after`, or any event on the first page (`$after` null): one query text for every page. */
const AFTER_CURSOR = `($after IS NULL OR ${DYAD_ORDER.after([])})`;

/**
 * The events the dyad covers (`covered`: what the ledger, counts and trend are made from) and, of those, one
 * page in DYAD_ORDER after the cursor (`page`: who took part, by name, and the first quote, which make most
 * of an answer's size). The covered events are the given ones and with them the moves of either side linked
 * to one of them: a move of one side (someone of it acted) that does not name the other is still part of the
 * story when it answers one that does (`linkedOnly`).
 */
const EVENTS = (ids: string, members: string) => `
  CALL (${ids}, ${members}) {
    UNWIND ${ids} AS id
    MATCH (d:Event {id: id})-[:${EVENT_LINK_TYPES}]-(l:Event)
    WHERE NOT l.id IN ${ids} AND ${inWindow('l')}
      AND EXISTS { MATCH (s:Actor)-[p:PARTICIPATED_IN]->(l) WHERE s.id IN ${members} AND p.role IN $acting }
    RETURN collect(DISTINCT l.id) AS linked
  }
  WITH linked, ${ids} + linked AS shown
  CALL (linked, shown) {
    UNWIND shown AS id
    MATCH (e:Event {id: id})
    RETURN collect(e {
      .id, .type, .title, date: ${dateView('e')},
      linkedOnly: id IN linked,
      participants: COLLECT { MATCH (x:Actor)-[p:PARTICIPATED_IN]->(e) RETURN { actor: { id: x.id }, role: p.role } AS p },
      links: COLLECT { MATCH (e)-[l:${EVENT_LINK_TYPES}]->(other:Event) WHERE other.id IN shown
                       RETURN { from: e.id, to: other.id, kind: toLower(type(l)) } AS l ORDER BY l.kind, l.to }
    }) AS covered
  }
  CALL (shown) {
    UNWIND shown AS id
    MATCH (e:Event {id: id})
    WITH e WHERE ${AFTER_CURSOR}
    WITH e ORDER BY ${DYAD_ORDER.orderBy} LIMIT $pageLimit
    RETURN collect({
      id: e.id, keys: ${DYAD_ORDER.keys},
      participants: COLLECT { MATCH (x:Actor)-[p:PARTICIPATED_IN]->(e)
                              RETURN { actor: x { .id, .name, .kind }, role: p.role } AS p ORDER BY p.actor.name, p.role },
      source: head(COLLECT { MATCH (e)-[r:REPORTED_IN]->(art:Article) WITH r, art ORDER BY art.publishedAt, r.rank
                             RETURN { quote: r.quote, article: art { .id, .title } } AS s })
    }) AS page
  }`;

/** A covered event: enough to say whose move it is, for the ledger, the counts and the trend. */
export type CoveredRow = EventRef & { linkedOnly: boolean; participants: Array<{ actor: { id: string }; role: Role }>; links: DyadLink[] };

/** An event of the page, in DYAD_ORDER, with its sort keys. */
export interface PageRow {
  id: string;
  keys: unknown[];
  participants: DyadEvent['participants'];
  source: { quote: string; article: { id: string; title: string } } | null;
}

export interface EventsRow {
  covered: CoveredRow[];
  page: PageRow[];
}

/** Which page of the events column: the rows after the cursor's keys (null: the first page), `limit` of them at most. */
export interface PageAsk {
  after: unknown[] | null;
  limit: number;
}

const eventParams = (ask: PageAsk) => ({ acting: [...AGENT_ROLES, 'source'], after: ask.after, pageLimit: ask.limit });

export async function readEvents(db: Db, ids: string[], members: string[], window: Window, ask: PageAsk): Promise<EventsRow> {
  if (ids.length === 0) return { covered: [], page: [] };
  const rows = await read<EventsRow>(db, `WITH $ids AS ids, $members AS members ${EVENTS('ids', 'members')} RETURN covered, page`, {
    ids,
    members,
    ...eventParams(ask),
    ...window,
  });
  return rows[0] ?? { covered: [], page: [] };
}

/**
 * The whole dyad in one round trip when the pairs' lists of latest shared events answer for it (no date window,
 * every pair's list holding all its shared events or `limit` of them): the sides, their members' pairs' lists
 * merged, and the events read from them. `answered` false: the lists do not reach, and the events must be
 * searched (readEventIds); only the sides are read then.
 */
const FROM_LISTS = `
  ${TWO_ACTORS}
  WITH ${SIDES_VIEW} AS sides
  WITH sides, [sides.a.id] + [h IN sides.forA | h.id] AS membersA, [sides.b.id] + [h IN sides.forB | h.id] AS membersB
  ${LATEST_FROM_LISTS('membersA', 'membersB')}
  WITH sides, membersA + membersB AS members, answered, latest, size(latest) > $shown AS truncated,
       CASE WHEN answered THEN latest[0..$shown] ELSE [] END AS ids
  CALL (ids, members) {
    ${EVENTS('ids', 'members')}
    RETURN covered, page
  }
  RETURN sides, answered, truncated, covered, page`;

export interface FromListsRow extends EventsRow {
  sides: SidesRow;
  answered: boolean;
  truncated: boolean;
}

/**
 * The dyad from the pairs' lists (see FROM_LISTS): `span` events at most, the latest, and the page `ask` names;
 * undefined for an unknown actor.
 */
export async function readFromLists(db: Db, a: string, b: string, span: number, ask: PageAsk): Promise<FromListsRow | undefined> {
  const rows = await read<FromListsRow>(db, FROM_LISTS, {
    a,
    b,
    actsFor: ACTS_FOR_ROLES,
    limit: span + 1,
    shown: span,
    ...eventParams(ask),
    from: null,
    to: null,
  });
  return rows[0];
}
