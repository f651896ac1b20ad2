// Shared by the build step that writes the offline bundle (`src/integrations/offline-bundle.ts`)
// and the service worker that reads it (`src/client/offline/worker.ts`): one type, two sides.

/**
 * `sw-search-index.json`: what the worker fetches in the background, after the first search or
 * when a page finds the browser idle (from the second page view on).
 */
export interface OfflineIndex {
  /**
   * Everything a search needs except fragments, kept whole: the library, its wasm, the metadata,
   * every index and filter chunk, and the page list. Paths relative to the base.
   */
  core: string[];
  /** Folder of the fragments, relative to the base. */
  fragmentDir: string;
  /**
   * Fragments fetched ahead of time, those of the first papers of the listing within the budget,
   * by name without `.pf_fragment` (the Pagefind page id): at 10,000 papers paths would triple
   * the size of this list.
   */
  fragments: string[];
  /** Their total size, so the worker can check the storage quota before it starts on them. */
  fragmentBytes: number;
  /** How many fragments are left to be kept as searches show them. */
  deferred: number;
}
