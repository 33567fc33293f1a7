import { requireActor } from '../actors/actors.service';
import type { Db } from '../db/query';
import { pageFrom } from '../domain/cursor';
import { cellDegrees, clusterPlaces, countByCountry } from './clusters';
import { resolvePlace } from './gazetteer';
import { countByPlace, listEventsInArea, listUnresolved, type EventFilters } from './places.repository';
import type { MapAnswer, MapEventsQuery, MapQuery } from './places.schemas';

async function checkedFilters(db: Db, filters: EventFilters): Promise<EventFilters> {
  if (filters.actor) await requireActor(db, filters.actor);
  return { actor: filters.actor, type: filters.type, from: filters.from, to: filters.to };
}

/** The filtered events as clusters for the zoom, and per country: aggregated counts, never the events. */
export async function mapClusters(db: Db, query: MapQuery): Promise<MapAnswer> {
  const places = await countByPlace(db, await checkedFilters(db, query));
  const clusters = clusterPlaces(places, query.zoom);
  return {
    zoom: query.zoom,
    cellDegrees: cellDegrees(query.zoom),
    total: clusters.reduce((sum, c) => sum + c.count, 0),
    clusters,
    countries: countByCountry(places),
  };
}

/** The filtered events drawn inside a cluster's cell, latest first. */
export async function mapEvents(db: Db, query: MapEventsQuery) {
  const { south, west, north, east } = query;
  const { rows, codec } = await listEventsInArea(db, await checkedFilters(db, query), { south, west, north, east }, query.limit, query.cursor);
  return pageFrom(rows, query.limit, codec);
}

export async function unresolvedPlaces(db: Db, limit: number, cursor: string | undefined) {
  const { rows, codec } = await listUnresolved(db, limit, cursor);
  return pageFrom(rows, limit, codec);
}

/** What the gazetteer makes of a place as written: the review workbench shows it beside each draft's place. */
export function resolveText(text: string) {
  return { text, place: resolvePlace(text) ?? null };
}
