import { findPage } from './find-page.ts';
import { canLoadResult, fetchedPagefindUrls, loadFilters, type PagefindResult } from './pagefind-api.ts';
import { describeOutcome, renderFacets, renderNotice, renderResult, renderUnavailableResult } from './render.ts';
import { emptyQuery, isActive, runQuery, searchPageHref, withText, type FacetKey, type SearchOutcome, type SearchQuery } from './query.ts';

/** The parts of a search box, found in the markup of `Search.astro` or `search.astro`. */
export interface SearchBoxElements {
  /** Holds all the parts below; keyboard handling listens here. */
  root: HTMLElement;
  input: HTMLInputElement;
  /** Polite live region: the result count after each search. */
  status: HTMLElement;
  facets: HTMLElement;
  /** What the count does not say: that the words were corrected, with a link to the words as typed. */
  notice?: HTMLElement | null;
  results: HTMLElement;
  /** "Show more" (search page). */
  more?: HTMLButtonElement | null;
}

export interface SearchBoxOptions {
  /** Unique per box: prefixes generated ids. */
  idPrefix: string;
  /** Results rendered at once (and per "Show more"). */
  pageSize: number;
  facetLimits: Record<FacetKey, number>;
  /** Facets shown with the results: their filter index loads with the query's chunks. */
  facets: readonly FacetKey[];
  /**
   * Facets shown once the reader asks for them (a "Show tags" button), or as soon as a search
   * filters by them: their filter index loads then. The tag filter weighs about 200 KB at 10,000
   * papers, more than the rest of a first search.
   */
  onDemandFacets?: readonly FacetKey[];
  /**
   * Facets whose index is not loaded yet (on a first search) load after the results, not with
   * them: 30 KB less before the first result at 10,000 papers. Only for facets shown below the
   * results, which they then do not move.
   */
  facetsAfterResults?: boolean;
  /** Called after each search has been rendered (the header opens its panel, the page updates its URL). */
  onRender?(outcome: SearchOutcome | undefined): void;
  /** Escape pressed inside the box. */
  onEscape?(): void;
  /** The search page's address for a query (default `searchPageHref`): the "Search instead for" link. */
  searchHref?(query: SearchQuery): string;
}

export interface SearchBox {
  readonly query: SearchQuery;
  /** Replaces the query (words, filters, order) and runs it. */
  run(query: SearchQuery): Promise<void>;
}

/** Coalesces fast keystrokes: each search also fetches the excerpts of the results it shows. */
const typingDelay = 30;

/**
 * Runs searches as the reader types and renders results and facets; keyboard: ArrowDown from the
 * field goes to the results, ArrowUp/ArrowDown/Home/End move between them, ArrowUp from the first
 * result returns to the field, Enter follows the focused result, Escape is the caller's.
 */
export function mountSearchBox(elements: SearchBoxElements, options: SearchBoxOptions): SearchBox {
  const { root, input, status, facets, notice, results, more } = elements;
  const searchHref = options.searchHref ?? ((next: SearchQuery) => searchPageHref(next));
  let query: SearchQuery = { ...emptyQuery(), text: input.value };
  let outcome: SearchOutcome | undefined;
  let shown = 0;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let facetsShown: FacetKey[] = [...options.facets];
  // Facets whose filter index this page has (with `facetsAfterResults`, those of a first search
  // load after its results: `completeFacets`).
  const facetsLoaded = new Set<FacetKey>();

  async function run(next: SearchQuery): Promise<void> {
    query = next;
    clearTimeout(timer);
    const current = ++sequence;
    if (!isActive(query)) {
      outcome = undefined;
      shown = 0;
      results.replaceChildren();
      facets.replaceChildren();
      renderNoticeOf(undefined);
      status.textContent = '';
      if (more) more.hidden = true;
      options.onRender?.(undefined);
      return;
    }
    try {
      // Filtering by a facet loads its index anyway: show its values too.
      for (const key of options.onDemandFacets ?? []) if (query.filters[key].length > 0 && !facetsShown.includes(key)) facetsShown.push(key);
      // A filter in the query loads its index anyway: its counts come with the results.
      const ready = facetsShown.filter((key) => !options.facetsAfterResults || facetsLoaded.has(key) || query.filters[key].length > 0);
      const found = await runQuery(query, ready);
      for (const key of ready) facetsLoaded.add(key);
      const items = await loadItems(found.results.slice(0, options.pageSize), found.words);
      if (current !== sequence) return;
      outcome = found;
      shown = items.length;
      // A reader on a result that a newer search replaces goes back to the field, not to <body>.
      const hadFocus = results.contains(document.activeElement);
      results.replaceChildren(...items);
      if (hadFocus) input.focus();
      renderFacetGroups();
      renderNoticeOf(found);
      status.textContent = describeOutcome(found);
      if (more) more.hidden = shown >= found.results.length;
      options.onRender?.(found);
      keepForOffline();
      if (facetsShown.some((key) => !facetsLoaded.has(key))) void completeFacets().catch(() => undefined);
    } catch {
      if (current !== sequence) return;
      outcome = undefined;
      results.replaceChildren();
      facets.replaceChildren();
      renderNoticeOf(undefined);
      status.textContent = navigator.onLine
        ? 'Search is not available: its index could not be loaded.'
        : 'You are offline and search has not been used on this device yet.';
      options.onRender?.(undefined);
    }
  }

  /** Shows an on-demand facet: loads its filter index, then adds its counts to the search on screen. */
  async function showFacet(key: FacetKey): Promise<void> {
    if (!facetsShown.includes(key)) facetsShown.push(key);
    try {
      if (await completeFacets()) facets.querySelector<HTMLElement>(`button[data-facet="${CSS.escape(key)}"]`)?.focus();
    } catch (error) {
      // Not loaded (offline, say): its button again, to try later.
      facetsShown = facetsShown.filter((shown) => shown !== key);
      renderFacetGroups();
      throw error;
    }
  }

  /**
   * Loads the filter index of every facet shown that has none yet, then adds their counts to the
   * search on screen; false when a newer search came meanwhile (it shows them itself).
   */
  async function completeFacets(): Promise<boolean> {
    const current = sequence;
    const pending = facetsShown.filter((key) => !facetsLoaded.has(key));
    try {
      await loadFilters(pending);
    } catch (error) {
      // Not loaded (offline, say): the next search tries again; until then, no counts to wait for.
      if (current === sequence) renderFacetGroups(pending);
      throw error;
    }
    for (const key of pending) facetsLoaded.add(key);
    keepForOffline();
    if (current !== sequence || !outcome) return false;
    const { facets: counts } = await runQuery(query, facetsShown);
    if (current !== sequence || !outcome) return false;
    outcome = { ...outcome, facets: counts };
    renderFacetGroups();
    return true;
  }

  /**
   * Each result as a list item; one whose details cannot be loaded still shows, as its title and link.
   *
   * @param text
   *   The words the results were found by, which the paper page marks.
   */
  function loadItems(page: PagefindResult[], text: string): Promise<HTMLLIElement[]> {
    return Promise.all(
      page.map(async (result) => {
        if (!(await canLoadResult(result))) return renderUnavailableResult(await findPage(result.id), text, true);
        const data = await result.data().catch(() => undefined);
        return data ? renderResult(data, text) : renderUnavailableResult(await findPage(result.id), text, false);
      }),
    );
  }

  /** Renders the facets of the search on screen; those in `failed` show nothing rather than wait. */
  function renderFacetGroups(failed: readonly FacetKey[] = []): void {
    if (!outcome) return;
    const focused = document.activeElement instanceof HTMLElement && facets.contains(document.activeElement) ? document.activeElement.dataset : undefined;
    const hidden = (options.onDemandFacets ?? []).filter((key) => !facetsShown.includes(key));
    const loading = facetsShown.filter((key) => !facetsLoaded.has(key) && !failed.includes(key));
    facets.replaceChildren(...renderFacets(outcome, options.idPrefix, options.facetLimits, hidden, loading));
    if (focused?.facet) {
      const selector = `[data-facet="${CSS.escape(focused.facet)}"][data-value="${CSS.escape(focused.value ?? '')}"]`;
      facets.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  function renderNoticeOf(found: SearchOutcome | undefined): void {
    if (!notice) return;
    const lines = renderNotice(found, found ? searchHref({ ...found.query, literal: true }) : '');
    notice.replaceChildren(...lines);
    notice.hidden = lines.length === 0;
  }

  function resultLinks(): HTMLAnchorElement[] {
    return [...results.querySelectorAll<HTMLAnchorElement>('.search-result-link')];
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(withText(query, input.value)), typingDelay);
  });

  // "Search instead for": the words as typed, here and now (a new tab or window follows the link).
  notice?.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-literal]');
    if (!link || event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    // The link goes with the notice: focus stays in the box, on the words.
    input.focus();
    void run({ ...query, literal: true });
  });

  facets.addEventListener('click', (event) => {
    const show = (event.target as Element).closest<HTMLButtonElement>('button[data-show-facet]');
    if (show) {
      show.disabled = true;
      void showFacet(show.dataset.showFacet as FacetKey).catch(() => (show.disabled = false));
      return;
    }
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-facet]');
    if (!button) return;
    const key = button.dataset.facet as FacetKey;
    const value = button.dataset.value ?? '';
    const values = query.filters[key];
    const filters = { ...query.filters, [key]: values.includes(value) ? values.filter((v) => v !== value) : [...values, value] };
    void run({ ...withText(query, input.value), filters });
  });

  let loadingMore = false;
  more?.addEventListener('click', async () => {
    if (!outcome || loadingMore) return;
    const current = sequence;
    loadingMore = true;
    const items = await loadItems(outcome.results.slice(shown, shown + options.pageSize), outcome.words).finally(() => (loadingMore = false));
    if (current !== sequence) return;
    results.append(...items);
    shown += items.length;
    more.hidden = shown >= outcome.results.length;
    items[0]?.querySelector('a')?.focus();
  });

  root.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      if (options.onEscape) {
        event.preventDefault();
        options.onEscape();
      }
      return;
    }
    const links = resultLinks();
    const target = event.target as HTMLElement;
    const index = links.indexOf(target as HTMLAnchorElement);
    let next: HTMLElement | undefined;
    if (target === input) {
      if (event.key === 'ArrowDown') next = links[0];
    } else if (index >= 0) {
      if (event.key === 'ArrowDown') next = links[index + 1];
      else if (event.key === 'ArrowUp') next = index === 0 ? input : links[index - 1];
      else if (event.key === 'Home') next = links[0];
      else if (event.key === 'End') next = links.at(-1);
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });

  return {
    get query() {
      return query;
    },
    run,
  };
}

/** Hands the Pagefind files fetched so far to the service worker (the first ones predate its control). */
function keepForOffline(): void {
  if (!('serviceWorker' in navigator) || !document.querySelector('[data-service-worker]')) return;
  void navigator.serviceWorker.ready.then((registration) =>
    registration.active?.postMessage({ type: 'papershelf:cache', urls: fetchedPagefindUrls(), index: true }),
  );
}
