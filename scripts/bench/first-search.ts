/**
 * `npm run bench:search [-- --runs 5] [--queries EK-FAC,reinforcement] [--papers 10000]`: the
 * reader's first search on the default listing (or on a synthetic listing of `--papers` papers,
 * the bench's own), papershelf against a bare Astro + Pagefind site (Pagefind's own UI) of the
 * same pages, in the same run. Each run is a first visit: a fresh browser profile, the page
 * loaded, then the query typed; the time is from typing to the first result on screen with its
 * title and link, the bytes are what came from `/pagefind/`. Prints the fastest and median per
 * site and query.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../tests/build/helpers/browser.ts';
import { serveStatic } from '../../tests/build/helpers/static-server.ts';
import { measureFirstSearch, waitForServiceWorker } from '../../tests/browser/helpers/search-site.ts';
import { baselinePhases, papershelfPhases, resolveTools } from './phases.ts';
import { runBuild } from './run-build.ts';
import { copyBaselineSite, copyProject } from './site-copy.ts';
import { createSyntheticListing } from './synthetic-listing.ts';

const { values: flags } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, queries: { type: 'string' }, papers: { type: 'string' } },
});
const runs = Number(flags.runs);
// Words of the default listing's rare terms and common ones; a synthetic listing has no EK-FAC.
const queries = (flags.queries ?? (flags.papers === undefined ? 'EK-FAC,reinforcement,agents' : 'reinforcement,agents,transformer')).split(',').map((query) => query.trim()).filter(Boolean);
const tools = resolveTools(fileURLToPath(new URL('../..', import.meta.url)));
const work = await mkdtemp(join(tmpdir(), 'papershelf-first-search-'));
const logs = join(work, 'logs');
await mkdir(logs);

// 1. Both sites from the same generated pages of the listing.
const project = join(work, 'papershelf');
await copyProject(project, tools.projectRoot);
const synthetic = flags.papers === undefined ? undefined : join(work, 'papers.txt');
if (synthetic) await writeFile(synthetic, createSyntheticListing({ papers: Number(flags.papers) }));
const listing = synthetic ?? join(tools.projectRoot, 'content/source');
const dirs = { project, listing, papers: join(work, 'papers'), dist: join(work, 'dist'), cache: join(project, '.cache', 'astro') };
const built = await runBuild('papershelf', papershelfPhases(tools, dirs), logs);
const baselineDir = join(work, 'baseline');
await copyBaselineSite(baselineDir, tools.projectRoot);
const baselineBuilt = await runBuild('baseline', baselinePhases(tools, baselineDir, dirs.papers), logs);
if (built.failure || baselineBuilt.failure) throw new Error(`bench: a build failed, see ${logs}`);

// 2. Alternate the two sites run by run, so a busy moment of the machine hits both alike.
const browser = await launchChromium();
const sites = {
  papershelf: { server: await serveStatic(dirs.dist, '/'), search: searchPapershelf },
  'bare Pagefind': { server: await serveStatic(join(baselineDir, 'dist'), '/'), search: searchBaseline },
};
type SiteName = keyof typeof sites;
const results = new Map<string, { milliseconds: number; bytes: number }[]>();
try {
  for (const query of queries) {
    for (let run = 0; run < runs; run += 1) {
      for (const name of Object.keys(sites) as SiteName[]) {
        const context = await browser.newContext();
        try {
          const result = await sites[name].search(context, sites[name].server.url.bind(sites[name].server), query);
          const key = `${name}\0${query}`;
          results.set(key, [...(results.get(key) ?? []), result]);
        } finally {
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  for (const site of Object.values(sites)) await site.server.close();
}

// 3. The report.
const described = synthetic ? `a synthetic listing of ${Number(flags.papers).toLocaleString('en')} papers` : 'the default listing (85 papers)';
console.log(`First search on ${described}, ${runs} first visits per site and query, fresh profile each:\n`);
console.log('| query | site | fastest (ms) | median (ms) | kB from /pagefind/ |');
console.log('|---|---|--:|--:|--:|');
for (const query of queries) {
  for (const name of Object.keys(sites)) {
    const measured = [...(results.get(`${name}\0${query}`) ?? [])].sort((a, b) => a.milliseconds - b.milliseconds);
    const median = measured[Math.floor(measured.length / 2)];
    console.log(`| ${query} | ${name} | ${measured[0]?.milliseconds.toFixed(0)} | ${median?.milliseconds.toFixed(0)} | ${((median?.bytes ?? 0) / 1000).toFixed(1)} |`);
  }
}
await rm(work, { recursive: true, force: true });

/** papershelf: the home page, the worker installed, then the header's search box. */
async function searchPapershelf(context: BrowserContext, url: (path: string) => string, query: string) {
  const page = await context.newPage();
  await page.goto(url(''));
  await waitForServiceWorker(page);
  return measureFirstSearch(context, page, '/', query);
}

/** The bare site: its search page with Pagefind's default UI. */
async function searchBaseline(context: BrowserContext, url: (path: string) => string, query: string) {
  const page: Page = await context.newPage();
  const bodies: Promise<number>[] = [];
  context.on('response', (response) => {
    // As `measureFirstSearch` counts: the size Chromium received.
    if (new URL(response.url()).pathname.startsWith('/pagefind/')) bodies.push(response.request().sizes().then((sizes) => sizes.responseBodySize, () => 0));
  });
  await page.goto(url('search/'));
  await page.locator('.pagefind-ui__search-input').waitFor();
  const milliseconds = await page.evaluate(
    (text) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('.pagefind-ui__search-input')!;
        const started = performance.now();
        // A result with its link and title, as papershelf's are when they appear: Pagefind's UI
        // first shows grey placeholders (`.pagefind-ui__result` with `.pagefind-ui__loading`
        // lines), and fills them in when the result's fragment has loaded.
        new MutationObserver((_changes, observer) => {
          if (document.querySelector('.pagefind-ui__result-link')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        }).observe(document.body, { childList: true, subtree: true });
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
  const bytes = (await Promise.all(bodies)).reduce((sum, length) => sum + length, 0);
  return { milliseconds, bytes };
}
