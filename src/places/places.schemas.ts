import { z } from 'zod';
import { IsoDate } from '../domain/dates';
import { EventType, Slug } from '../domain/model';
import { CursorParam, pageOf } from '../domain/page';
import { DateView, Limit } from '../domain/views';

/** The filters the map and the trends share with the timeline: an actor, a type, a date window. */
export const EventFilterParams = {
  actor: Slug.optional().describe('Only events this actor took part in'),
  type: EventType.optional(),
  from: IsoDate.optional().describe('Only events that end on or after this day (YYYY-MM-DD)'),
  to: IsoDate.optional().describe('Only events that start on or before this day (YYYY-MM-DD)'),
};

const windowInOrder = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.from <= q.to;
const WINDOW_ORDER = { message: 'from must not be after to', path: ['to'] };

/** Zoom 0 shows the world; each step halves the clusters' cells (from 20° down to 20/2^6 ≈ 0.3°). */
export const MAX_MAP_ZOOM = 6;

export const MapQuery = z
  .strictObject({
    ...EventFilterParams,
    zoom: z.coerce.number().int().min(0).max(MAX_MAP_ZOOM).default(0).describe(`Cluster size: 0 (world, cells of 20°) to ${MAX_MAP_ZOOM} (cells of 0.3°)`),
  })
  .refine(windowInOrder, WINDOW_ORDER);
export type MapQuery = z.infer<typeof MapQuery>;

export const PlaceView = z.object({
  id: z.string().describe('country:<ISO 3166-1 alpha-2> or city:<GeoNames id>'),
  name: z.string(),
  kind: z.enum(['country', 'city']),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  countryName: z.string(),
  countryNumeric: z.string().describe('ISO 3166-1 numeric: the id of the country in world-atlas'),
  lat: z.number(),
  lon: z.number(),
});
export type PlaceView = z.infer<typeof PlaceView>;

const TypeCounts = z.record(z.string(), z.number().int()).describe('Events per event type');

export const MapCluster = z.object({
  id: z.string().describe('The cell: zoom/row/column'),
  lat: z.number().describe('Centre of the cluster: the mean of its places, weighted by events'),
  lon: z.number(),
  count: z.number().int().describe('Events drawn here (an event without a place is drawn at each of its states)'),
  types: TypeCounts,
  places: z.array(z.object({ name: z.string(), count: z.number().int() })).describe('Its busiest places (at most five)'),
  bounds: z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() }).describe('The cell, for listing its events'),
});
export type MapCluster = z.infer<typeof MapCluster>;

export const MapCountry = z.object({
  country: z.string(),
  countryNumeric: z.string(),
  name: z.string(),
  count: z.number().int(),
});

export const MapAnswer = z.object({
  zoom: z.number().int(),
  cellDegrees: z.number(),
  total: z.number().int().describe('Events drawn (counted once per place they are drawn at)'),
  clusters: z.array(MapCluster),
  countries: z.array(MapCountry).describe('Events per country, for shading'),
});
export type MapAnswer = z.infer<typeof MapAnswer>;

const Latitude = z.coerce.number().min(-90).max(90);
const Longitude = z.coerce.number().min(-180).max(180);

export const MapEventsQuery = z
  .strictObject({
    ...EventFilterParams,
    south: Latitude,
    west: Longitude,
    north: Latitude,
    east: Longitude,
    limit: Limit(20, 100),
    cursor: CursorParam,
  })
  .refine(windowInOrder, WINDOW_ORDER)
  .refine((q) => q.south <= q.north, { message: 'south must not be north of north', path: ['north'] })
  .refine((q) => q.west <= q.east, { message: 'west must not be east of east', path: ['east'] });
export type MapEventsQuery = z.infer<typeof MapEventsQuery>;

export const MapEvent = z.object({ id: z.string(), type: EventType, title: z.string(), date: DateView, places: z.array(z.string()) });
export type MapEvent = z.infer<typeof MapEvent>;
export const MapEventPage = pageOf(MapEvent);

export const UnresolvedQuery = z.strictObject({ limit: Limit(50, 200), cursor: CursorParam });
export const UnresolvedPlace = z.object({
  place: z.string().describe('The place as written, which the gazetteer does not know'),
  event: z.object({ id: z.string(), type: EventType, title: z.string(), date: DateView }),
});
export type UnresolvedPlace = z.infer<typeof UnresolvedPlace>;
export const UnresolvedPage = pageOf(UnresolvedPlace);

export const ResolveQuery = z.strictObject({ q: z.string().trim().min(1).max(200).describe('A place as written: "Minsk", "Minsk, Belarus", "Belarus"') });
export const Resolution = z.object({ text: z.string(), place: PlaceView.nullable().describe('null when the gazetteer does not know it') });
