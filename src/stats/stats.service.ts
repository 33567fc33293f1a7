import type { Db } from '../db/query';
import { readLatestReviewed, readStats } from './stats.repository';
import type { Stats } from './stats.schemas';
import { requireActor } from '../actors/actors.service';
import { InvalidError } from '../domain/errors';
import { typeLabel } from '../domain/labels';
import type { EventType } from '../domain/model';
import { EVENT_TYPES } from '../domain/taxonomy';
import type { EventFilters } from '../places/places.repository';
import { shapeSeries, shapeTypeCounts, type ShapedSeries } from './series';
import { activeDyads, countByActor, countByCountry, countByType, typeCountsByMonth, wholeHistory } from './series.repository';
import { MAX_BUCKETS, type SeriesAnswer, type SeriesQuery } from './series.schemas';

/** What the knowledge base holds: counts, the span of its events, and the `latest` newest events. */
export function getStats(db: Db, latest: number): Promise<Stats> {
  return readStats(db, latest);
}

/** The `limit` latest events (by their date) that an editor reviewed, latest first. */
export function getLatestEventsReviewed(db: Db, limit: number): Promise<Stats['latest']> {
  return readLatestReviewed(db, limit);
}

/** Events over time, one series per type, actor or country (the most active), within the filters. */
export async function getSeries(db: Db, query: SeriesQuery): Promise<SeriesAnswer> {
  const filters = { actor: query.actor, type: query.type, from: query.from, to: query.to };
  // The actor is checked while the counts are read: an unknown one is a 404 whatever the counts say.
  const [shaped] = await Promise.all([shapedSeries(db, query, filters), query.actor ? requireActor(db, query.actor) : undefined]);
  if (shaped.buckets.length > MAX_BUCKETS) {
    throw new InvalidError(
      'interval',
      `${shaped.buckets.length} ${query.interval}s is more than ${MAX_BUCKETS}; ask by year or for a shorter window (from, to)`,
    );
  }
  return { by: query.by, interval: query.interval, ...shaped };
}

async function shapedSeries(db: Db, query: SeriesQuery, filters: EventFilters): Promise<ShapedSeries> {
  if (query.by === 'type' && wholeHistory(filters)) {
    return shapeTypeCounts(await typeCountsByMonth(db, filters, query.interval), query.interval, EVENT_TYPES, query.type, (type) =>
      typeLabel(type as EventType),
    );
  }
  const rows = await (query.by === 'type'
    ? countByType(db, filters, query.interval)
    : query.by === 'actor'
      ? countByActor(db, filters, query.interval, query.top)
      : countByCountry(db, filters, query.interval, query.top));
  const label = query.by === 'type' ? (row: { key: string }) => typeLabel(row.key as EventType) : (row: { label: string }) => row.label;
  return shapeSeries(rows, query.interval, label, query.by === 'country');
}

/** The busiest pairs of actors within a window. */
export const getActiveDyads = (db: Db, from: string, to: string, limit: number) => activeDyads(db, { from, to }, limit);
