/**
 * Markers at the timeline's edges for what the window leaves out ("← 2 earlier events"): the first window
 * shows where the story is, and these say that there is more, and take the reader to all of it.
 */
import type { TimelineWindow } from '../../timeline/timeline.schemas';
import { el } from '../common';
import type { DayWindow } from './state';

export type ShowEdges = (data: TimelineWindow, visible: DayWindow) => void;

const OUTSIDE_CAP = 1000;

function countText(n: number, capped: boolean, side: 'earlier' | 'later'): string {
  const number = capped ? `${OUTSIDE_CAP.toLocaleString('en-GB')}+` : n.toLocaleString('en-GB');
  return `${number} ${side} event${n === 1 && !capped ? '' : 's'}`;
}

/** Events of the answer that are wholly before (or after) what is in view, each once. */
function beyond(data: TimelineWindow, visible: DayWindow, side: 'earlier' | 'later'): number {
  const events = new Set(data.items.filter((i) => (side === 'earlier' ? i.lastDate < visible.from : i.start > visible.to)).map((i) => i.event));
  return events.size;
}

export function createEdges(root: HTMLElement, showAll: () => void): ShowEdges {
  const make = (side: 'earlier' | 'later') => {
    const button = el('button', { type: 'button', class: `edge-marker edge-marker--${side}`, hidden: '' });
    button.addEventListener('click', showAll);
    return button;
  };
  const earlier = make('earlier');
  const later = make('later');
  const frame = el('div', { class: 'timeline-edges' }, earlier, later);
  root.before(frame);
  return (data, visible) => {
    if (data.mode !== 'items') {
      earlier.hidden = later.hidden = true;
      return;
    }
    for (const [button, side, arrow] of [
      [earlier, 'earlier', '←'],
      [later, 'later', '→'],
    ] as const) {
      const fromAnswer = data.outside[side];
      const n = fromAnswer + beyond(data, visible, side);
      button.hidden = n === 0;
      const text = countText(n, fromAnswer >= OUTSIDE_CAP, side);
      button.textContent = side === 'earlier' ? `${arrow} ${text}` : `${text} ${arrow}`;
      button.setAttribute('aria-label', `${text}: show all the events`);
    }
  };
}
