/**
 * The sanctions page: a Gantt chart of every measure (from /api/sanctions/measures), rows by target, and the
 * measures in force on a chosen day (from /api/sanctions?on=), the day moved with a slider or a date field.
 * The address keeps the filters and the day, so any view can be shared.
 */
import { onFilterChange, statusWriter } from '../common';
import { foldControls } from '../controls/fold';
import { sayKnownDate } from '../../domain/sanctions-words';
import { createChart, drawMeasures, moveDayLine, type Chart } from './chart';
import { bindDayPicker } from './day';
import { inForceLoader, measuresLoader } from './fetch';
import { showInForce } from './list';
import { initialSpan, initialState, remember, type Span, type State } from './state';

const PHONE = '(max-width: 640px)';

function readFilters(form: HTMLFormElement, state: State): void {
  const data = new FormData(form);
  state.target = String(data.get('target') ?? '');
  state.authority = String(data.get('authority') ?? '');
}

/** The chart and the empty state follow the measures: a chart with nothing in it says nothing. */
function measuresShower(chart: Chart, span: Span, say: (text: string) => void) {
  const block = document.querySelector<HTMLElement>('.sanctions-block');
  const empty = document.querySelector<HTMLElement>('[data-sanctions-empty]');
  return (data: Parameters<typeof drawMeasures>[1]) => {
    drawMeasures(chart, data, span);
    if (block) block.hidden = data.items.length === 0;
    if (empty) empty.hidden = data.items.length > 0;
    say(data.capped ? `Only the first ${data.items.length} measures are drawn: choose a target or an authority.` : '');
  };
}

function start(root: HTMLElement): void {
  foldControls();
  const state = initialState(root);
  const span = initialSpan(root, state);
  const say = statusWriter(document.querySelector<HTMLElement>('[data-sanctions-status]'));
  const chart = createChart(root, span, state.on, window.matchMedia(PHONE).matches);
  // The server's full list is for readers without the script: the chart shows the same.
  const all = document.querySelector<HTMLElement>('[data-sanctions-all]');
  if (all) all.hidden = true;
  const listBox = document.querySelector<HTMLElement>('[data-in-force-list]');
  const dayWords = document.querySelector<HTMLElement>('[data-in-force-day]');
  const filtered = () => state.target !== '' || state.authority !== '';
  const loadMeasures = measuresLoader(measuresShower(chart, span, say), (message) => say(`Could not load the measures: ${message}`));
  const loadInForce = inForceLoader(
    (data) => {
      if (listBox) showInForce(listBox, data, filtered());
      if (dayWords) dayWords.textContent = sayKnownDate({ date: data.on, precision: 'day' });
      listBox?.removeAttribute('aria-busy');
    },
    (message) => {
      say(`Could not load the measures in force: ${message}`);
      listBox?.removeAttribute('aria-busy');
    },
  );
  let timer: number | undefined;
  const dayForm = document.querySelector<HTMLFormElement>('[data-sanctions-day]');
  // The line follows the slider at once; the address and the list wait until it rests.
  const picker = dayForm
    ? bindDayPicker(dayForm, span, (day) => {
        state.on = day;
        moveDayLine(chart, day);
        listBox?.setAttribute('aria-busy', 'true');
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          remember(state);
          void loadInForce(state);
        }, 150);
      })
    : null;
  picker?.set(state.on);
  const filters = document.querySelector<HTMLFormElement>('[data-sanctions-filters]');
  if (filters) {
    onFilterChange(filters, () => {
      readFilters(filters, state);
      listBox?.setAttribute('aria-busy', 'true');
      remember(state);
      void loadMeasures(state);
      void loadInForce(state);
    });
  }
  void loadMeasures(state);
}

const root = document.querySelector<HTMLElement>('[data-sanctions-chart]');
if (root) start(root);
