import { loadPagefind, whenFiltersLoaded, type FilterCounts, type PagefindResult } from './pagefind.ts';

/** The facets a reader can narrow by; the keys are the paper layout's `data-pagefind-filter`s. */
export const facetKeys = ['topic', 'tag'] as const;
export type FacetKey = (typeof facetKeys)[number];

/** A search as the reader set it up; it round-trips through `/search/?q=&topic=&tag=&order=`. */
export interface SearchQuery {
  text: string;
  filters: Record<FacetKey, string[]>;
  /** `relevance` (default) or `listing` (the order of the listing, by `position`). */
  order: 'relevance' | 'listing';
}

export interface SearchOutcome {
  query: SearchQuery;
  results: PagefindResult[];
  /** Counts per facet value within the current results (with the current filters applied). */
  facets: FilterCounts;
}

export function emptyQuery(): SearchQuery {
  return { text: '', filters: { topic: [], tag: [] }, order: 'relevance' };
}

/** Whether there is anything to search for: words, or at least one filter. */
export function isActive(query: SearchQuery): boolean {
  return query.text.trim() !== '' || facetKeys.some((key) => query.filters[key].length > 0);
}

export function queryFromParams(params: URLSearchParams): SearchQuery {
  return {
    text: params.get('q') ?? '',
    filters: { topic: params.getAll('topic'), tag: params.getAll('tag') },
    order: params.get('order') === 'listing' ? 'listing' : 'relevance',
  };
}

export function queryToParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.text.trim()) params.set('q', query.text.trim());
  for (const key of facetKeys) for (const value of query.filters[key]) params.append(key, value);
  if (query.order === 'listing') params.set('order', 'listing');
  return params;
}

/** The shareable search page URL for a query. */
export function searchPageHref(query: SearchQuery): string {
  const params = queryToParams(query).toString();
  return `${import.meta.env.BASE_URL}search/${params ? `?${params}` : ''}`;
}

/**
 * Runs a query. Several facet values narrow together (a paper must carry all of them); words
 * rank by relevance, and filters without words list papers in listing order.
 */
export async function runQuery(query: SearchQuery): Promise<SearchOutcome> {
  const pagefind = await loadPagefind();
  const text = query.text.trim();
  const filters = Object.fromEntries(facetKeys.filter((key) => query.filters[key].length > 0).map((key) => [key, query.filters[key]]));
  const byListing = query.order === 'listing' || text === '';
  const options = { filters, ...(byListing ? { sort: { position: 'asc' as const } } : {}) };
  // Pagefind matches the stem of each word as a prefix, so `ADS` also finds `adaptive`, and many
  // of those can outscore the one paper named ADS. Pages holding the exact words come first.
  const rankExactFirst = !byListing && !/"/.test(text);
  // Fetch the facet counts and the query's index chunks at once; the searches then run in memory.
  await Promise.all([whenFiltersLoaded(), text === '' ? undefined : pagefind.preload(text, options)]);
  const [response, exact] = await Promise.all([
    pagefind.search(text === '' ? null : text, options),
    rankExactFirst ? pagefind.search(`"${text}"`, options) : undefined,
  ]);
  let results = response?.results ?? [];
  if (exact && exact.results.length > 0) {
    const exactIds = new Set(exact.results.map((result) => result.id));
    results = [...results.filter((result) => exactIds.has(result.id)), ...results.filter((result) => !exactIds.has(result.id))];
  }
  return { query, results, facets: response?.filters ?? {} };
}
