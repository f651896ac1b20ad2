import { mountSearchBox } from './controller.ts';
import { loadPagefind } from './pagefind-api.ts';
import { emptyQuery, searchPageHref, withText } from './query.ts';

/**
 * The header search box: results open in a panel under the field as the reader types. Loaded on
 * the first focus of the field (or Ctrl/Cmd+K), together with Pagefind.
 */
export function mountHeaderSearch(root: HTMLElement): void {
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = root.querySelector<HTMLElement>('[data-search-panel]')!;
  const count = panel.querySelector<HTMLElement>('[data-search-count]')!;
  const all = panel.querySelector<HTMLAnchorElement>('[data-search-all]')!;

  const box = mountSearchBox(
    {
      root,
      input,
      status: root.querySelector<HTMLElement>('[role="status"]')!,
      facets: panel.querySelector<HTMLElement>('[data-search-facets]')!,
      notice: panel.querySelector<HTMLElement>('[data-search-notice]'),
      results: panel.querySelector<HTMLElement>('[data-search-results]')!,
    },
    {
      idPrefix: 'site-search',
      pageSize: 8,
      // Topics only: the tag filter's index is large on a big listing; the search page has tags.
      facets: ['topic'],
      facetLimits: { topic: 12, tag: 8 },
      facetsAfterResults: true,
      onRender(outcome) {
        const message = root.querySelector('[role="status"]')?.textContent ?? '';
        count.textContent = message;
        all.href = searchPageHref(box.query);
        all.hidden = !outcome || outcome.results.length === 0;
        setOpen(message !== '' && root.contains(document.activeElement));
      },
      onEscape() {
        if (!panel.hidden) {
          setOpen(false);
          input.focus();
        } else if (input.value) {
          input.value = '';
          void box.run(emptyQuery());
        }
      },
    },
  );

  function setOpen(open: boolean): void {
    panel.hidden = !open;
  }

  input.addEventListener('focus', () => setOpen(count.textContent !== ''));
  // Down arrow on a closed panel reopens it first, so the results it moves to are visible.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && panel.hidden && count.textContent !== '') setOpen(true);
  });
  // Leaving the box (Tab past its end, a click elsewhere) closes the panel; the results stay.
  root.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (next instanceof Node && !root.contains(next)) setOpen(false);
  });
  document.addEventListener('pointerdown', (event) => {
    if (!root.contains(event.target as Node)) setOpen(false);
  });
  // Enter opens the full search page with the same words and filters: a link worth sharing.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.assign(searchPageHref(withText(box.query, input.value)));
  });

  if (input.value.trim() !== '') void box.run(withText(box.query, input.value));
  else void loadPagefind().catch(() => undefined);
}
