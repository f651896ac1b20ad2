/**
 * The page list: the address and title of every indexed page, keyed by Pagefind's page id.
 *
 * Pagefind keeps a result's address, title and excerpt in its fragment file, one per page (about
 * 1 KB each, 10 MB at 10,000 papers). Offline, the service worker may not hold every fragment; the
 * page list, a few bytes per page split into small shards, lets a result whose fragment is missing
 * still show its title and link to its page. `src/integrations/offline-bundle.ts` writes it after
 * each build; the worker keeps it with the rest of the index.
 */

/** Folder of the page list in the built site, next to the service worker. */
export const pageListDir = 'sw-search-pages';

/** `<pageListDir>/index.json`: how shard names derive from page ids. */
export interface PageListIndex {
  /** Leading hex digits of the page hash that name a shard (0: a single shard). */
  prefixLength: number;
}

/** One shard: page id → [address as Pagefind stores it (`/papers/<slug>/`), title]. */
export type PageListShard = Record<string, [url: string, title: string]>;

/** At most about this many pages per shard: a missing fragment costs one small file. */
const pagesPerShard = 100;

/** The prefix length that keeps shards near `pagesPerShard` pages for a site of `pages` pages. */
export function choosePrefixLength(pages: number): number {
  let length = 0;
  while (pages / 16 ** length > pagesPerShard && length < 4) length++;
  return length;
}

/** File name, inside `pageListDir`, of the shard holding page `id` (`en_0b5986c`). */
export function pageListShard(id: string, prefixLength: number): string {
  const hash = id.slice(id.lastIndexOf('_') + 1);
  return prefixLength === 0 ? 'all.json' : `${hash.slice(0, prefixLength)}.json`;
}
