import type { Db } from '../db/query';
import { readLatestReviewed, readStats } from './stats.repository';
import type { Stats } from './stats.schemas';
import { requireActor } from '../actors/actors.service';
import { InvalidError } from '../domain/errors';
import { typeLabel } from '../domain/labels';
import type { EventType } from '../domain/model';
import { shapeSeries } from './series';
import { activeDyads, countByActor, countByCountry, countByType } from './series.repository';
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
  if (query.actor) await requireActor(db, query.actor);
  const filters = { actor: query.actor, type: query.type, from: query.from, to: query.to };
  const rows =
    query.by === 'type'
      ? await countByType(db, filters, query.interval)
      : query.by === 'actor'
        ? await countByActor(db, filters, query.interval, query.top)
        : await countByCountry(db, filters, query.interval, query.top);
  const label = query.by === 'type' ? (row: { key: string }) => typeLabel(row.key as EventType) : (row: { label: string }) => row.label;
  const shaped = shapeSeries(rows, query.interval, label, query.by === 'country');
  if (shaped.buckets.length > MAX_BUCKETS) {
    throw new InvalidError(
      'interval',
      `${shaped.buckets.length} ${query.interval}s is more than ${MAX_BUCKETS}; ask by year or for a shorter window (from, to)`,
    );
  }
  return { by: query.by, interval: query.interval, ...shaped };
}

/** The busiest pairs of actors within a window. */
export const getActiveDyads = (db: Db, from: string, to: string, limit: number) => activeDyads(db, { from, to }, limit);
