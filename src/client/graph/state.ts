/** The graph's filters: first from the root's data attributes, then from the form, and kept in the address. */
import { isIsoDay } from '../../domain/calendar';
import { syncDownloads, syncUrl } from '../common';

export interface Filters {
  actor: string;
  type: string;
  from: string;
  to: string;
}

export function initialFilters(root: HTMLElement): Filters {
  return {
    actor: root.dataset.actor ?? '',
    type: root.dataset.type ?? '',
    from: root.dataset.from ?? '',
    to: root.dataset.to ?? '',
  };
}

/** Takes the form into the filters; a day that is not a real day is no filter. */
export function readForm(form: HTMLFormElement, filters: Filters): void {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '');
  filters.actor = value('actor');
  filters.type = value('type');
  filters.from = isIsoDay(value('from')) ? value('from') : '';
  filters.to = isIsoDay(value('to')) ? value('to') : '';
}

/** Writes the filters into the address and the download links. */
export function remember(filters: Filters): void {
  syncUrl({ ...filters });
  syncDownloads({ ...filters });
}
