// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { existsSync, readFileSync } from 'node:fs';
import papershelfSearch from './src/integrations/papershelf-search.ts';
import { defaultSlugRegistryPath, parseSlugRegistry, redirectRoutes } from './src/schema/slug-registry.ts';

const env = process.env;

/** The old address of each paper whose slug the site owner changed, as a redirect page to the new one. */
function paperRedirects() {
  const path = env.PAPERSHELF_SLUGS || defaultSlugRegistryPath;
  return existsSync(path) ? redirectRoutes(parseSlugRegistry(readFileSync(path, 'utf8'), path), normaliseBasePath(env.BASE_PATH || '/')) : {};
}

/**
 * `BASE_PATH` as Astro wants it: leading and trailing slash, no doubled slashes
 * (`some/sub/path` and `/some/sub/path` both become `/some/sub/path/`).
 *
 * @param {string} value
 * @returns {string}
 */
function normaliseBasePath(value) {
  const segments = value.split('/').filter(Boolean);
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

if (!env.SITE_URL && process.argv.includes('build')) {
  // Feeds, canonical links, the sitemap and structured data need the site's real address.
  console.warn('warning: SITE_URL is not set, so feeds, canonical links and the sitemap say http://localhost:4321; build with SITE_URL=https://your.site');
}

export default defineConfig({
  site: env.SITE_URL || 'http://localhost:4321',
  base: normaliseBasePath(env.BASE_PATH || '/'),
  // Every page is a directory (`/papers/<slug>/`), so links work on any static host. Four pages
  // at a time: while one waits for its file to be written (or restored from the cache), another
  // renders; a third of the page step at 10,000 papers, and the pages are the same.
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  redirects: paperRedirects(),
  // Scoping by class costs each element a few bytes less than a data attribute, which keeps a
  // paper page inside its 30 KB budget.
  scopedStyleStrategy: 'class',
  // Tests and the bench build several sites at once; each needs its own output and cache.
  outDir: env.PAPERSHELF_OUT_DIR || './dist',
  cacheDir: env.PAPERSHELF_CACHE_DIR || './node_modules/.astro',
  // The page must show the listing's own quotes, `--` and `...`; `.mdx` inherits this processor.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  // papershelfSearch indexes dist/ with Pagefind after the build (PAPERSHELF_SEARCH=off skips it).
  integrations: [mdx(), sitemap(), papershelfSearch()],
  devToolbar: { enabled: false },
  // Pages return a `cacheKey` from getStaticPaths; unchanged pages are restored from the cache folder.
  experimental: { incrementalBuild: true },
});
