/**
 * `node scripts/index-search.ts <dist>` (`npm run search`): builds the search index (and the
 * service worker that caches it) for an already built site, such as one built with
 * `PAPERSHELF_SEARCH=off`. The Astro integration runs the same function after each build.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildSearch, formatSearchSummary } from '../src/integrations/papershelf-search.ts';
import { isIndexedAsBuilt, refreshSiteStamp, siteStampPath } from './lib/site-stamp.ts';

const { positionals } = parseArgs({ allowPositionals: true });
const dir = positionals[0] ?? process.env.PAPERSHELF_OUT_DIR ?? 'dist';
// The same cache folder as the Astro build, so an unchanged site reuses its last index.
const cacheDir = process.env.PAPERSHELF_CACHE_DIR ?? 'node_modules/.astro';

try {
  if (await isIndexedAsBuilt(siteStampPath(cacheDir), resolve(dir))) {
    console.log(`search: ${dir} is indexed and unchanged since the last build`);
    process.exit(0);
  }
  console.log(formatSearchSummary(await buildSearch(dir, '_astro', cacheDir)));
  // This step is part of the build: the site it leaves is the one the next build compares with.
  await refreshSiteStamp(siteStampPath(cacheDir), resolve(dir));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
