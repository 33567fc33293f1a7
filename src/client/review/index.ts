/**
 * The review workbench, enhanced: selecting words of the article picks their sentence in the "add an event"
 * form and offers to go there. Without this script the form's sentence list does the same by keyboard.
 */

function sentenceFor(select: HTMLSelectElement, selected: string): HTMLOptionElement | undefined {
  const words = selected.replace(/\s+/g, ' ').trim();
  if (words.length < 3) return undefined;
  return [...select.options].find((option) => option.value.replace(/\s+/g, ' ').includes(words));
}

function setup(article: HTMLElement, form: HTMLFormElement): void {
  const select = form.querySelector<HTMLSelectElement>('select[name="quote"]');
  if (!select) return;
  const offer = document.createElement('p');
  offer.className = 'selection-offer';
  offer.hidden = true;
  const go = document.createElement('a');
  go.href = '#add-event';
  go.textContent = 'Add an event from the selected sentence';
  offer.append(go);
  article.before(offer);
  go.addEventListener('click', () => setTimeout(() => select.focus(), 0));
  document.addEventListener('selectionchange', () => {
    const selection = document.getSelection();
    const inArticle = selection && selection.rangeCount > 0 && article.contains(selection.getRangeAt(0).commonAncestorContainer);
    const option = inArticle ? sentenceFor(select, selection.toString()) : undefined;
    if (option) select.value = option.value;
    offer.hidden = !option;
  });
}

const article = document.querySelector<HTMLElement>('[data-review-article]');
const form = document.querySelector<HTMLFormElement>('[data-add-event]');
if (article && form) setup(article, form);
