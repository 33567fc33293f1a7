/** Small helpers shared by the page scripts. Text always goes in through textContent, never as HTML. */
import type { Precision } from '../domain/calendar';
import { formatEventDate } from '../domain/date-words';

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
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GET a JSON route of the app's own API; an error answer becomes an ApiError with the API's words. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) {
    const message =
      response.status === 503 ? 'The database is not reachable right now; try again in a moment.' : (body.error ?? `The server answered ${response.status}.`);
    throw new ApiError(response.status, message);
  }
  return body as T;
}

export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** A writer of the page's status line; where the page has none, it says nothing. */
export const statusWriter = (line: HTMLElement | null) => (text: string) => {
  if (line) line.textContent = text;
};

/**
 * An event's date in words, as the pages say it, except for years before 1000: the browser has always
 * written them as numbers ("800"), where the shared wording keeps four digits ("0800").
 */
export function sayDate(start: string, last: string, precision: Precision): string {
  return formatEventDate({ start, end: last, precision }).replace(/\b0+(?=\d)/g, '');
}

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

/** Runs `apply` when a filter changes, and on submit instead of reloading the page. */
export function onFilterChange(form: HTMLFormElement, apply: () => void): void {
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
}

/** Event type id → label. */
export type TypeLabels = Map<string, string>;

/** Labels of the event types, read from the page's own type filter (one source of truth: the server). */
export function typeLabels(): TypeLabels {
  const labels = new Map<string, string>();
  document.querySelectorAll<HTMLOptionElement>('select[name="type"] option, [data-type-label]').forEach((option) => {
    const id = option.value || option.dataset.typeLabel;
    if (id) labels.set(id, option.textContent ?? id);
  });
  return labels;
}
