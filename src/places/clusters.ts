import type { PlaceCount } from './places.repository';
import type { MapCluster } from './places.schemas';

/**
 * Clusters of places on a grid of cells, the cell halving with each zoom step. Pure: the places come already
 * counted from Cypher (a few thousand at most), so this is the last small step before the map.
 */

export const cellDegrees = (zoom: number) => 20 / 2 ** zoom;

export function clusterPlaces(places: readonly PlaceCount[], zoom: number): MapCluster[] {
  const size = cellDegrees(zoom);
  const cells = new Map<string, { row: number; col: number; members: PlaceCount[] }>();
  for (const entry of places) {
    const row = Math.floor((entry.place.lat + 90) / size);
    const col = Math.floor((entry.place.lon + 180) / size);
    const key = `${zoom}/${row}/${col}`;
    const cell = cells.get(key) ?? { row, col, members: [] };
    cell.members.push(entry);
    cells.set(key, cell);
  }
  return [...cells.entries()]
    .map(([id, cell]) => {
      const count = cell.members.reduce((sum, m) => sum + m.count, 0);
      const types: Record<string, number> = {};
      for (const member of cell.members) for (const [type, n] of Object.entries(member.types)) types[type] = (types[type] ?? 0) + n;
      const mean = (pick: (m: PlaceCount) => number) => cell.members.reduce((sum, m) => sum + pick(m) * m.count, 0) / count;
      const south = cell.row * size - 90;
      const west = cell.col * size - 180;
      return {
        id,
        lat: mean((m) => m.place.lat),
        lon: mean((m) => m.place.lon),
        count,
        types,
        places: [...cell.members]
          .sort((a, b) => b.count - a.count || a.place.name.localeCompare(b.place.name))
          .slice(0, 5)
          .map((m) => ({ name: m.place.name, count: m.count })),
        bounds: { south, west, north: Math.min(90, south + size), east: Math.min(180, west + size) },
      };
    })
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/** Events per country (a city's events count for its country), busiest first. */
export function countByCountry(places: readonly PlaceCount[]) {
  const countries = new Map<string, { country: string; countryNumeric: string; name: string; count: number }>();
  for (const { place, count } of places) {
    const entry = countries.get(place.country) ?? { country: place.country, countryNumeric: place.countryNumeric, name: place.countryName, count: 0 };
    entry.count += count;
    countries.set(place.country, entry);
  }
  return [...countries.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
