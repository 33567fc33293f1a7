/**
 * "Download" links of a view: the export route with the view's own filters (empty ones left out, since
 * the API refuses a blank filter). Rendered by the server, so they work without JavaScript; the page
 * scripts keep them in step as the view changes.
 */
export interface ExportFilters {
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
}

export const TIMELINE_FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'plover', label: 'PLOVER' },
  { format: 'jsonld', label: 'JSON-LD' },
  { format: 'ftm', label: 'FollowTheMoney' },
  { format: 'stix', label: 'STIX 2.1' },
  { format: 'timelinejs', label: 'TimelineJS' },
  { format: 'atom', label: 'Atom feed' },
] as const;

export const GRAPH_FORMATS = [
  { format: 'graphml', label: 'GraphML' },
  { format: 'gexf', label: 'GEXF (dynamic)' },
] as const;

/** The Atom feed of a view's events, for `<link rel="alternate">` in the page's head. */
export function feedLink(title: string, filters: ExportFilters) {
  return { title, href: exportHref('atom', filters) };
}

export function exportHref(format: string, filters: ExportFilters): string {
  const params = new URLSearchParams({ format });
  for (const key of ['actor', 'type', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return `/api/export?${params.toString()}`;
}

export function downloadLinks(filters: ExportFilters, formats: ReadonlyArray<{ format: string; label: string }>) {
  return formats.map(({ format, label }) => ({ format, label, href: exportHref(format, filters) }));
}
