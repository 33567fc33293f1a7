import type { ManagedTransaction } from 'neo4j-driver';
import { toParams } from '../db/plain';
import { runInBatches, type Db } from '../db/query';
import { EVENT_TYPES } from '../domain/taxonomy';
import { type Count, Tally } from '../domain/type-tally';

/**
 * Counts of located events per place, what the map and the series by country read instead of counting a million
 * events:
 *  - on each Place, `eventTotal` and `eventsByType` (EVENT_TYPES order): every event drawn there;
 *  - one `(:PlaceYear {id: 'place|YYYY', place, year, total, byType})` per place and year events start in;
 *  - one `(:PlaceMonth {id: 'place|YYYY-MM', place, month, total, byType, carried})` per place and month: the
 *    events starting in the month (`total`, `byType`) and, in `carried`, those that started in an earlier month and
 *    still cover the month's first day. An event overlaps a window starting on a month's first day when it starts
 *    in the window or is carried into its first month, so a window of whole months is answered from these alone
 *    (places.repository.ts countByPlace); the days of a partial month at a window's edges are counted from events.
 * An event counts once per place it is drawn at (LOCATED_AT). Kept exact with the other summaries, from the same
 * contributions, which carry the event's places and last day (summaries.ts); a row falling to zero is removed.
 * A database written before they existed gets them from migration step 12.
 */

/** What an event adds to the place counts: its type, first and last day (ISO), the places it is drawn at. */
export interface PlaceContribution {
  type: string;
  date: string;
  lastDate?: string | null;
  places?: readonly string[];
}

export interface PlaceMonthCount extends Count {
  carried: number[];
}

export interface PlaceRows {
  places: Count[];
  years: Count[];
  months: PlaceMonthCount[];
}

const monthOf = (date: string) => date.slice(0, 7);

/** The months after the first one up to the last day's, as 'YYYY-MM': those an event is carried into. */
export function monthsCarried(date: string, lastDate: string | null | undefined): string[] {
  if (!lastDate) return [];
  const months: string[] = [];
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  const last = monthOf(lastDate);
  for (;;) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
  }
}

/** The place counts of events, added (sign 1) or withdrawn (-1). */
export class PlaceTally {
  private readonly places = new Tally();
  private readonly years = new Tally();
  private readonly months = new Tally();
  private readonly carried = new Tally();

  add(contributions: readonly PlaceContribution[], sign: 1 | -1): void {
    for (const { type, date, lastDate, places } of contributions) {
      if (!date) continue;
      const carried = monthsCarried(date, lastDate);
      for (const place of new Set(places ?? [])) {
        this.places.add(place, type, sign);
        this.years.add(`${place}|${date.slice(0, 4)}`, type, sign);
        this.months.add(`${place}|${monthOf(date)}`, type, sign);
        for (const month of carried) this.carried.add(`${place}|${month}`, type, sign);
      }
    }
  }

  /** The rows that change something, each list in key order (the order concurrent writers lock them in). */
  rows(): PlaceRows {
    const zeros = () => EVENT_TYPES.map(() => 0);
    const months = new Map<string, PlaceMonthCount>();
    for (const row of this.months.changes()) months.set(row.key, { ...row, carried: zeros() });
    for (const row of this.carried.changes()) {
      const entry = months.get(row.key) ?? { key: row.key, total: 0, byType: zeros(), carried: zeros() };
      entry.carried = row.byType;
      months.set(row.key, entry);
    }
    return {
      places: this.places.changes(),
      years: this.years.changes(),
      months: [...months.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    };
  }
}

const addLists = (current: string, added: string) => `[i IN range(0, size(${added}) - 1) | coalesce(${current}[i], 0) + ${added}[i]]`;

const APPLY_TO_PLACES = `
  UNWIND $rows AS row
  MATCH (p:Place {id: row.key})
  SET p.eventTotal = coalesce(p.eventTotal, 0) + row.total, p.eventsByType = ${addLists('p.eventsByType', 'row.byType')}`;

const APPLY_TO_YEARS = `
  UNWIND $rows AS row
  MERGE (m:PlaceYear {id: row.key})
  ON CREATE SET m.place = split(row.key, '|')[0], m.year = toInteger(split(row.key, '|')[1])
  SET m.total = coalesce(m.total, 0) + row.total, m.byType = ${addLists('m.byType', 'row.byType')}
  WITH m WHERE m.total <= 0
  DELETE m`;

const APPLY_TO_MONTHS = `
  UNWIND $rows AS row
  MERGE (m:PlaceMonth {id: row.key})
  ON CREATE SET m.place = split(row.key, '|')[0], m.month = date(split(row.key, '|')[1] + '-01')
  SET m.total = coalesce(m.total, 0) + row.total, m.byType = ${addLists('m.byType', 'row.byType')},
      m.carried = ${addLists('m.carried', 'row.carried')}
  WITH m WHERE m.total <= 0 AND all(n IN m.carried WHERE n <= 0)
  DELETE m`;

/** Adds these counts to the places', their years' and their months'. */
export async function writePlaceRows(tx: ManagedTransaction, rows: PlaceRows): Promise<void> {
  if (rows.places.length > 0) await tx.run(APPLY_TO_PLACES, toParams({ rows: rows.places }) as Record<string, unknown>);
  if (rows.years.length > 0) await tx.run(APPLY_TO_YEARS, toParams({ rows: rows.years }) as Record<string, unknown>);
  if (rows.months.length > 0) await tx.run(APPLY_TO_MONTHS, toParams({ rows: rows.months }) as Record<string, unknown>);
}

/** Per-type counts summed from `counts` rows ({type, n}), as a list in EVENT_TYPES order. */
const typeList = (counts: string, n: string) => `[t IN $types | reduce(s = 0, c IN ${counts} | s + CASE WHEN c.type = t THEN c.${n} ELSE 0 END)]`;

/** Every place count computed again from the events, as the loader keeps them. */
export const REBUILD_PLACE_COUNTS = [
  'MATCH (m:PlaceMonth) CALL (m) { DELETE m } IN TRANSACTIONS OF 10000 ROWS',
  'MATCH (m:PlaceYear) CALL (m) { DELETE m } IN TRANSACTIONS OF 10000 ROWS',
  `MATCH (p:Place)
   CALL (p) {
     OPTIONAL MATCH (p)<-[:LOCATED_AT]-(e:Event) WHERE e.date IS NOT NULL
     WITH DISTINCT e
     WITH e.type AS type, count(e) AS n
     WITH collect({ type: type, n: n }) AS counts
     SET p.eventTotal = reduce(s = 0, c IN counts | s + c.n), p.eventsByType = ${typeList('counts', 'n')}
   } IN TRANSACTIONS OF 100 ROWS`,
  `MATCH (p:Place) WHERE p.eventTotal > 0
   CALL (p) {
     MATCH (p)<-[:LOCATED_AT]-(e:Event) WHERE e.date IS NOT NULL
     WITH DISTINCT e
     WITH e, date.truncate('month', e.date) AS first, date.truncate('month', coalesce(e.lastDate, e.date)) AS last
     UNWIND range(0, (last.year - first.year) * 12 + last.month - first.month) AS k
     WITH first + duration({months: k}) AS month, e.type AS type, CASE WHEN k = 0 THEN 1 ELSE 0 END AS starts
     WITH month, type, sum(starts) AS n, sum(1 - starts) AS c
     WITH month, collect({ type: type, n: n, c: c }) AS counts
     CREATE (:PlaceMonth {
       id: p.id + '|' + substring(toString(month), 0, 7), place: p.id, month: month,
       total: reduce(s = 0, x IN counts | s + x.n), byType: ${typeList('counts', 'n')}, carried: ${typeList('counts', 'c')}
     })
   } IN TRANSACTIONS OF 10 ROWS`,
  `MATCH (m:PlaceMonth) WHERE m.total > 0
   WITH m.place AS place, m.month.year AS year, collect(m) AS months
   CALL (place, year, months) {
     CREATE (:PlaceYear {
       id: place + '|' + right('000' + toString(year), 4), place: place, year: year,
       total: reduce(s = 0, m IN months | s + m.total),
       byType: reduce(acc = [t IN $types | 0], m IN months | [i IN range(0, size(acc) - 1) | acc[i] + coalesce(m.byType[i], 0)])
     })
   } IN TRANSACTIONS OF 1000 ROWS`,
];

/** Every count per place, place and year, place and month computed again from the events. */
export const rebuildPlaceCounts = (db: Db): Promise<void> =>
  runInBatches(db, REBUILD_PLACE_COUNTS, toParams({ types: [...EVENT_TYPES] }) as Record<string, unknown>);
