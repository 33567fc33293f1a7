/**
 * The panel of a page's controls (filters, downloads): open where there is room, folded on a phone so the
 * content comes first; its summary says how many filters are set, and keeps saying it as they change.
 */
const PHONE = '(max-width: 640px)';

function sayActive(panel: HTMLDetailsElement): void {
  const names = (panel.dataset.count ?? '').split(' ').filter(Boolean);
  const form = panel.querySelector('form');
  const out = panel.querySelector<HTMLElement>('[data-controls-active]');
  if (!form || !out) return;
  const data = new FormData(form);
  const active = names.filter((name) => String(data.get(name) ?? '').trim() !== '').length;
  out.textContent = active > 0 ? ` · ${active} active` : '';
}

export function foldControls(): void {
  const phone = window.matchMedia(PHONE).matches;
  document.querySelectorAll<HTMLDetailsElement>('details[data-controls]').forEach((panel) => {
    if (phone) panel.open = false;
    panel.querySelector('form')?.addEventListener('change', () => sayActive(panel));
  });
}
