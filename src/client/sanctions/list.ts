/** The list of measures in force on the day, as the server renders it (views/pages/sanctions/in-force.ejs). */
import { CHANGE_LABELS, sayKnownDate, sayPeriod } from '../../domain/sanctions-words';
import type { InForceAnswer, InForceMeasure } from '../../sanctions/sanctions.schemas';
import { el, present } from '../common';

const actorLink = (actor: { id: string; name: string }) => el('a', { href: `/actors/${actor.id}` }, actor.name);

function measureRow(m: InForceMeasure): HTMLLIElement {
  return el(
    'li',
    { class: 'measure-row', 'data-measure': m.id },
    el(
      'p',
      { class: 'measure-row__head' },
      el('span', { class: 'measure-row__what' }, ...present(actorLink(m.target), m.scope ? ': ' : null, m.scope ? actorLink(m.scope) : null)),
      ' ',
      el('span', { class: 'measure-row__by' }, 'by ', actorLink(m.authority)),
    ),
    el(
      'p',
      { class: 'measure-row__period' },
      ...present(
        sayPeriod(m.start, m.end),
        !m.certain && ' ',
        !m.certain && el('span', { class: 'muted' }, '(not certain on this day: a date is known only to the month or year)'),
        m.instrument && ' · ',
        m.instrument && el('span', { class: 'measure-row__instrument' }, m.instrument),
      ),
    ),
    m.exemptions.length > 0 &&
      el(
        'p',
        { class: 'measure-row__exemptions' },
        'Except ',
        ...m.exemptions.flatMap((x, i) => present(i > 0 && ', ', actorLink(x.scope), ` (${sayPeriod(x.start, x.end)})`)),
      ),
    el(
      'ul',
      { class: 'measure-row__changes' },
      ...m.changes.map((c) =>
        el(
          'li',
          {},
          el('span', { class: 'change-kind' }, CHANGE_LABELS[c.kind]),
          ' ',
          el('span', { class: 'muted' }, sayKnownDate(c.date)),
          ' ',
          el('a', { href: `/events/${c.event.id}` }, c.event.title),
        ),
      ),
    ),
  );
}

export function showInForce(container: HTMLElement, data: InForceAnswer, filtered: boolean): void {
  const list =
    data.items.length === 0
      ? el(
          'p',
          { class: 'empty-state', 'data-in-force-empty': '' },
          `Nothing was in force that day${filtered ? ' within these filters' : ''}. Move the day, or clear a filter.`,
        )
      : el('ol', { class: 'measure-list', 'data-in-force-items': '' }, ...data.items.map(measureRow));
  const capped =
    data.capped &&
    el('p', { class: 'muted', 'data-in-force-capped': '' }, `Only the first ${data.items.length} are listed: choose a target or an authority to see the rest.`);
  container.replaceChildren(...present(list, capped));
}
