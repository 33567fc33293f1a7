import type { ManagedTransaction } from 'neo4j-driver';
import { dateView, EARLIEST_START, inWindow, LONGEST_SPAN, MAX_DATE, MIN_DATE } from '../db/cypher';
import { toParams } from '../db/plain';
import { read, type Db } from '../db/query';
import { cursorKeys, keyset } from '../db/keyset';
import { countryOfState, resolvePlace, type Place } from './gazetteer';
import type { MapEvent, UnresolvedPlace } from './places.schemas';
import { EVENT_TYPES, type EventType } from '../domain/taxonomy';
import { planWindow, type WindowPlan } from './window-plan';

/**
 * Where events happened, in the graph: `(e:Event)-[:LOCATED_AT {via}]->(p:Place)`. An event whose `place`
 * text resolves is located there (`via: 'place'`); an event without a place, or whose place stays text, is
 * drawn at the countries of the states taking part (`via: 'state'`). `e.placeUnresolved` marks place text the
 * gazetteer did not know, for editors to see.
 */

interface EventToLocate {
  id: string;
  place: string | null;
  states: Array<{ name: string; aliases: string[] | null }>;
}

const EVENTS_TO_LOCATE = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  RETURN e.id AS id, e.place AS place,
         COLLECT { MATCH (a:Actor {kind: 'state'})-[:PARTICIPATED_IN]->(e) RETURN DISTINCT a { .name, .aliases } } AS states`;

/**
 * Writes each row's locations (`row.places`, `row.unresolved`: as `locate` answers them) on its event `e`: CREATE
 * for an event the statement creates (nothing to find), else MERGE. Last in its statement: it drops the rows of
 * events located nowhere.
 */
export const SET_LOCATIONS = (link: 'CREATE' | 'MERGE') => `
  SET e.placeUnresolved = CASE WHEN row.unresolved THEN true ELSE null END
  WITH e, row
  UNWIND row.places AS located
  MERGE (p:Place {id: located.place.id})
  ON CREATE SET p += located.place
  ${link} (e)-[:LOCATED_AT {via: located.via}]->(p)`;

const WRITE_LOCATIONS = `
  UNWIND $rows AS row
  MATCH (e:Event {id: row.id})
  OPTIONAL MATCH (e)-[old:LOCATED_AT]->(:Place)
  DELETE old
  WITH DISTINCT e, row
  ${SET_LOCATIONS('MERGE')}`;

export interface Location {
  via: 'place' | 'state';
  place: Place;
}

/** Where one event is drawn: its place when the gazetteer knows it, else the countries of its states. */
export function locate(event: EventToLocate): { places: Location[]; unresolved: boolean } {
  const found = event.place ? resolvePlace(event.place) : undefined;
  if (found) return { places: [{ via: 'place', place: found }], unresolved: false };
  const countries = new Map<string, Place>();
  for (const state of event.states) {
    const country = countryOfState(state.name, state.aliases ?? []);
    if (country) countries.set(country.id, country);
  }
  return { places: [...countries.values()].map((place) => ({ via: 'state', place })), unresolved: Boolean(event.place) };
}

/** Locates the given events afresh (run in the load's transaction, so an event is never left half-located). */
export async function locateEvents(tx: ManagedTransaction, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { records } = await tx.run(EVENTS_TO_LOCATE, { ids: [...ids] });
  const rows = records.map((record) => {
    const event = record.toObject() as unknown as EventToLocate;
    return { id: event.id, ...locate(event) };
  });
  await tx.run(WRITE_LOCATIONS, toParams({ rows }) as Record<string, unknown>);
}

const STATES_AMONG = `
  UNWIND $ids AS id
  MATCH (a:Actor {id: id}) WHERE a.kind = 'state'
  RETURN a.id AS id, a.name AS name, a.aliases AS aliases`;

/**
 * Where events about to be created are drawn, from what the writer knows of them (their place, the actors taking
 * part): as locateEvents would, but reading only the states among those actors (a few hundred, where the events
 * are thousands). Written by SET_LOCATIONS('CREATE') in the statement that creates the events.
 */
export async function locateNew(
  tx: ManagedTransaction,
  events: ReadonlyArray<{ id: string; place: string | null; actors: string[] }>,
): Promise<Map<string, { places: Location[]; unresolved: boolean }>> {
  if (events.length === 0) return new Map();
  const { records } = await tx.run(STATES_AMONG, { ids: [...new Set(events.flatMap((e) => e.actors))] });
  const states = new Map(records.map((r) => [r.get('id') as string, { name: r.get('name') as string, aliases: r.get('aliases') as string[] | null }]));
  return new Map(events.map(({ id, place, actors }) => [id, locate({ id, place, states: [...new Set(actors)].flatMap((actor) => states.get(actor) ?? []) })]));
}

const UNLOCATED_PAGE = `
  MATCH (e:Event) WHERE e.id > $after AND NOT EXISTS { (e)-[:LOCATED_AT]->() } AND e.placeUnresolved IS NULL
  RETURN e.id AS id ORDER BY e.id LIMIT $size`;

/**
 * Locates every event loaded before places existed, a batch at a time; idempotent (an event already located,
 * or known to have no place, is left alone). Events with neither a known place nor a state stay unlocated and
 * are read again by the next run: cheap, since the seed and real articles almost always name a state.
 */
export async function locateAllEvents(db: Db, log?: (message: string) => void): Promise<number> {
  let after = '';
  let located = 0;
  for (;;) {
    const ids = (await read<{ id: string }>(db, UNLOCATED_PAGE, { after, size: 5000 })).map((row) => row.id);
    if (ids.length === 0) break;
    const session = db.driver.session({ database: db.database });
    try {
      await session.executeWrite((tx) => locateEvents(tx, ids));
    } finally {
      await session.close();
    }
    located += ids.length;
    after = ids[ids.length - 1]!;
    if (log && located % 100_000 < 5000) log(`places: ${located.toLocaleString('en')} events located`);
  }
  return located;
}

/** The filters the map, its lists and the series share: an actor, a type, a date window. */
export interface EventFilters {
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
}

const filterParams = (f: EventFilters) => ({ actor: f.actor ?? null, type: f.type ?? null, from: f.from ?? null, to: f.to ?? null });

/**
 * An actor's events (of a type, when one is named) that may overlap the window, as `e`: a seek in its participations'
 * date order (db/participation-order.ts) from the earliest start an event covering `$from` can have (the window's
 * start less the longest span, read in the same statement: db/cypher.ts) to `$to`, instead of all its events. The
 * hint keeps the seek whatever the statistics say.
 */
const ACTOR_EVENTS = (f: EventFilters) => `
  ${f.from ? LONGEST_SPAN : ''}
  MATCH ()-[p:PARTICIPATED_IN]->(e) USING INDEX SEEK p:PARTICIPATED_IN(${f.type ? 'actor, type, date, event' : 'actor, date, event'})
  WHERE p.actor = $actor ${f.type ? 'AND p.type = $type' : ''} AND p.event IS NOT NULL
    AND p.date >= ${f.from ? EARLIEST_START : MIN_DATE} AND p.date <= coalesce(date($to), ${MAX_DATE})
  WITH DISTINCT e`;

/** The filtered events as `e`: from the actor's participations when one is named (few), else by the date index. */
export const filteredEvents = (f: EventFilters) =>
  f.actor
    ? `${ACTOR_EVENTS(f)} WHERE ($type IS NULL OR e.type = $type) AND ${inWindow('e')}`
    : `MATCH (e:Event) WHERE ($type IS NULL OR e.type = $type) AND ${inWindow('e')}`;

export interface PlaceCount {
  place: Pick<Place, 'id' | 'name' | 'kind' | 'country' | 'countryName' | 'countryNumeric' | 'lat' | 'lon'>;
  count: number;
  types: Record<string, number>;
}

const PLACE_VIEW = 'p { .id, .name, .kind, .country, .countryName, .countryNumeric, .lat, .lon }';

/** Per-place lists of counts (EVENT_TYPES order) as places with their counts, of one type when one is named. */
function placeCountsOf(rows: ReadonlyArray<{ place: PlaceCount['place']; byType: number[] }>, type: string | undefined): PlaceCount[] {
  const only = type === undefined ? -1 : EVENT_TYPES.indexOf(type as EventType);
  const counted: PlaceCount[] = [];
  for (const row of rows) {
    const types: Record<string, number> = {};
    let count = 0;
    row.byType.forEach((n, i) => {
      if (n > 0 && (type === undefined || i === only)) {
        types[EVENT_TYPES[i]!] = n;
        count += n;
      }
    });
    if (count > 0) counted.push({ place: row.place, types, count });
  }
  return counted;
}

/** Every located event, per place: the places' own counts. */
const PLACE_TOTALS = `
  MATCH (p:Place) WHERE p.eventTotal > 0
  RETURN ${PLACE_VIEW} AS place, [n IN p.eventsByType | toFloat(n)] AS byType`;

/** Per-type counts of the events of a range of days, per place: a window's partial months. */
const EDGE_EVENTS = (where: string) => `
  MATCH (e:Event) WHERE ${where} AND ($type IS NULL OR e.type = $type)
  MATCH (e)-[:LOCATED_AT]->(p:Place)
  WITH p.id AS place, e.type AS type, count(*) AS n
  RETURN place, [t IN $types | CASE WHEN t = type THEN n ELSE 0 END] AS counts`;

/** The statements of a window's plan (window-plan.ts), each answering rows of a place's id and its counts by type. */
function planParts(plan: WindowPlan): string[] {
  const parts: string[] = [];
  if (plan.years) {
    parts.push(`MATCH (m:PlaceYear) WHERE m.year >= coalesce($years.from, -999999999) AND m.year <= coalesce($years.to, 999999999)
      RETURN m.place AS place, m.byType AS counts`);
  }
  if (plan.months.length > 0) {
    parts.push(`UNWIND $months AS month MATCH (m:PlaceMonth {month: date(month)}) RETURN m.place AS place, m.byType AS counts`);
  }
  if (plan.carried) parts.push('MATCH (m:PlaceMonth {month: date($carried)}) RETURN m.place AS place, m.carried AS counts');
  // Events starting before M1 that last into it are carried into M1: here only those ending before it.
  if (plan.startDays) {
    parts.push(EDGE_EVENTS('e.date >= date($startDays.from) AND e.date <= date($startDays.to) AND e.lastDate <= date($startDays.to)'));
  }
  if (plan.endingDays) {
    parts.push(EDGE_EVENTS('e.lastDate >= date($endingDays.from) AND e.lastDate <= date($endingDays.to) AND e.date < date($endingDays.from)'));
  }
  if (plan.endDays) parts.push(EDGE_EVENTS('e.date >= date($endDays.from) AND e.date <= date($endDays.to)'));
  return parts;
}

/** A window's counts per place from the place counts and the events of its partial months (window-plan.ts). */
async function countByPlaceInWindow(db: Db, type: string | undefined, plan: WindowPlan): Promise<PlaceCount[]> {
  const parts = planParts(plan);
  if (parts.length === 0) return [];
  const rows = await read<{ place: PlaceCount['place']; byType: number[] }>(
    db,
    `CALL () {
       ${parts.join('\n       UNION ALL\n       ')}
     }
     WITH place, collect(counts) AS lists
     MATCH (p:Place {id: place})
     RETURN ${PLACE_VIEW} AS place, [i IN range(0, size($types) - 1) | toFloat(reduce(s = 0, l IN lists | s + coalesce(l[i], 0)))] AS byType`,
    { ...plan, type: type ?? null, types: [...EVENT_TYPES] },
  );
  return placeCountsOf(rows, type);
}

/**
 * Counts of the filtered events per place and type. Without an actor, from the place counts (place-counts.ts):
 * the places' own for the whole span, their years' and months' within a window (window-plan.ts), and the events
 * of the days of a partial month at its edges. With an actor (whose events are few), or in a window holding no
 * whole month, from the events, aggregated in Cypher: one row per place and type, never the events themselves.
 */
export async function countByPlace(db: Db, filters: EventFilters): Promise<PlaceCount[]> {
  if (!filters.actor) {
    if (filters.from === undefined && filters.to === undefined) {
      return placeCountsOf(await read<{ place: PlaceCount['place']; byType: number[] }>(db, PLACE_TOTALS), filters.type);
    }
    const plan = planWindow(filters.from, filters.to);
    if (plan.counted) return countByPlaceInWindow(db, filters.type, plan);
  }
  return countByPlaceFromEvents(db, filters);
}

/** Counts of the filtered events per place and type, from the events (what the place counts are kept equal to). */
export async function countByPlaceFromEvents(db: Db, filters: EventFilters): Promise<PlaceCount[]> {
  const rows = await read<{ place: PlaceCount['place']; types: Array<{ type: string; count: number }> }>(
    db,
    `${filteredEvents(filters)}
     MATCH (e)-[:LOCATED_AT]->(p:Place)
     WITH p, e.type AS type, count(*) AS count
     WITH p, collect({ type: type, count: count }) AS types
     RETURN p { .id, .name, .kind, .country, .countryName, .countryNumeric, .lat, .lon } AS place, types`,
    filterParams(filters),
  );
  return rows.map((row) => {
    const types = Object.fromEntries(row.types.map((t) => [t.type, t.count]));
    return { place: row.place, types, count: row.types.reduce((sum, t) => sum + t.count, 0) };
  });
}

const AREA_EVENTS = keyset('map-events', [
  { expr: 'e.date', kind: 'date', desc: true },
  { expr: 'e.id', kind: 'string' },
]);

export interface AreaEventRow {
  item: MapEvent;
  keys: unknown[];
}

type Box = { south: number; west: number; north: number; east: number };

/** The places inside a box that have events, with how many (place-counts.ts): a scan of a few thousand places. */
const PLACES_IN_BOX = `
  MATCH (p:Place) WHERE p.lat >= $south AND p.lat <= $north AND p.lon >= $west AND p.lon <= $east AND p.eventTotal > 0
  RETURN p.id AS id, p.eventTotal AS total`;

/**
 * Up to this many events in a box, its places' events are read and sorted; beyond, the events are walked newest
 * first by the date index until a page of them is drawn in the box: a busy box fills a page within a few hundred.
 */
const FEW_IN_BOX = 20_000;

/** A page of the events drawn at these places, from the places' own events, sorted. */
const AREA_EVENTS_FROM_PLACES = (after: unknown[] | null) => `
  UNWIND $places AS id
  MATCH (p:Place {id: id})<-[:LOCATED_AT]-(e:Event)
  WHERE ($type IS NULL OR e.type = $type) AND ${inWindow('e')} AND ${AREA_EVENTS.after(after)}
  WITH e, collect(p.name) AS places
  ORDER BY ${AREA_EVENTS.orderBy} LIMIT $limit
  RETURN e { .id, .type, .title, date: ${dateView('e')}, places: places } AS item, ${AREA_EVENTS.keys} AS keys`;

/** A page of the events drawn at these places, newest first by the date index, stopping once the page is full. */
const AREA_EVENTS_BY_DATE = (after: unknown[] | null) => `
  MATCH (e:Event)
  WHERE e.date <= coalesce(date($to), ${MAX_DATE}) AND ($type IS NULL OR e.type = $type)
    AND ($from IS NULL OR e.lastDate >= date($from)) AND ${AREA_EVENTS.after(after)}
    AND EXISTS { MATCH (e)-[:LOCATED_AT]->(p:Place) WHERE p.id IN $places }
  WITH e ORDER BY ${AREA_EVENTS.orderBy} LIMIT $limit
  CALL (e) { MATCH (e)-[:LOCATED_AT]->(p:Place) WHERE p.id IN $places RETURN collect(p.name) AS places }
  RETURN e { .id, .type, .title, date: ${dateView('e')}, places: places } AS item, ${AREA_EVENTS.keys} AS keys`;

/**
 * The filtered events drawn inside a box of latitudes and longitudes (a cluster), latest first, a page at a time.
 * An actor's events are few: they are read and those in the box kept. Otherwise the box's places come first, and
 * their events are read from them when they are few, or found by the date index, newest first, when they are many.
 */
export async function listEventsInArea(
  db: Db,
  filters: EventFilters,
  box: Box,
  limit: number,
  cursor: string | undefined,
  fewInBox = FEW_IN_BOX,
): Promise<{ rows: AreaEventRow[]; codec: typeof AREA_EVENTS.codec }> {
  const after = cursorKeys(AREA_EVENTS, cursor);
  if (!filters.actor) {
    const places = await read<{ id: string; total: number }>(db, PLACES_IN_BOX, box);
    if (places.length === 0) return { rows: [], codec: AREA_EVENTS.codec };
    const inBox = places.reduce((sum, p) => sum + p.total, 0);
    const rows = await read<AreaEventRow>(db, inBox <= fewInBox ? AREA_EVENTS_FROM_PLACES(after) : AREA_EVENTS_BY_DATE(after), {
      ...filterParams(filters),
      places: places.map((p) => p.id),
      after,
      limit: limit + 1,
    });
    return { rows, codec: AREA_EVENTS.codec };
  }
  const rows = await read<AreaEventRow>(
    db,
    `${filteredEvents(filters)}
     AND ${AREA_EVENTS.after(after)}
     MATCH (e)-[:LOCATED_AT]->(p:Place)
     WHERE p.lat >= $south AND p.lat <= $north AND p.lon >= $west AND p.lon <= $east
     WITH e, collect(p.name) AS places
     ORDER BY ${AREA_EVENTS.orderBy} LIMIT $limit
     RETURN e { .id, .type, .title, date: ${dateView('e')}, places: places } AS item, ${AREA_EVENTS.keys} AS keys`,
    { ...filterParams(filters), ...box, after, limit: limit + 1 },
  );
  return { rows, codec: AREA_EVENTS.codec };
}

const UNRESOLVED = keyset('unresolved-places', [
  { expr: 'e.place', kind: 'string' },
  { expr: 'e.id', kind: 'string' },
]);

export interface UnresolvedRow {
  item: UnresolvedPlace;
  keys: unknown[];
}

/** Events whose place text the gazetteer does not know, by that text. */
export async function listUnresolved(db: Db, limit: number, cursor: string | undefined) {
  const after = cursorKeys(UNRESOLVED, cursor);
  const rows = await read<UnresolvedRow>(
    db,
    `MATCH (e:Event) WHERE e.placeUnresolved = true AND ${UNRESOLVED.after(after)}
     RETURN { place: e.place, event: e { .id, .type, .title, date: ${dateView('e')} } } AS item, ${UNRESOLVED.keys} AS keys
     ORDER BY ${UNRESOLVED.orderBy} LIMIT $limit`,
    { after, limit: limit + 1 },
  );
  return { rows, codec: UNRESOLVED.codec };
}
