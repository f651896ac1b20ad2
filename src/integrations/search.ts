import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexSite } from './pagefind.ts';
import { writeServiceWorker } from './service-worker.ts';

/** What `buildSearch` did, for the one summary line. */
export interface SearchBuildSummary {
  pages: number;
  files: number;
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
 */
export async function buildSearch(dir: string, assetsDir = '_astro'): Promise<SearchBuildSummary> {
  const started = performance.now();
  const { pages, files } = await indexSite(dir);
  const { version } = await writeServiceWorker(dir, assetsDir);
  return { pages, files, version, milliseconds: Math.round(performance.now() - started) };
}

/** The summary line both entry points print. */
export function formatSearchSummary({ pages, files, version, milliseconds }: SearchBuildSummary): string {
  return `search: indexed ${pages} pages (of ${files} HTML files) in ${(milliseconds / 1000).toFixed(2)}s (service worker ${version})`;
}

/**
 * Indexes the site for search after every build (`astro:build:done`), unless `PAPERSHELF_SEARCH`
 * is `off` (the bench times indexing on its own with `scripts/index-search.ts`).
 */
export default function papershelfSearch(): AstroIntegration {
  let assetsDir = '_astro';
  return {
    name: 'papershelf-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        assetsDir = config.build.assets;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.PAPERSHELF_SEARCH === 'off') {
          logger.info('search: skipped (PAPERSHELF_SEARCH=off)');
          return;
        }
        logger.info(formatSearchSummary(await buildSearch(fileURLToPath(dir), assetsDir)));
      },
    },
  };
}
