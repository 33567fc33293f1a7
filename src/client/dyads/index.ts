/** The dyad page: the links between the two columns of moves, older moves loaded in place, and the monthly trend drawn from the same answer as the page. */
import { foldControls } from '../controls/fold';
import type { DyadAnswer, DyadLink } from '../../dyads/dyads.schemas';
import { getJson } from '../common';
import { drawLinks } from './links';
import { setupOlder } from './older';
import { drawTrend } from './trend';

function setupLinks(root: HTMLElement): void {
  const links = JSON.parse(root.dataset.links ?? '[]') as DyadLink[];
  let frame = 0;
  const redraw = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => drawLinks(root, links));
  };
  new ResizeObserver(redraw).observe(root);
  const section = root.closest<HTMLElement>('section');
  if (section) setupOlder(section, redraw);
}

async function setupTrend(root: HTMLElement): Promise<void> {
  // The trend covers the whole dyad on every page: the smallest page of events is enough.
  const query = new URLSearchParams({ limit: '1' });
  if (root.dataset.from) query.set('from', root.dataset.from);
  if (root.dataset.to) query.set('to', root.dataset.to);
  try {
    const path = `/api/dyads/${encodeURIComponent(root.dataset.a ?? '')}/${encodeURIComponent(root.dataset.b ?? '')}?${query}`;
    drawTrend(root, await getJson<DyadAnswer>(path));
  } catch (error) {
    root.textContent = `The trend could not be drawn: ${(error as Error).message}`;
  }
}

foldControls();
document.querySelectorAll<HTMLElement>('[data-dyad]').forEach(setupLinks);
document.querySelectorAll<HTMLElement>('[data-trend]').forEach((root) => void setupTrend(root));
