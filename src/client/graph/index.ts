/**
 * The actor graph (d3-force on SVG): nodes are actors coloured by kind, edges are shared events (one per
 * event type, thicker with more events) and affiliations. Hover or focus highlights a node's neighbours;
 * zoom, pan and drag; a node is a link to the actor's page. Filters and the centre live in the address.
 */
import { foldControls } from '../controls/fold';
import { onFilterChange, statusWriter, typeLabels } from '../common';
import { setupPictureDownloads } from '../picture';
import { graphDrawer } from './draw';
import { graphLoader } from './fetch';
import { renderList } from './list';
import { initialFilters, readForm, remember } from './state';

function setup(root: HTMLElement): void {
  const form = document.querySelector<HTMLFormElement>('[data-graph-filters]');
  const statusLine = document.querySelector<HTMLElement>('[data-graph-status]');
  const listBlock = document.querySelector<HTMLDetailsElement>('[data-graph-list]');
  // With the graph drawn, the list is a secondary view: folded, one click away.
  if (listBlock) listBlock.open = false;
  const page = {
    heading: document.querySelector<HTMLElement>('.page-title h1'),
    setStatus: statusWriter(statusLine),
    labels: typeLabels(),
    pickedBar: document.querySelector<HTMLElement>('[data-graph-picked]'),
  };
  const filters = initialFilters(root);
  const draw = graphDrawer(root, page);
  const load = graphLoader((graph) => {
    draw(graph);
    renderList(listBlock, graph, page.labels);
  }, page.setStatus);
  if (form) {
    onFilterChange(form, () => {
      readForm(form, filters);
      remember(filters);
      void load(filters);
    });
  }
  setupPictureDownloads(() => root.querySelector('svg'), 'actor-graph');
  void load(filters);
}

foldControls();
document.querySelectorAll<HTMLElement>('[data-graph]').forEach(setup);
