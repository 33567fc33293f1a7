/** The details panel beside the timeline: one event's type, date, place, who did what, and its source. */
import { atPrecision, lastDay } from '../../domain/calendar';
import { AGENT_ROLES, TARGET_ROLES } from '../../domain/taxonomy';
import type { EventDetail } from '../../events/events.schemas';
import { el, present, sayDate, type TypeLabels } from '../common';
import { fetchEvent } from './fetch';

/** Shows an event in the panel, or, where the page has no panel, goes to the event's page. */
export async function openPanel(panel: HTMLElement | null, eventId: string, labels: TypeLabels, onClose: () => void): Promise<void> {
  if (!panel) {
    location.href = `/events/${eventId}`;
    return;
  }
  panel.hidden = false;
  panel.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const event = await fetchEvent(eventId);
    panel.className = `event-panel type-${event.type}`;
    panel.replaceChildren(...eventDetails(event, labels, closeButton(panel, onClose)));
    panel.focus({ preventScroll: true });
  } catch (error) {
    panel.replaceChildren(
      el('p', {}, `Could not load this event: ${(error as Error).message}`),
      el('a', { href: `/events/${eventId}` }, 'Open the event page'),
    );
  }
}

function closeButton(panel: HTMLElement, onClose: () => void): HTMLButtonElement {
  const close = el('button', { type: 'button', class: 'panel-close' }, 'Close');
  close.addEventListener('click', () => {
    panel.hidden = true;
    onClose();
  });
  return close;
}

function eventDetails(event: EventDetail, labels: TypeLabels, close: HTMLButtonElement): Array<Node | string> {
  const typeWord = labels.get(event.type) ?? event.type;
  const source = event.sources[0];
  const last = event.date.end ?? lastDay(atPrecision(event.date.start, event.date.precision));
  return present(
    el(
      'p',
      { class: 'event-meta' },
      el('span', { class: `type-badge type-${event.type}` }, typeWord),
      el('span', { class: 'muted' }, sayDate(event.date.start, last, event.date.precision)),
      event.place ? el('span', { class: 'muted' }, `· ${event.place}`) : null,
    ),
    el('h3', {}, event.title),
    whoDidWhat(event, typeWord),
    source ? el('blockquote', {}, `“${source.quote}”`) : null,
    el('p', { class: 'panel-actions' }, el('a', { class: 'button-link', href: `/events/${event.id}`, 'data-panel-link': '' }, 'Open the event page →'), close),
  );
}

/** "Doers → type → done to", when the event names either side. */
function whoDidWhat(event: EventDetail, typeWord: string): HTMLParagraphElement | null {
  const doers = event.participants.filter((p) => AGENT_ROLES.includes(p.role));
  const done = event.participants.filter((p) => TARGET_ROLES.includes(p.role));
  if (!doers.length && !done.length) return null;
  const names = (list: typeof doers) => list.map((p) => p.actor.name).join(', ');
  return el('p', {}, names(doers) || 'Someone', ' → ', typeWord, done.length ? ` → ${names(done)}` : '');
}
