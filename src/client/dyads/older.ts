/**
 * "Show older" on the dyad page: the link is the next page's address (it works without a script); with one,
 * that page is fetched and its moves appended in place, with its own "Show older" link if another follows.
 * The moves are the server's rendering, already escaped: the page is parsed, never written as HTML.
 */

export function setupOlder(root: HTMLElement, moved: () => void): void {
  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('[data-dyad-older]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void loadOlder(root, link, moved);
  });
}

async function loadOlder(root: HTMLElement, link: HTMLAnchorElement, moved: () => void): Promise<void> {
  const more = link.closest<HTMLElement>('[data-dyad-more]');
  link.setAttribute('aria-disabled', 'true');
  link.textContent = 'Loading…';
  try {
    const response = await fetch(link.href, { headers: { accept: 'text/html' } });
    if (!response.ok) throw new Error(`the page answered ${response.status}`);
    const older = new DOMParser().parseFromString(await response.text(), 'text/html');
    const list = root.querySelector('.dyad__moves');
    list?.append(...[...older.querySelectorAll('.dyad__moves > li')].map((item) => document.importNode(item, true)));
    const next = older.querySelector('[data-dyad-more]');
    if (next) more?.replaceWith(document.importNode(next, true));
    else more?.remove();
    moved();
  } catch (error) {
    link.removeAttribute('aria-disabled');
    link.textContent = `Show older (could not load them: ${(error as Error).message})`;
  }
}
