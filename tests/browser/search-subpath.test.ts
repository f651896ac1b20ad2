import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closeWatchedContext, openWatchedPage, resultPaths, searchInHeader, startSearchSite, waitForServiceWorker, type Misconduct, type SearchSite } from './helpers/search-site.ts';

// The same site hosted under a subpath (GitHub Pages style): every search request, result link,
// search page link and the service worker's scope must stay under the base.

const basePath = '/some/sub/path/';
let app: SearchSite;
let context: BrowserContext;
let misconduct: Misconduct;
const pagefindRequests: string[] = [];

beforeAll(async () => {
  app = await startSearchSite(basePath);
});

afterAll(async () => {
  await app?.close();
});

async function openPage(path = ''): Promise<Page> {
  const opened = await openWatchedPage(app, path);
  ({ context, misconduct } = opened);
  context.on('request', (request) => {
    if (request.url().includes('/pagefind/')) pagefindRequests.push(new URL(request.url()).pathname);
  });
  return opened.page;
}

afterEach(() => closeWatchedContext(context, misconduct));

test('search, its result links, the search page and offline use all stay under the base', async () => {
  const paper = app.papers.find((candidate) => candidate.abstract.includes('Adyen'))!;
  const page = await openPage();
  expect(await page.evaluate(() => location.pathname)).toBe(basePath);
  await waitForServiceWorker(page);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(app.server.url(''));

  expect((await searchInHeader(page, 'Adyen'))[0]).toBe(`${basePath}papers/${paper.slug}/`);
  await page.locator('[data-search-panel] .search-result-link').first().click();
  await page.waitForURL((url) => url.pathname === `${basePath}papers/${paper.slug}/`);
  await page.locator('mark.search-hit').first().waitFor();
  const chip = page.locator('[data-pagefind-filter="topic"]').first();
  const topic = await chip.innerText();
  const id = /\/topics\/([^/]+)\/$/.exec((await chip.getAttribute('href'))!)![1]!;

  await page.goto(app.server.url(`search/?q=Adyen&topic=${id}`));
  await page.locator('[data-search-results] .search-result').first().waitFor();
  expect((await resultPaths(page, '[data-search-results]'))[0]).toBe(`${basePath}papers/${paper.slug}/`);
  expect(await page.locator(`[data-search-facets] button[data-value="${topic}"]`).getAttribute('aria-pressed')).toBe('true');

  // Offline under the base: the worker's cache answers for the shell, the page read and the index.
  await expect
    .poll(() => page.evaluate(async (list) => (await caches.match(list)) !== undefined, app.server.url('sw-search-index.json')), { timeout: 100_000 })
    .toBe(true);
  await context.setOffline(true);
  await page.goto(app.server.url(''));
  const other = app.papers.find((candidate) => candidate.abstract.includes('TravelPlanner'))!;
  expect((await searchInHeader(page, 'TravelPlanner'))[0]).toBe(`${basePath}papers/${other.slug}/`);

  expect(pagefindRequests.length).toBeGreaterThan(0);
  expect(pagefindRequests.filter((path) => !path.startsWith(`${basePath}pagefind/`))).toEqual([]);
});
