import { mountSearchBox } from './controller.ts';
import { loadPagefind } from './pagefind-api.ts';
import { createTopicNames, facetKeys, isActive, queryFromParams, searchPageHref, withText } from './query.ts';

/**
 * The `/search/` page: reproduces the search its URL describes (`?q=&topic=&tag=&order=`) and
 * keeps the URL in step as the reader refines it, so the address bar is always a shareable link.
 * Topics travel as ids; the page carries the id → name table (`data-topics`) the index needs.
 */
export function mountSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  if (!root) return;
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const order = form.querySelector<HTMLSelectElement>('select[name="order"]')!;
  for (const element of root.querySelectorAll<HTMLElement>('[data-requires-script]')) element.hidden = false;
  const topics = createTopicNames(JSON.parse(root.dataset.topics ?? '{}') as Record<string, string>);
  const facets = root.querySelector<HTMLElement>('[data-search-facets]')!;
  const filters = mountFiltersToggle(root, facets);

  const box = mountSearchBox(
    {
      root,
      input,
      status: root.querySelector<HTMLElement>('[role="status"]')!,
      facets,
      notice: root.querySelector<HTMLElement>('[data-search-notice]'),
      results: root.querySelector<HTMLElement>('[data-search-results]')!,
      more: root.querySelector<HTMLButtonElement>('[data-search-more]'),
    },
    {
      idPrefix: 'page-search',
      pageSize: 20,
      facets: ['topic'],
      onDemandFacets: ['tag'],
      facetLimits: { topic: 100, tag: 60 },
      searchHref: (query) => searchPageHref(query, topics),
      onRender() {
        filters.update(facetKeys.reduce((count, key) => count + box.query.filters[key].length, 0));
        const href = searchPageHref(box.query, topics);
        if (href !== location.pathname + location.search) history.replaceState(null, '', href);
        const text = box.query.text.trim();
        document.title = document.title.replace(/^.*?(?= · |$)/, text ? `Search: ${text}` : 'Search');
      },
    },
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void box.run(withText(box.query, input.value));
  });
  order.addEventListener('change', () => {
    void box.run({ ...withText(box.query, input.value), order: order.value === 'listing' ? 'listing' : 'relevance' });
  });

  const query = queryFromParams(new URLSearchParams(location.search), topics);
  input.value = query.text;
  order.value = query.order;
  if (isActive(query)) void box.run(query);
  else void loadPagefind().catch(() => undefined);
}

/**
 * The "Filters" button of a narrow screen (the search page's CSS shows it below 40rem): a
 * disclosure (`aria-expanded`) for the facets, which start folded so that the first results show
 * under the form; Escape in the facets folds them and returns to the button. On a wide screen the
 * button is not shown and the facets always are.
 */
function mountFiltersToggle(root: HTMLElement, facets: HTMLElement): { update(selected: number): void } {
  const toggle = root.querySelector<HTMLButtonElement>('[data-search-filters-toggle]');
  const count = toggle?.querySelector<HTMLElement>('[data-search-filters-count]');
  if (!toggle) return { update() {} };
  const setOpen = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    facets.toggleAttribute('data-collapsed', !open);
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  facets.addEventListener('keydown', (event) => {
    // Only where the button shows: on a wide screen Escape is not the facets' to take.
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true' || toggle.offsetParent === null) return;
    event.preventDefault();
    setOpen(false);
    toggle.focus();
  });
  return {
    update(selected) {
      // Without facets (no results) there is nothing to unfold.
      toggle.hidden = facets.childElementCount === 0;
      if (count) count.textContent = selected > 0 ? ` (${selected} selected)` : '';
    },
  };
}
