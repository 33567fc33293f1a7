import { read, type Db } from '../db/query';
import { EVENT_TYPES, type EventType } from '../domain/taxonomy';
import { filteredEvents, type EventFilters } from '../places/places.repository';

/**
 * Counts per bucket for the trends, aggregated in Cypher: a bucket is a number (year, or year × 12 + month
 * index), one row per bucket and key, never the events. Over the whole history they are read from the counts
 * per month (ingest/month-counts.ts); within a window, from the events of the window.
 */

export interface SeriesRow {
  key: string;
  label: string;
  bucket: number;
  count: number;
  /** by=country only: the event type of the count. */
  type?: string;
}

/** One month's stored counts, in EVENT_TYPES order, with the bucket it falls in: what a series by type over the whole history is made of. */
export interface TypeCountsRow {
  bucket: number;
  byType: number[];
}

const bucketOf = (interval: 'month' | 'year') => (interval === 'year' ? 'e.date.year' : 'e.date.year * 12 + e.date.month - 1');

const params = (f: EventFilters) => ({ actor: f.actor ?? null, type: f.type ?? null, from: f.from ?? null, to: f.to ?? null });

/** Without dates to keep to, the counts per month (ingest/month-counts.ts) answer; a window needs the events. */
export const wholeHistory = (f: EventFilters) => f.from === undefined && f.to === undefined;

const monthBucketOf = (interval: 'month' | 'year') => (interval === 'year' ? 'm.month.year' : 'm.month.year * 12 + m.month.month - 1');

/** A month count's events of the filter's type, or all of them. */
const COUNT_OF_TYPE = 'CASE WHEN $typeIndex IS NULL THEN m.total ELSE coalesce(m.byType[$typeIndex], 0) END';

const typeIndexOf = (f: EventFilters) => (f.type === undefined ? null : EVENT_TYPES.indexOf(f.type as EventType));

/** Counts per type and bucket of the events within a window (see typeCountsByMonth for the whole history). */
export function countByType(db: Db, filters: EventFilters, interval: 'month' | 'year'): Promise<SeriesRow[]> {
  return read<SeriesRow>(
    db,
    `${filteredEvents(filters)}
     WITH e.type AS key, ${bucketOf(interval)} AS bucket, count(*) AS count
     RETURN key, key AS label, bucket, count`,
    params(filters),
  );
}

/**
 * The counts per month as stored (of the actor's events, when one is named), one row per month with its bucket and
 * its counts in EVENT_TYPES order (series.ts, shapeTypeCounts, sums them): a few hundred rows instead of one per
 * month and type. The counts come as floats (whole, and exact): the driver hands those over as numbers, where each
 * integer would be an object to make and convert, thousands per answer.
 */
export function typeCountsByMonth(db: Db, filters: EventFilters, interval: 'month' | 'year'): Promise<TypeCountsRow[]> {
  return read<TypeCountsRow>(
    db,
    `${filters.actor ? 'MATCH (m:ActorMonth {actor: $actor})' : 'MATCH (m:MonthCount)'}
     RETURN ${monthBucketOf(interval)} AS bucket, [n IN m.byType | toFloat(n)] AS byType`,
    { actor: filters.actor ?? null },
  );
}

/** The `top` most active actors within the filters (the filter's own actor left out: it is in every event). */
export function countByActor(db: Db, filters: EventFilters, interval: 'month' | 'year', top: number): Promise<SeriesRow[]> {
  if (wholeHistory(filters) && !filters.actor) return countByActorFromMonths(db, filters, interval, top);
  return read<SeriesRow>(
    db,
    `${filteredEvents(filters)}
     MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) WHERE $actor IS NULL OR a.id <> $actor
     WITH a, ${bucketOf(interval)} AS bucket, count(DISTINCT e) AS count
     WITH a, collect({ bucket: bucket, count: count }) AS buckets, sum(count) AS total
     ORDER BY total DESC, a.id LIMIT $top
     UNWIND buckets AS b
     RETURN a.id AS key, a.name AS label, b.bucket AS bucket, b.count AS count`,
    { ...params(filters), top },
  );
}

/** The busiest actors by their own summaries (eventTotal, eventsByType), then their counts per month. */
function countByActorFromMonths(db: Db, filters: EventFilters, interval: 'month' | 'year', top: number): Promise<SeriesRow[]> {
  return read<SeriesRow>(
    db,
    `MATCH (a:Actor) WHERE a.eventTotal > 0
     WITH a, CASE WHEN $typeIndex IS NULL THEN a.eventTotal ELSE coalesce(a.eventsByType[$typeIndex], 0) END AS total
     WHERE total > 0
     ORDER BY total DESC, a.id LIMIT $top
     MATCH (m:ActorMonth {actor: a.id})
     WITH a, total, ${monthBucketOf(interval)} AS bucket, sum(${COUNT_OF_TYPE}) AS count
     WHERE count > 0
     RETURN a.id AS key, a.name AS label, bucket, count
     ORDER BY total DESC, key, bucket`,
    { typeIndex: typeIndexOf(filters), top },
  );
}

/** The `top` countries where the filtered events are drawn, per bucket and event type. */
export function countByCountry(db: Db, filters: EventFilters, interval: 'month' | 'year', top: number): Promise<SeriesRow[]> {
  if (wholeHistory(filters) && !filters.actor) return countByCountryFromPlaces(db, filters, interval, top);
  return countByCountryFromEvents(db, filters, interval, top);
}

/**
 * The busiest countries by their places' own counts (places/place-counts.ts), then their places' counts per year or
 * month summed per country: a few hundred rows read instead of every located event.
 */
async function countByCountryFromPlaces(db: Db, filters: EventFilters, interval: 'month' | 'year', top: number): Promise<SeriesRow[]> {
  const typeIndex = typeIndexOf(filters);
  const rows = await read<{ key: string; label: string; bucket: number; byType: number[] }>(
    db,
    `MATCH (p:Place) WHERE p.eventTotal > 0
     WITH p.country AS key, p.countryName AS label, collect(p.id) AS places,
          sum(CASE WHEN $typeIndex IS NULL THEN p.eventTotal ELSE coalesce(p.eventsByType[$typeIndex], 0) END) AS total
     WHERE total > 0
     ORDER BY total DESC, key LIMIT $top
     UNWIND places AS place
     ${interval === 'year' ? 'MATCH (m:PlaceYear {place: place}) WITH key, label, total, m.year AS bucket, m' : 'MATCH (m:PlaceMonth {place: place}) WHERE m.total > 0 WITH key, label, total, m.month.year * 12 + m.month.month - 1 AS bucket, m'}
     WITH key, label, total, bucket, collect(m.byType) AS lists
     RETURN key, label, bucket, [i IN range(0, size($types) - 1) | toFloat(reduce(s = 0, l IN lists | s + coalesce(l[i], 0)))] AS byType
     ORDER BY total DESC, key, bucket`,
    { typeIndex, top, types: [...EVENT_TYPES] },
  );
  const series: SeriesRow[] = [];
  for (const row of rows) {
    row.byType.forEach((count, i) => {
      if (count > 0 && (typeIndex === null || i === typeIndex))
        series.push({ key: row.key, label: row.label, bucket: row.bucket, type: EVENT_TYPES[i]!, count });
    });
  }
  return series;
}

/** The `top` countries where the filtered events are drawn, per bucket and event type, counted from the events. */
export function countByCountryFromEvents(db: Db, filters: EventFilters, interval: 'month' | 'year', top: number): Promise<SeriesRow[]> {
  return read<SeriesRow>(
    db,
    `${filteredEvents(filters)}
     MATCH (e)-[:LOCATED_AT]->(p:Place)
     WITH p.country AS key, p.countryName AS label, ${bucketOf(interval)} AS bucket, e.type AS type, count(*) AS count
     WITH key, label, collect({ bucket: bucket, type: type, count: count }) AS rows, sum(count) AS total
     ORDER BY total DESC, key LIMIT $top
     UNWIND rows AS r
     RETURN key, label, r.bucket AS bucket, r.type AS type, r.count AS count`,
    { ...params(filters), top },
  );
}

/** The pairs of actors who took part in the most of the filtered events together (a dashboard's busiest dyads). */
export function activeDyads(db: Db, filters: EventFilters, limit: number) {
  return read<{ a: { id: string; name: string }; b: { id: string; name: string }; count: number }>(
    db,
    `${filteredEvents(filters)}
     MATCH (x:Actor)-[:PARTICIPATED_IN]->(e)<-[:PARTICIPATED_IN]-(y:Actor) WHERE x.id < y.id
     WITH x, y, count(DISTINCT e) AS count ORDER BY count DESC, x.id, y.id LIMIT $limit
     RETURN x { .id, .name } AS a, y { .id, .name } AS b, count`,
    { ...params(filters), limit },
  );
}
