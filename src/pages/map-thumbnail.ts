import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The home page's map thumbnail, drawn by the server: the land of world-atlas (1:110m) in a plain
 * equirectangular projection (d3-geo is an ES module the server cannot load) and a circle per cluster of the
 * world view. Only numbers go into it; no text of the knowledge base does.
 */

const WIDTH = 360;
const HEIGHT = 180;
const project = (lon: number, lat: number): [number, number] => [((lon + 180) / 360) * WIDTH, ((90 - lat) / 180) * HEIGHT];

type Ring = Array<[number, number]>;
interface LandShape {
  features?: Array<{ geometry: { type: string; coordinates: Ring[] | Ring[][] } }>;
  geometry?: { type: string; coordinates: Ring[] | Ring[][] };
}

const ringPath = (ring: Ring) =>
  `M${ring
    .map(([lon, lat]) => project(lon, lat))
    .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
    .join('L')}Z`;

let land: string | undefined;

/** The land's outline, computed once. */
function landPath(): string {
  if (land === undefined) {
    const topology = createRequire(__filename)('world-atlas/land-110m.json') as Topology;
    const shape = feature(topology, topology.objects.land as GeometryCollection) as unknown as LandShape;
    const geometries = shape.features?.map((f) => f.geometry) ?? (shape.geometry ? [shape.geometry] : []);
    land = geometries
      .flatMap((g) => (g.type === 'MultiPolygon' ? (g.coordinates as Ring[][]) : [g.coordinates as Ring[]]))
      .flatMap((polygon) => polygon.map(ringPath))
      .join('');
  }
  return land;
}

export function mapThumbnail(clusters: ReadonlyArray<{ lat: number; lon: number; count: number }>): string {
  const most = Math.max(1, ...clusters.map((c) => c.count));
  const circles = clusters
    .map((c) => {
      const [x, y] = project(c.lon, c.lat);
      const r = 2.5 + 7 * Math.sqrt(c.count / most);
      return `<circle class="thumb-cluster" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"/>`;
    })
    .join('');
  return `<svg class="map-thumb" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Where the events happened"><rect class="thumb-sphere" width="${WIDTH}" height="${HEIGHT}"/><path class="thumb-land" d="${landPath()}"/>${circles}</svg>`;
}

/** A sparkline of counts: a polyline scaled into a small box. */
export function sparkline(counts: readonly number[], width = 160, height = 32): string {
  if (counts.length === 0) return '';
  const most = Math.max(1, ...counts);
  const step = counts.length > 1 ? width / (counts.length - 1) : 0;
  const points = counts.map((n, i) => `${(i * step).toFixed(1)},${(height - 2 - (n / most) * (height - 4)).toFixed(1)}`).join(' ');
  return `<svg class="sparkline" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" aria-hidden="true"><polyline points="${points}"/></svg>`;
}
