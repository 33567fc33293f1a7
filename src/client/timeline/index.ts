/**
 * The timeline (vis-timeline): loads only the events of the visible window from /api/timeline, refetching
 * on pan and zoom; dense windows come back as counts per bucket. The address keeps the filters and the
 * window (history.replaceState), so every view can be shared. Also drives the small timeline of an actor page.
 */
import { statusWriter, typeLabels } from '../common';
import { foldControls } from '../controls/fold';
import { bindFilters, bindItemClicks, bindKeyboard, bindWindowMoves, bindZoomButtons, type Reactions } from './controls';
import { parseDay } from '../../domain/calendar';
import { createTimeline, drawWindow, visibleDays, windowEnd, type TimelineView } from './draw';
import { createEdges, type ShowEdges } from './edges';
import { windowLoader, windowQuery } from './fetch';
import { describeWindow, type WindowReport } from './list';
import { openPanel } from './panel';
import { asksToKeepAddress, fullWindow, initialState, remember, type State } from './state';

/** The parts of the page around one timeline; the small timeline of an actor page has only some. */
interface Page {
  compact: boolean;
  block: HTMLElement;
  form: HTMLFormElement | null;
  toolbar: HTMLElement | null;
  statusLine: HTMLElement | null;
  panel: HTMLElement | null;
  fallback: HTMLElement | null;
  list: HTMLElement | null;
  listBody: HTMLElement | null;
}

function findPage(root: HTMLElement): Page {
  const compact = root.dataset.compact === 'true';
  const block = root.closest('section') ?? document.body;
  const list = compact ? null : document.querySelector<HTMLElement>('[data-timeline-list]');
  return {
    compact,
    block,
    form: compact ? null : document.querySelector<HTMLFormElement>('[data-timeline-filters]'),
    toolbar: block.querySelector<HTMLElement>('[data-timeline-toolbar]'),
    statusLine: block.querySelector<HTMLElement>('[data-timeline-status]'),
    panel: block.querySelector<HTMLElement>('[data-event-panel]'),
    fallback: compact ? null : document.querySelector<HTMLElement>('[data-timeline-fallback]'),
    list,
    listBody: list?.querySelector<HTMLElement>('[data-timeline-list-body]') ?? null,
  };
}

/** With the script running, the toolbar and the live list replace the server's static list. */
function showInteractiveParts(page: Page): void {
  if (page.toolbar) page.toolbar.hidden = false;
  if (page.fallback) page.fallback.hidden = true;
  if (page.list) page.list.hidden = false;
}

/** Fetches the window shown whenever called, then draws it and says what it holds. */
function reloader(root: HTMLElement, view: TimelineView, state: State, report: WindowReport, showEdges: ShowEdges): () => void {
  const load = windowLoader(
    root,
    (data) => {
      drawWindow(root, view, data, report.labels);
      describeWindow(data, visibleDays(view.timeline), report);
      showEdges(data, visibleDays(view.timeline));
    },
    report.setStatus,
  );
  return () => void load(windowQuery(view.timeline.getWindow(), state));
}

function setup(root: HTMLElement): void {
  const page = findPage(root);
  const labels = typeLabels();
  const state = initialState(root);
  const full = fullWindow(root, state);
  const view = createTimeline(root, state, page.compact);
  showInteractiveParts(page);
  const showEdges = createEdges(root, () => view.timeline.setWindow(parseDay(full.from), windowEnd(full.to)));
  const reactions: Reactions = {
    remember: () => {
      if (!page.compact && asksToKeepAddress(root)) remember(state);
    },
    reload: reloader(root, view, state, { setStatus: statusWriter(page.statusLine), listBody: page.listBody, labels }, showEdges),
  };
  bindItemClicks(view, (eventId) => void openPanel(page.panel, eventId, labels, () => view.timeline.setSelection([])));
  bindWindowMoves(view.timeline, state, page.form, reactions);
  if (page.form) bindFilters(page.form, state, view.timeline, reactions);
  bindZoomButtons(page.block, view.timeline, full);
  bindKeyboard(root, view.timeline);
  reactions.reload();
}

foldControls();
document.querySelectorAll<HTMLElement>('[data-timeline]').forEach(setup);
