import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexSite } from './search-index.ts';
import { writeServiceWorker } from './offline-bundle.ts';

/** What `buildSearch` did, for the one summary line. */
export interface SearchBuildSummary {
  pages: number;
  reused: boolean;
  version: string;
  milliseconds: number;
}

/**
 * Everything search needs after a build: the Pagefind index, then the service worker whose
 * version depends on it. Shared by the integration and `scripts/index-search.ts`.
 *
 * @param dir
 *   The built site.
 * @param assetsDir
 *   Astro's `build.assets` folder name.
 * @param cacheDir
 *   Where to keep the last index for reuse when no paper's record changed (optional).
 */
export async function buildSearch(dir: string, assetsDir = '_astro', cacheDir?: string): Promise<SearchBuildSummary> {
  const started = performance.now();
  const { pages, reused } = await indexSite(dir, { cacheDir });
  const { version } = await writeServiceWorker(dir, assetsDir);
  return { pages, reused, version, milliseconds: Math.round(performance.now() - started) };
}

/** The summary line both entry points print. */
export function formatSearchSummary({ pages, reused, version, milliseconds }: SearchBuildSummary): string {
  const what = reused ? `reused the index of ${pages} unchanged pages` : `indexed ${pages} pages (from papers.json)`;
  return `search: ${what} in ${(milliseconds / 1000).toFixed(2)}s (service worker ${version})`;
}

/**
 * Gives the site its search index after every build (`astro:build:done`): the bundle the content
 * step prepared for the same papers, or a fresh one (see `indexSite`). Unless `PAPERSHELF_SEARCH`
 * is `off`, when `scripts/index-search.ts` can index the site later; the service worker is
 * written either way.
 */
export default function papershelfSearch(): AstroIntegration {
  let assetsDir = '_astro';
  let cacheDir: string | undefined;
  return {
    name: 'papershelf-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        assetsDir = config.build.assets;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.PAPERSHELF_SEARCH === 'off') {
          // Every page registers sw.js: write it (without an index) so the site is whole as built.
          // `scripts/index-search.ts` rewrites it with the index.
          const { version } = await writeServiceWorker(fileURLToPath(dir), assetsDir);
          logger.info(`search: skipped (PAPERSHELF_SEARCH=off); service worker ${version} written without an index`);
          return;
        }
        logger.info(formatSearchSummary(await buildSearch(fileURLToPath(dir), assetsDir, cacheDir)));
      },
    },
  };
}
