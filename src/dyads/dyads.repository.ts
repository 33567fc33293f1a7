import { dateView, EVENT_LINK_TYPES, inWindow } from '../db/cypher';
import { read, readOne, type Db } from '../db/query';
import { LATEST_FROM_LISTS, latestEventsBetween, type Window } from '../db/shared-events';
import { ACTS_FOR_ROLES, AGENT_ROLES } from '../domain/taxonomy';
import type { ActorRef } from '../domain/views';
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

/**
 * The events with their participants, first quote and the links among them, and with them the moves of either
 * side linked to one of the events: a move of one side (someone of it acted) that does not name the other is
 * still part of the story when it answers one that does (`linkedOnly`).
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
  UNWIND shown AS id
  MATCH (e:Event {id: id})
  WITH e {
    .id, .type, .title, date: ${dateView('e')},
    linkedOnly: id IN linked,
    participants: COLLECT { MATCH (x:Actor)-[p:PARTICIPATED_IN]->(e)
                            RETURN { actor: x { .id, .name, .kind }, role: p.role } AS p ORDER BY p.actor.name, p.role },
    source: head(COLLECT { MATCH (e)-[r:REPORTED_IN]->(art:Article) WITH r, art ORDER BY art.publishedAt, r.rank
                           RETURN { quote: r.quote, article: art { .id, .title } } AS s }),
    links: COLLECT { MATCH (e)-[l:${EVENT_LINK_TYPES}]->(other:Event) WHERE other.id IN shown
                     RETURN { from: e.id, to: other.id, kind: toLower(type(l)) } AS l ORDER BY l.kind, l.to }
  } AS event`;

export type EventRow = Omit<DyadEvent, 'label' | 'side' | 'quote' | 'article'> & {
  source: { quote: string; article: { id: string; title: string } } | null;
  links: DyadLink[];
};

export async function readEvents(db: Db, ids: string[], members: string[], window: Window): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const rows = await read<{ event: EventRow }>(db, `WITH $ids AS ids, $members AS members ${EVENTS('ids', 'members')} RETURN event`, {
    ids,
    members,
    acting: [...AGENT_ROLES, 'source'],
    ...window,
  });
  return rows.map((row) => row.event);
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
    RETURN collect(event) AS events
  }
  RETURN sides, answered, truncated, events`;

export interface FromListsRow {
  sides: SidesRow;
  answered: boolean;
  truncated: boolean;
  events: EventRow[];
}

/** The dyad from the pairs' lists (see FROM_LISTS): `limit` events at most, the latest; undefined for an unknown actor. */
export async function readFromLists(db: Db, a: string, b: string, limit: number): Promise<FromListsRow | undefined> {
  const rows = await read<FromListsRow>(db, FROM_LISTS, {
    a,
    b,
    actsFor: ACTS_FOR_ROLES,
    limit: limit + 1,
    shown: limit,
    acting: [...AGENT_ROLES, 'source'],
    from: null,
    to: null,
  });
  return rows[0];
}
