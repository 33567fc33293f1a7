import { geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent } from 'd3-zoom';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { MapCluster } from '../../places/places.schemas';

/**
 * The world drawn with d3-geo (Equal Earth) from world-atlas's TopoJSON, zoomable and pannable, with the
 * clusters on top. Circles keep their size on screen as the map grows; each zoom step (a doubling) asks the
 * API for clusters of half the size.
 */

export interface MapView {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  countries: Selection<SVGPathElement, CountryShape, SVGGElement, unknown>;
  clusterLayer: Selection<SVGGElement, unknown, null, undefined>;
  project: (lon: number, lat: number) => [number, number];
  scale: () => number;
}

export interface CountryShape {
  id?: string | number;
  properties: { name?: string } | null;
  type: 'Feature';
  geometry: GeoPermissibleObjects;
}

export const MAX_LEVEL = 6;
export const levelOf = (k: number) => Math.max(0, Math.min(MAX_LEVEL, Math.floor(Math.log2(k) + 0.25)));

export function createMap(root: HTMLElement, topology: Topology, onLevel: (level: number) => void): MapView {
  const width = Math.max(280, root.clientWidth);
  const height = Math.round(width * 0.52);
  const shapes = feature(topology, topology.objects.countries as GeometryCollection) as unknown as { features: CountryShape[] };
  const projection = geoEqualEarth().fitSize([width, height], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = select(root)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('class', 'world')
    .attr('role', 'group')
    .attr('aria-label', 'World map of events');
  const stage = svg.append('g');
  stage
    .append('path')
    .datum({ type: 'Sphere' } as GeoPermissibleObjects)
    .attr('class', 'sphere')
    .attr('d', path);
  const countries = stage
    .append('g')
    .selectAll<SVGPathElement, CountryShape>('path')
    .data(shapes.features)
    .join('path')
    .attr('class', 'country')
    .attr('d', (d) => path(d.geometry) ?? '')
    .attr('data-country-numeric', (d) => String(d.id ?? ''));
  countries.append('title').text((d) => d.properties?.name ?? '');
  const clusterLayer = stage.append('g').attr('class', 'clusters');
  let k = 1;
  let level = 0;
  const behaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, 2 ** (MAX_LEVEL + 1)])
    .translateExtent([
      [0, 0],
      [width, height],
    ])
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      k = event.transform.k;
      stage.attr('transform', event.transform.toString());
      clusterLayer.selectAll<SVGGElement, unknown>('g.cluster').attr('transform', function () {
        return `${this.dataset.at ?? ''} scale(${1 / k})`;
      });
    })
    .on('end', () => {
      const next = levelOf(k);
      if (next !== level) {
        level = next;
        onLevel(level);
      }
    });
  svg.call(behaviour).call(behaviour.transform, zoomIdentity);
  return {
    svg,
    countries,
    clusterLayer,
    project: (lon, lat) => projection([lon, lat]) ?? [0, 0],
    scale: () => k,
  };
}

/** The most frequent type of a cluster: its colour. */
export const leadingType = (types: Record<string, number>) => Object.entries(types).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';

export function drawClusters(view: MapView, clusters: MapCluster[], describe: (c: MapCluster) => string, onPick: (c: MapCluster) => void): void {
  const radius = scaleSqrt()
    .domain([1, Math.max(1, ...clusters.map((c) => c.count))])
    .range([6, 26]);
  const k = view.scale();
  const groups = view.clusterLayer
    .selectAll<SVGGElement, MapCluster>('g.cluster')
    .data(clusters, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'cluster').attr('tabindex', '0').attr('role', 'button');
      g.append('circle');
      g.append('text').attr('dy', '0.35em');
      return g;
    })
    .attr('data-cluster', (d) => d.id)
    .attr('data-count', (d) => String(d.count))
    .attr('data-places', (d) => d.places.map((p) => p.name).join('|'))
    .attr('aria-label', describe)
    .each(function (d) {
      const [x, y] = view.project(d.lon, d.lat);
      this.dataset.at = `translate(${x},${y})`;
    })
    .attr('transform', function () {
      return `${this.dataset.at ?? ''} scale(${1 / k})`;
    });
  groups
    .select('circle')
    .attr('r', (d) => radius(d.count))
    .attr('class', (d) => `type-${leadingType(d.types)}`);
  groups.select('text').text((d) => (d.count > 1 ? String(d.count) : ''));
  groups.on('click', (_event, d) => onPick(d));
  groups.on('keydown', (event: KeyboardEvent, d) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(d);
    }
  });
}

/** Countries shaded by their events (light to dark), or left plain. */
export function shadeCountries(view: MapView, counts: Map<string, number> | null): void {
  if (!counts) {
    view.countries.attr('data-events', null).style('fill', null);
    return;
  }
  const shade = scaleLinear<string>()
    .domain([0, Math.max(1, ...counts.values())])
    .range(['#e8eef8', '#1f4e9c']);
  view.countries
    .attr('data-events', (d) => String(counts.get(String(d.id)) ?? 0))
    .style('fill', (d) => (counts.has(String(d.id)) ? shade(counts.get(String(d.id)) ?? 0) : null));
}
