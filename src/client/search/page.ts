import { mountSearchBox } from './controller.ts';
import { loadPagefind } from './pagefind-api.ts';
import { createTopicNames, isActive, queryFromParams, searchPageHref } from './query.ts';

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

  const box = mountSearchBox(
    {
      root,
      input,
      status: root.querySelector<HTMLElement>('[role="status"]')!,
      facets: root.querySelector<HTMLElement>('[data-search-facets]')!,
      results: root.querySelector<HTMLElement>('[data-search-results]')!,
      more: root.querySelector<HTMLButtonElement>('[data-search-more]'),
    },
    {
      idPrefix: 'page-search',
      pageSize: 20,
      facets: ['topic'],
      onDemandFacets: ['tag'],
      facetLimits: { topic: 100, tag: 60 },
      onRender() {
        const href = searchPageHref(box.query, topics);
        if (href !== location.pathname + location.search) history.replaceState(null, '', href);
        const text = box.query.text.trim();
        document.title = document.title.replace(/^.*?(?= · |$)/, text ? `Search: ${text}` : 'Search');
      },
    },
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void box.run({ ...box.query, text: input.value });
  });
  order.addEventListener('change', () => {
    void box.run({ ...box.query, text: input.value, order: order.value === 'listing' ? 'listing' : 'relevance' });
  });

  const query = queryFromParams(new URLSearchParams(location.search), topics);
  input.value = query.text;
  order.value = query.order;
  if (isActive(query)) void box.run(query);
  else void loadPagefind().catch(() => undefined);
}
