import { allowedEdits, chooseCorrection, isListedPrefix, letterWordsFile, parseSearchWords, prefixListFile, prefixWordsFile, searchWordsDir } from '../../shared/search-words.ts';
import { loadFilters, loadPagefind, type FilterCounts, type PagefindModule, type PagefindResult, type PagefindSearchOptions } from './pagefind-api.ts';

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
  /**
   * The words exactly as typed, never corrected (`&literal=1`): what "Search instead for" runs.
   * Typing new words drops it.
   */
  literal?: boolean;
}

export interface SearchOutcome {
  query: SearchQuery;
  results: PagefindResult[];
  /** Counts per facet value within the current results (with the current filters applied). */
  facets: FilterCounts;
  /**
   * `all`: every result has every word (Pagefind's own search). `some`: no paper had them all;
   * the results have some of them, those with more of the words first.
   */
  match: 'all' | 'some';
  /** The query's words with typos corrected, when a word was in no paper and a listed word was near it. */
  corrected?: string;
  /** The words the results were found by, for the paper page to mark (`?highlight=`). */
  words: string;
}

export function emptyQuery(): SearchQuery {
  return { text: '', filters: { topic: [], tag: [] }, order: 'relevance' };
}

/**
 * The query with other words: typed words are searched as typed only when asked again
 * (`literal` is dropped), the filters and the order stay.
 */
export function withText(query: SearchQuery, text: string): SearchQuery {
  const { literal, ...rest } = query;
  return text.trim() === query.text.trim() && literal ? { ...rest, text, literal } : { ...rest, text };
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
    ...(params.get('literal') === '1' ? { literal: true } : {}),
  };
}

/** Writes a search as address parameters: topic ids where `topics` knows them, names otherwise (the search page maps those back). */
export function queryToParams(query: SearchQuery, topics?: TopicNames): URLSearchParams {
  const params = new URLSearchParams();
  if (query.text.trim()) params.set('q', query.text.trim());
  for (const value of query.filters.topic) params.append('topic', topics?.idOf.get(value) ?? value);
  for (const value of query.filters.tag) params.append('tag', value);
  if (query.order === 'listing') params.set('order', 'listing');
  if (query.literal && query.text.trim()) params.set('literal', '1');
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
 * Pagefind finds papers with every word, and a word its index does not hold it searches as a
 * shorter indexed word it starts with (`influnce` as `inf`), or drops. So each word is first
 * checked against the listing's word list (`src/shared/search-words.ts`); then the search
 * forgives (`forgive`):
 *
 * 1. a word that no paper has is corrected to the nearest listed word (`chooseCorrection`),
 *    unless the query is `literal`, and the corrected words are searched;
 * 2. when no paper has every word, papers with some of them are shown (`match: 'some'`), those
 *    with more of the words first (`rankAnyOf`); a word no paper has matches nothing.
 *
 * @param facets
 *   Facets whose counts the outcome must carry: their filter index is loaded first.
 */
export async function runQuery(query: SearchQuery, facets: readonly FacetKey[] = facetKeys): Promise<SearchOutcome> {
  const pagefind = await loadPagefind();
  const text = query.text.trim();
  const filters = Object.fromEntries(facetKeys.filter((key) => query.filters[key].length > 0).map((key) => [key, query.filters[key]]));
  const byListing = query.order === 'listing' || text === '';
  const options: PagefindSearchOptions = { filters, ...(byListing ? { sort: { position: 'asc' as const } } : {}) };
  // A phrase in quotes asks for exactly those words: Pagefind's alone.
  const words = text.includes('"') ? [] : queryWords(text);
  // Fetch the facet counts, the query's index chunks and its words' part of the word list at once;
  // the searches then run in memory.
  const [, , unknown] = await Promise.all([
    loadFilters(facets),
    text === '' ? undefined : pagefind.preload(text, options),
    findUnknownWords(pagefind, words),
  ]);
  if (unknown.length === 0) {
    const found = await searchEveryWord(pagefind, text, options, byListing);
    if (found.results.length > 0 || words.length === 0) return { query, ...found, match: 'all', words: text };
  }
  return forgive(pagefind, query, words, unknown, options, byListing);
}

/** Pagefind's own search: papers with every word. */
async function searchEveryWord(
  pagefind: PagefindModule,
  text: string,
  options: PagefindSearchOptions,
  byListing: boolean,
): Promise<{ results: PagefindResult[]; facets: FilterCounts }> {
  // Pagefind matches the stem of each word as a prefix, so `ADS` also finds `adaptive`, and many
  // of those can outscore the one paper named ADS. Pages holding the exact words come first.
  const rankExactFirst = !byListing && !text.includes('"');
  const [response, exact] = await Promise.all([
    pagefind.search(text === '' ? null : text, options),
    rankExactFirst ? pagefind.search(`"${text}"`, options) : undefined,
  ]);
  let results = response?.results ?? [];
  if (exact && exact.results.length > 0) {
    const exactIds = new Set(exact.results.map((result) => result.id));
    results = [...results.filter((result) => exactIds.has(result.id)), ...results.filter((result) => !exactIds.has(result.id))];
  }
  return { results, facets: response?.filters ?? {} };
}

/** A word of the query as typed, and as Pagefind and the word list compare it. */
export interface QueryWord {
  typed: string;
  /** Lower-cased, without the punctuation Pagefind drops (`EK-FAC` is `ekfac`). */
  normal: string;
}

/** The distinct words of a query, in order. */
export function queryWords(text: string): QueryWord[] {
  const words = new Map<string, QueryWord>();
  for (const typed of text.split(/\s+/)) {
    const normal = normalizeWord(typed);
    if (normal !== '' && !words.has(normal)) words.set(normal, { typed, normal });
  }
  return [...words.values()];
}

function normalizeWord(typed: string): string {
  return typed.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

/** Words the word list can speak for: runs of letters as long as its words. */
function isCheckable(word: QueryWord): boolean {
  return allowedEdits(word.normal) > 0;
}

/**
 * The words of the query that no paper has: no listed word starts with them (so they are not
 * being typed either), and Pagefind holds no word of their stem (`studying` is no listed word,
 * but the index holds `studi`). Shorter words, and words with digits, are Pagefind's to search.
 * None when the word list cannot be loaded.
 */
async function findUnknownWords(pagefind: PagefindModule, words: readonly QueryWord[]): Promise<QueryWord[]> {
  const checked = await Promise.all(
    words.filter(isCheckable).map(async (word) => {
      const listed = await loadWordsStartingLike(word.normal);
      if (!listed || isListedPrefix(word.normal, listed)) return [];
      return (await searchResults(pagefind, `"${word.typed}"`, {})).length === 0 ? [word] : [];
    }),
  );
  return checked.flat();
}

/**
 * Most words the search for papers with some of them combines: it searches every combination
 * (for the facet counts and for excerpts that mark all the words a paper has), 2^n - 1 searches.
 * The rarest words are kept.
 */
const maxAnyOfWords = 5;

/**
 * A word in more than this share of the listing's papers (`use`, `model`) says little: when rarer
 * words of the query match, papers are found and ranked by those, and these are left out.
 */
const commonWordShare = 0.5;

/**
 * What `runQuery` does when no paper has every word, or a word is in no paper: corrects those
 * words, then looks for papers with some of the words.
 */
async function forgive(
  pagefind: PagefindModule,
  query: SearchQuery,
  typedWords: readonly QueryWord[],
  unknownWords: readonly QueryWord[],
  options: PagefindSearchOptions,
  byListing: boolean,
): Promise<SearchOutcome> {
  let words = typedWords;
  let unknown = new Set(unknownWords.map((word) => word.normal));
  let corrected: string | undefined;

  const corrections = new Map<string, string>();
  if (!query.literal) {
    for (const word of unknownWords) {
      const correction = chooseCorrection(word.normal, (await loadSearchWords(letterWordsFile(word.normal))) ?? []);
      if (correction) corrections.set(word.normal, correction);
    }
  }
  if (corrections.size > 0) {
    corrected = query.text
      .trim()
      .split(/\s+/)
      .map((typed) => corrections.get(normalizeWord(typed)) ?? typed)
      .join(' ');
    words = queryWords(corrected);
    unknown = new Set([...unknown].filter((word) => !corrections.has(word)));
    if (unknown.size === 0) {
      const found = await searchEveryWord(pagefind, corrected, options, byListing);
      if (found.results.length > 0) return { query, ...found, match: 'all', corrected, words: corrected };
    }
  }
  const text = corrected ?? query.text.trim();
  const nothing: SearchOutcome = { query, results: [], facets: {}, match: 'all', words: text };

  // Papers with some of the words: those that match, the common ones only when nothing rarer does.
  // How common a word is goes by the whole listing, not by the filters: a facet's count then
  // stays true once the reader picks it.
  const known = words.filter((word) => !unknown.has(word.normal));
  const [found, listing] = await Promise.all([
    Promise.all(
      known.map(async (word) => ({ word, ...(await searchWithFacets(pagefind, word.typed, options)) })),
    ),
    loadListingOrder(pagefind),
  ]);
  let matching = found.filter(({ results }) => results.length > 0);
  if (matching.length === 0) return nothing;
  const rare = matching.filter(({ papers }) => papers <= listing.size * commonWordShare);
  if (rare.length > 0) matching = rare;
  const rarest = new Set([...matching].sort((a, b) => a.papers - b.papers).slice(0, maxAnyOfWords));
  matching = matching.filter((entry) => rarest.has(entry));

  // Every combination of those words, each a search for papers with all of them (the single
  // words are searched already).
  const bySubset = new Map<number, PagefindResult[]>();
  const countsBySubset = new Map<number, FilterCounts>();
  await Promise.all(
    Array.from({ length: (1 << matching.length) - 1 }, async (_, index) => {
      const mask = index + 1;
      const entries = matching.filter((_entry, bit) => mask & (1 << bit));
      const { results, facets } = entries.length === 1 ? entries[0]! : await searchWithFacets(pagefind, entries.map(({ word }) => word.typed).join(' '), options);
      bySubset.set(mask, results);
      countsBySubset.set(mask, facets);
    }),
  );
  return {
    query,
    results: rankAnyOf(bySubset, matching.length, byListing ? listing : undefined),
    facets: unionFacetCounts(countsBySubset),
    match: 'some',
    ...(corrected ? { corrected } : {}),
    words: matching.map(({ word }) => word.typed).join(' '),
  };
}

async function searchResults(pagefind: PagefindModule, text: string | null, options: PagefindSearchOptions): Promise<PagefindResult[]> {
  return (await pagefind.search(text, options))?.results ?? [];
}

/** A search's results, their facet counts, and how many papers have the words whatever the filters. */
async function searchWithFacets(
  pagefind: PagefindModule,
  text: string,
  options: PagefindSearchOptions,
): Promise<{ results: PagefindResult[]; facets: FilterCounts; papers: number }> {
  const response = await pagefind.search(text, options);
  return { results: response?.results ?? [], facets: response?.filters ?? {}, papers: response?.unfilteredResultCount ?? 0 };
}

function countBits(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

/**
 * Papers with some of the words, those with more of them first, then by Pagefind's score for the
 * words they have (or, with `listingOrder`, in listing order).
 *
 * @param bySubset
 *   For each combination of the words (a bit mask: bit `i` for word `i`), the results of the
 *   search for papers with all of those words. The single words (`1 << i`) say which paper has
 *   which words; a paper's result comes from the search for exactly its words, so its excerpt
 *   marks all of them. A missing combination falls back to the single words' results.
 * @param words
 *   How many words there are.
 * @param listingOrder
 *   Position of each paper in the listing, to order by instead of by score.
 */
export function rankAnyOf<T extends { id: string; score: number }>(
  bySubset: ReadonlyMap<number, readonly T[]>,
  words: number,
  listingOrder?: ReadonlyMap<string, number>,
): T[] {
  const matched = new Map<string, { mask: number; singles: T[] }>();
  for (let word = 0; word < words; word += 1) {
    for (const result of bySubset.get(1 << word) ?? []) {
      const entry = matched.get(result.id) ?? { mask: 0, singles: [] };
      entry.mask |= 1 << word;
      entry.singles.push(result);
      matched.set(result.id, entry);
    }
  }
  const indexes = new Map<number, Map<string, T>>();
  const resultFor = (mask: number, id: string): T | undefined => {
    let index = indexes.get(mask);
    if (!index) indexes.set(mask, (index = new Map((bySubset.get(mask) ?? []).map((result) => [result.id, result]))));
    return index.get(id);
  };
  const ranked = [...matched].map(([id, { mask, singles }], seen) => {
    const exact = resultFor(mask, id);
    const best = singles.reduce((a, b) => (b.score > a.score ? b : a));
    return {
      result: exact ?? best,
      count: countBits(mask),
      score: exact?.score ?? singles.reduce((sum, result) => sum + result.score, 0),
      position: listingOrder?.get(id) ?? Number.MAX_SAFE_INTEGER,
      seen,
    };
  });
  ranked.sort((a, b) => b.count - a.count || (listingOrder ? a.position - b.position : b.score - a.score) || a.seen - b.seen);
  return ranked.map(({ result }) => result);
}

/**
 * Facet counts of the papers with some of the words, by inclusion and exclusion: a paper with
 * words A and B is counted by A and by B and taken back once by A-and-B.
 *
 * @param countsBySubset
 *   Pagefind's facet counts of the search for every combination of the words (bit masks as in
 *   `rankAnyOf`): all of them, or the sums are wrong.
 */
export function unionFacetCounts(countsBySubset: ReadonlyMap<number, FilterCounts>): FilterCounts {
  const union: Record<string, Record<string, number>> = {};
  for (const [mask, counts] of countsBySubset) {
    const sign = countBits(mask) % 2 === 1 ? 1 : -1;
    for (const [key, values] of Object.entries(counts)) {
      const sums = (union[key] ??= {});
      for (const [value, count] of Object.entries(values)) sums[value] = (sums[value] ?? 0) + sign * count;
    }
  }
  return union;
}

let listingOrder: Promise<Map<string, number>> | undefined;

/** Each paper's place in the listing, by Pagefind page id: the same for every query of the page, so asked once. */
function loadListingOrder(pagefind: PagefindModule): Promise<Map<string, number>> {
  listingOrder ??= searchResults(pagefind, null, { sort: { position: 'asc' } }).then((results) => new Map(results.map((result, index) => [result.id, index])));
  listingOrder.catch(() => (listingOrder = undefined));
  return listingOrder;
}

/**
 * The listed words that start with the first two letters of `word`: none, without a request, when
 * the list has no file for them; undefined when the list cannot be loaded.
 */
async function loadWordsStartingLike(word: string): Promise<string[] | undefined> {
  const name = prefixWordsFile(word);
  const files = await loadSearchWords(prefixListFile);
  if (!files) return undefined;
  return files.includes(name) ? loadSearchWords(name) : [];
}

const searchWordFiles = new Map<string, Promise<string[] | undefined>>();

/**
 * One file of the listing's word list (`prefixWordsFile`, `letterWordsFile`: a small file,
 * fetched once); undefined when it cannot be loaded, and then tried again next time.
 */
function loadSearchWords(name: string): Promise<string[] | undefined> {
  let file = searchWordFiles.get(name);
  if (!file) {
    file = (async () => {
      try {
        const response = await fetch(`${import.meta.env.BASE_URL}pagefind/${searchWordsDir}/${name}`);
        if (!response.ok) throw new Error(`${response.status} fetching the word list`);
        return parseSearchWords(await response.text()) ?? [];
      } catch {
        searchWordFiles.delete(name);
        return undefined;
      }
    })();
    searchWordFiles.set(name, file);
  }
  return file;
}
