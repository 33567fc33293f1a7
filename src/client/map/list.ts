import { el, getJson, sayDate } from '../common';
import { filterQuery, type ViewFilters } from '../view-filters';
import type { MapCluster } from '../../places/places.schemas';

/** The events of a clicked cluster, a page at a time, each a link to its page. */

interface MapEvent {
  id: string;
  type: string;
  title: string;
  date: { start: string; end: string | null; precision: 'day' | 'month' | 'year' };
  places: string[];
}

export async function listCluster(panel: HTMLElement, cluster: MapCluster, filters: ViewFilters, labels: Map<string, string>): Promise<void> {
  const bounds = Object.fromEntries(Object.entries(cluster.bounds).map(([k, v]) => [k, String(v)]));
  const heading = el('h2', {}, `${cluster.places.map((p) => p.name).join(', ')}: ${cluster.count} event${cluster.count === 1 ? '' : 's'}`);
  const list = el('ul', { class: 'event-list', 'data-map-events': '' });
  const more = el('button', { type: 'button', class: 'button-quiet' }, 'More');
  const close = el('button', { type: 'button', class: 'button-quiet', 'aria-label': 'Close the list' }, '×');
  close.addEventListener('click', () => {
    panel.hidden = true;
  });
  panel.replaceChildren(el('div', { class: 'map-list__head' }, heading, close), list, more);
  panel.hidden = false;
  let cursor: string | null | undefined;
  const load = async () => {
    more.disabled = true;
    const page = await getJson<{ items: MapEvent[]; nextCursor: string | null }>(
      `/api/map/events?${filterQuery(filters, { ...bounds, limit: '20', ...(cursor ? { cursor } : {}) })}`,
    );
    for (const event of page.items) {
      list.append(
        el(
          'li',
          { 'data-event': event.id },
          el('span', { class: `type-badge type-${event.type}` }, labels.get(event.type) ?? event.type),
          ' ',
          el('a', { href: `/events/${encodeURIComponent(event.id)}` }, event.title),
          el(
            'span',
            { class: 'muted' },
            ` · ${sayDate(event.date.start, event.date.end ?? event.date.start, event.date.precision)} · ${event.places.join(', ')}`,
          ),
        ),
      );
    }
    cursor = page.nextCursor;
    more.hidden = !cursor;
    more.disabled = false;
  };
  more.addEventListener('click', () => void load());
  await load();
  panel.focus();
}
