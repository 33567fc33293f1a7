/**
 * The filters the map and the trends share (actor, type, dates): read from the form, kept in the address
 * (history.replaceState), and turned into the API's query. Submitting the form redraws without a reload.
 */

export interface ViewFilters {
  actor: string;
  type: string;
  from: string;
  to: string;
}

export function readFilters(form: HTMLFormElement): ViewFilters {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  return { actor: value('actor'), type: value('type'), from: value('from'), to: value('to') };
}

/** The API's query for the filters (blank ones left out), with `extra` parameters. */
export function filterQuery(filters: ViewFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(name, value);
  return params.toString();
}

/** Keeps the form's current values in the address, so the view can be shared. */
export function rememberForm(form: HTMLFormElement): void {
  const params = new URLSearchParams();
  new FormData(form).forEach((value, name) => {
    if (typeof value === 'string' && value.trim()) params.set(name, value.trim());
  });
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

/** Redraws on submit (and on any change of a select or checkbox) instead of loading the page again. */
export function bindFilterForm(form: HTMLFormElement, redraw: () => void): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    rememberForm(form);
    redraw();
  });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox')) {
      rememberForm(form);
      redraw();
    }
  });
}

/** Sets the date fields (the brush's window), then keeps them in the address. */
export function setDates(form: HTMLFormElement, from: string, to: string): void {
  const set = (name: string, value: string) => {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLInputElement) input.value = value;
  };
  set('from', from);
  set('to', to);
  rememberForm(form);
}
