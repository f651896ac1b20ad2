/**
 * Loads Pagefind's search library from the built site and runs searches with it.
 *
 * Only `pagefind.js` (the API), its WebAssembly and the index chunks a query needs are fetched:
 * no Pagefind UI bundle. Everything comes from `<base>pagefind/`, so search works under a subpath.
 */
import { searchMetaWeights } from '../../shared/search-fields.ts';

/** Page data Pagefind keeps for a result (`data()` of a result). */
export interface PagefindResultData {
  url: string;
  /** The text Pagefind indexed: the paper's abstract, as the page shows it. */
  content: string;
  /** Words around the best match, HTML-escaped, with `<mark>` around matched words. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

/** Counts per value of each filter (`{ topic: { Robotics: 3 } }`). */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** For each filter value, how many results remain once it is added to the current filters. */
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string[]>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The part of `pagefind.js`'s module API papershelf uses. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /**
   * Loads the index chunks for a query, and the filter chunks of the filters it names, without
   * searching; `null` loads the filter chunks only.
   */
  preload(term: string | null, options?: PagefindSearchOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResponse | null>;
  filters(): Promise<FilterCounts>;
}

const base = import.meta.env.BASE_URL;


let loading: Promise<PagefindModule> | undefined;

/**
 * The Pagefind API, loaded on first use and shared by every search box of the page.
 *
 * The library runs on the main thread (`noWorker`): for a listing's short pages a search takes a
 * few milliseconds, and the web worker would cost another 43 KB before the first result.
 */
export function loadPagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
    await module.options({ baseUrl: base, excerptLength: 26, noWorker: true, ranking: { metaWeights: searchMetaWeights } });
    await module.init();
    return module;
  })();
  // A failed load (offline before the index was ever fetched) may succeed on the next try.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Loads the filter index of the given filters: only then do search responses carry the counts per
 * value of those facets. Filters are loaded one by one, not with Pagefind's `filters()`, which
 * loads them all: at 10,000 papers the tag filter alone is about 200 KB, the topic filter 30 KB.
 */
export async function loadFilters(keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const pagefind = await loadPagefind();
  await pagefind.preload(null, { filters: Object.fromEntries(keys.map((key) => [key, []])) });
}

/** URLs of the Pagefind files this page has fetched, for the service worker to keep. */
export function fetchedPagefindUrls(): string[] {
  const prefix = new URL(`${base}pagefind/`, location.href).href;
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(prefix));
}

/**
 * Whether a result's fragment can be loaded, answered by what actually happened, not by
 * `navigator.onLine` (which lags the network): with no service worker, the browser fetches it as
 * usual; with one, the worker fetches or finds it and says whether it now holds it. Asking
 * Pagefind for a fragment that neither the network nor the cache can give would fail with a
 * network error in the console. (Pagefind writes one fragment file per page, named by the page
 * id, unless a language passes its `maxFragments` option.)
 */
export function canLoadResult(result: PagefindResult): Promise<boolean> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return Promise.resolve(true);
  const url = new URL(`${base}pagefind/fragment/${result.id}.pf_fragment`, location.href).href;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<unknown>) => resolve(event.data === true);
    worker.postMessage({ type: 'papershelf:keep', url }, [channel.port2]);
  });
}
