/**
 * The map page: the world with the events' clusters for the filters and the zoom, a date brush under it, the
 * events of a clicked cluster, and countries shaded by their events on request. Everything it draws comes
 * from the app: the shapes from /vendor/world-atlas, the counts from /api/map (aggregated by the database).
 */
import type { Topology } from 'topojson-specification';
import { getJson, statusWriter, typeLabels } from '../common';
import { foldControls } from '../controls/fold';
import { bindFilterForm, readFilters, setDates } from '../view-filters';
import { drawBrush } from './brush';
import { createMap, drawClusters, shadeCountries, type MapView } from './draw';
import { listCluster } from './list';
import type { MapAnswer, MapCluster } from '../../places/places.schemas';

async function setup(root: HTMLElement): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-view-filters]');
  const panel = document.querySelector<HTMLElement>('[data-map-list]');
  const brushRoot = document.querySelector<HTMLElement>('[data-map-brush]');
  if (!form || !panel || !brushRoot) return;
  const say = statusWriter(document.querySelector<HTMLElement>('[data-map-status]'));
  const labels = typeLabels();
  const span = { first: root.dataset.spanFirst ?? '', last: root.dataset.spanLast ?? '' };
  const shading = () => (form.elements.namedItem('shade') as HTMLInputElement | null)?.checked === true;
  say('Loading the map…');
  const topology = await getJson<Topology>('/vendor/world-atlas/countries-110m.json');
  let level = 0;
  let asked = 0;
  let view: MapView | undefined;
  const describe = (c: MapCluster) =>
    `${c.places.map((p) => p.name).join(', ')}: ${c.count} event${c.count === 1 ? '' : 's'}, mostly ${labels.get(Object.entries(c.types).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '') ?? ''}`;
  const redraw = async () => {
    const ask = ++asked;
    const filters = readFilters(form);
    const params = new URLSearchParams({ zoom: String(level) });
    for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
    const answer = await getJson<MapAnswer>(`/api/map?${params.toString()}`);
    if (ask !== asked || !view) return;
    drawClusters(view, answer.clusters, describe, (cluster) => void listCluster(panel, cluster, readFilters(form), labels));
    shadeCountries(view, shading() ? new Map(answer.countries.map((c) => [c.countryNumeric, c.count])) : null);
    root.dataset.total = String(answer.total);
    say(`${answer.total} event${answer.total === 1 ? '' : 's'} drawn in ${answer.clusters.length} cluster${answer.clusters.length === 1 ? '' : 's'}.`);
  };
  const show = (work: Promise<void>) => work.catch((error: Error) => say(error.message));
  view = createMap(root, topology, (next) => {
    level = next;
    void show(redraw());
  });
  const redrawBrush = () =>
    drawBrush(brushRoot, readFilters(form), span, (from, to) => {
      setDates(form, from, to);
      panel.hidden = true;
      void show(redraw());
    });
  bindFilterForm(form, () => {
    panel.hidden = true;
    void show(Promise.all([redraw(), redrawBrush()]).then(() => undefined));
  });
  await Promise.all([redraw(), redrawBrush()]);
}

foldControls();
document.querySelectorAll<HTMLElement>('[data-map]').forEach((root) => {
  void setup(root).catch((error: Error) => statusWriter(document.querySelector<HTMLElement>('[data-map-status]'))(error.message));
});
