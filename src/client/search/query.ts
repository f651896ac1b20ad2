import { loadFilters, loadPagefind, type FilterCounts, type PagefindResult } from './pagefind-api.ts';

/** The facets a reader can narrow by; the keys are the filters of a paper's search record (`SearchFilters`). */
export const facetKeys = ['topic', 'tag'] as const;
export type FacetKey = (typeof facetKeys)[number];

/** A search as the reader set it up; it round-trips through `/search/?q=&topic=&tag=&order=`. */
export interface SearchQuery {
  text: string;
  /** Filter values as the index holds them: topic names, tag ids. */
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

/**
 * Topic ids and names both ways. The index files papers under topic names, which the facets and
 * result chips show; addresses carry the stable ids (`?topic=reinforcement-learning`).
 */
export interface TopicNames {
  nameOf: ReadonlyMap<string, string>;
  idOf: ReadonlyMap<string, string>;
}

export function createTopicNames(topics: Record<string, string>): TopicNames {
  const entries = Object.entries(topics);
  return { nameOf: new Map(entries), idOf: new Map(entries.map(([id, name]) => [name, id])) };
}

/**
 * Reads a search from an address. `topic` takes an id; a name, as addresses had before ids, still
 * works.
 */
export function queryFromParams(params: URLSearchParams, topics?: TopicNames): SearchQuery {
  return {
    text: params.get('q') ?? '',
    filters: { topic: params.getAll('topic').map((value) => topics?.nameOf.get(value) ?? value), tag: params.getAll('tag') },
    order: params.get('order') === 'listing' ? 'listing' : 'relevance',
  };
}

/** Writes a search as address parameters: topic ids where `topics` knows them, names otherwise (the search page maps those back). */
export function queryToParams(query: SearchQuery, topics?: TopicNames): URLSearchParams {
  const params = new URLSearchParams();
  if (query.text.trim()) params.set('q', query.text.trim());
  for (const value of query.filters.topic) params.append('topic', topics?.idOf.get(value) ?? value);
  for (const value of query.filters.tag) params.append('tag', value);
  if (query.order === 'listing') params.set('order', 'listing');
  return params;
}

/** The shareable search page URL for a query. */
export function searchPageHref(query: SearchQuery, topics?: TopicNames): string {
  const params = queryToParams(query, topics).toString();
  return `${import.meta.env.BASE_URL}search/${params ? `?${params}` : ''}`;
}

/**
 * Runs a query. Several facet values narrow together (a paper must carry all of them); words
 * rank by relevance, and filters without words list papers in listing order.
 *
 * @param facets
 *   Facets whose counts the outcome must carry: their filter index is loaded first.
 */
export async function runQuery(query: SearchQuery, facets: readonly FacetKey[] = facetKeys): Promise<SearchOutcome> {
  const pagefind = await loadPagefind();
  const text = query.text.trim();
  const filters = Object.fromEntries(facetKeys.filter((key) => query.filters[key].length > 0).map((key) => [key, query.filters[key]]));
  const byListing = query.order === 'listing' || text === '';
  const options = { filters, ...(byListing ? { sort: { position: 'asc' as const } } : {}) };
  // Pagefind matches the stem of each word as a prefix, so `ADS` also finds `adaptive`, and many
  // of those can outscore the one paper named ADS. Pages holding the exact words come first.
  const rankExactFirst = !byListing && !/"/.test(text);
  // Fetch the facet counts and the query's index chunks at once; the searches then run in memory.
  await Promise.all([loadFilters(facets), text === '' ? undefined : pagefind.preload(text, options)]);
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
