/**
 * The trends page: events per bucket stacked by type, and the most active actors' lines, from
 * /api/stats/series within the filters; each chart downloads as CSV and SVG. The country × type table is
 * the server's.
 */
import { getJson, statusWriter } from '../common';
import { foldControls } from '../controls/fold';
import { filterQuery, readFilters } from '../view-filters';
import { drawLines, drawStacked, type SeriesAnswer } from './chart';
import { downloadButtons } from './download';

async function drawSection(section: HTMLElement, form: HTMLFormElement): Promise<void> {
  const by = section.dataset.trend as 'type' | 'actor';
  const interval = section.dataset.interval ?? 'month';
  const chart = section.querySelector<HTMLElement>('[data-chart]');
  if (!chart) return;
  const answer = await getJson<SeriesAnswer>(`/api/stats/series?${filterQuery(readFilters(form), { by, interval, top: '8' })}`);
  chart.replaceChildren();
  section.querySelector('.chart-actions')?.remove();
  if (answer.buckets.length === 0) {
    chart.textContent = 'No event within these filters.';
    return;
  }
  if (by === 'type') drawStacked(chart, answer);
  else drawLines(chart, answer);
  chart.after(downloadButtons(chart, answer, `events-by-${by}`));
}

function setup(): void {
  const form = document.querySelector<HTMLFormElement>('[data-view-filters]');
  if (!form) return;
  const say = statusWriter(document.querySelector<HTMLElement>('[data-trends-status]'));
  const sections = [...document.querySelectorAll<HTMLElement>('[data-trend]')];
  const drawAll = () =>
    Promise.all(sections.map((section) => drawSection(section, form)))
      .then(() => say(''))
      .catch((error: Error) => say(error.message));
  // The table is the server's: a change of filters reloads the page, so table and charts stay in step.
  form.addEventListener('change', () => form.requestSubmit());
  void drawAll();
}

foldControls();
setup();
