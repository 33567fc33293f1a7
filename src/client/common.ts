/** Small helpers shared by the page scripts. Text always goes in through textContent, never as HTML. */

type Child = Node | string | null | undefined | false;

/** Builds an element: `el('a', { href: '/x', class: 'y' }, 'text', child)`. Attribute values are set as text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** The children worth adding: drops null, undefined and false, so optional parts can be written inline. */
export const present = (...children: Child[]): Array<Node | string> =>
  children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false);

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** GET a JSON route of the app's own API; an error answer becomes an ApiError with the API's words. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) {
    const message =
      response.status === 503 ? 'The database is not reachable right now; try again in a moment.' : body.error ?? `The server answered ${response.status}.`;
    throw new ApiError(response.status, message);
  }
  return body as T;
}

export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An event's date in words, as precise as known: "12–13 December 2025", "September 2025", "2020". */
export function formatDate(start: string, last: string, precision: 'day' | 'month' | 'year'): string {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = last.split('-').map(Number) as [number, number, number];
  const month = (m: number) => MONTHS[m - 1] ?? '';
  if (precision === 'year') return y1 === y2 ? `${y1}` : `${y1} – ${y2}`;
  if (precision === 'month') {
    if (y1 === y2 && m1 === m2) return `${month(m1)} ${y1}`;
    return y1 === y2 ? `${month(m1)}–${month(m2)} ${y1}` : `${month(m1)} ${y1} – ${month(m2)} ${y2}`;
  }
  if (start === last) return `${d1} ${month(m1)} ${y1}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${month(m1)} ${y1}`;
  if (y1 === y2) return `${d1} ${month(m1)} – ${d2} ${month(m2)} ${y1}`;
  return `${d1} ${month(m1)} ${y1} – ${d2} ${month(m2)} ${y2}`;
}

export const DAY_MS = 86_400_000;
export const toDay = (date: Date) => date.toISOString().slice(0, 10);
export const fromDay = (day: string) => new Date(`${day}T00:00:00Z`);
export const isDay = (value: string | undefined): value is string => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));

/** Replaces the query of the current address without a new history entry; empty values are left out. */
export function syncUrl(params: Record<string, string>): void {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== ''));
  const text = query.toString();
  history.replaceState(null, '', `${location.pathname}${text ? `?${text}` : ''}`);
}

/** Points the page's "Download" links at the export of the view as it is now (empty filters left out). */
export function syncDownloads(filters: Record<string, string>): void {
  document.querySelectorAll<HTMLAnchorElement>('[data-export-format]').forEach((link) => {
    const params = new URLSearchParams({ format: link.dataset.exportFormat ?? 'csv' });
    for (const key of ['actor', 'type', 'from', 'to']) if (filters[key]) params.set(key, filters[key]!);
    link.href = `/api/export?${params.toString()}`;
  });
}

/** Labels of the event types, read from the page's own type filter (one source of truth: the server). */
export function typeLabels(): Map<string, string> {
  const labels = new Map<string, string>();
  document.querySelectorAll<HTMLOptionElement>('select[name="type"] option, [data-type-label]').forEach((option) => {
    const id = option.value || option.dataset.typeLabel;
    if (id) labels.set(id, option.textContent ?? id);
  });
  return labels;
}
