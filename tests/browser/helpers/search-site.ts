import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../../build/helpers/browser.ts';
import { buildFixtureSite, projectRoot, type BuiltSite } from '../../build/helpers/build-site.ts';
import { readGeneratedPapers } from '../../build/helpers/site-data.ts';
import { serveStatic, type StaticServer } from '../../build/helpers/static-server.ts';
import type { Paper } from '../../../src/schema/paper.ts';

/** The listing the site ships with: the queries (`EK-FAC`, `Adyen`, ...) come from it. */
export const defaultListing = join(projectRoot, 'content/source/trending-papers.txt');

export interface SearchSite {
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
  papers: Paper[];
  close(): Promise<void>;
}

/** Builds the default listing under `basePath` (once per input, shared across files), serves it on 127.0.0.1 and starts Chromium. */
export async function startSearchSite(basePath = '/'): Promise<SearchSite> {
  const site = await buildFixtureSite({ listing: defaultListing, basePath });
  const server = await serveStatic(site.outDir, site.basePath);
  const browser = await launchChromium();
  const papers = await readGeneratedPapers(site.papersDir);
  return {
    site,
    server,
    browser,
    papers,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** What a context did that it must not: requests to another origin, console errors, uncaught exceptions. */
export interface Misconduct {
  foreignRequests: string[];
  consoleErrors: string[];
}

/** Records, for every page and worker of the context, requests leaving `origin` and console errors. */
export function watchContext(context: BrowserContext, origin: string): Misconduct {
  const record: Misconduct = { foreignRequests: [], consoleErrors: [] };
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) record.foreignRequests.push(url);
  });
  context.on('requestfailed', (request) => {
    // A request cut short by the next navigation (ERR_ABORTED) is the test moving on, not a fault.
    const error = request.failure()?.errorText ?? '';
    if (!request.serviceWorker() && error !== 'net::ERR_ABORTED') record.consoleErrors.push(`request failed: ${request.url()} (${error})`);
  });
  const watchPage = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') record.consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => record.consoleErrors.push(`${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return record;
}

/**
 * The end of every browser test: closes its context, then fails the test on any request to
 * another origin or console error the context saw.
 */
export async function closeWatchedContext(context: BrowserContext | undefined, misconduct: Misconduct): Promise<void> {
  await context?.close();
  expect(misconduct.foreignRequests, 'requests to another origin').toEqual([]);
  expect(misconduct.consoleErrors, 'console errors').toEqual([]);
}

/** A page of the site in a fresh browser context (a first visit), watched for misconduct. */
export interface WatchedPage {
  context: BrowserContext;
  misconduct: Misconduct;
  page: Page;
}

/** Opens `path` of the site in a fresh context whose requests and console are watched. */
export async function openWatchedPage(app: SearchSite, path = ''): Promise<WatchedPage> {
  const context = await app.browser.newContext();
  const misconduct = watchContext(context, app.server.origin);
  const page = await context.newPage();
  await page.goto(app.server.url(path));
  return { context, misconduct, page };
}

/** What a reader's first search cost. */
export interface FirstSearch {
  /** Bytes of response bodies fetched over the network from `<base>pagefind/`. */
  bytes: number;
  /** From typing to the first result on screen. */
  milliseconds: number;
}

/**
 * Types `query` into the header search box of an open page and measures the first search: time
 * to the first result, and bytes transferred from the Pagefind bundle. Answers the service worker
 * gives from its cache cost no bytes, as on a real network.
 */
export async function measureFirstSearch(context: BrowserContext, page: Page, basePath: string, query: string): Promise<FirstSearch> {
  const bodies: Promise<number>[] = [];
  let counting = true;
  context.on('response', (response) => {
    if (counting && new URL(response.url()).pathname.startsWith(`${basePath}pagefind/`) && !response.fromServiceWorker()) {
      // The size Chromium received: `body()` gives 0 bytes for some fetches (Pagefind's fragments).
      bodies.push(response.request().sizes().then((sizes) => sizes.responseBodySize, () => 0));
    }
  });
  const milliseconds = await page.evaluate(
    (text) =>
      new Promise<number>((resolve, reject) => {
        const results = document.querySelector('[data-search-results]');
        const input = document.querySelector<HTMLInputElement>('#site-search');
        if (!results || !input) return reject(new Error('no search box on the page'));
        const started = performance.now();
        new MutationObserver(() => {
          if (results.querySelector('.search-result')) resolve(performance.now() - started);
        }).observe(results, { childList: true });
        input.focus();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
  counting = false;
  const bytes = (await Promise.all(bodies)).reduce((sum, length) => sum + length, 0);
  return { bytes, milliseconds };
}

/** Waits until the service worker controls the page (it claims open pages when it activates). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/** The href path (without the highlight query) of each result currently shown in `scope`. */
export async function resultPaths(page: Page, scope: string): Promise<string[]> {
  const hrefs = await page.locator(`${scope} .search-result-link`).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.map((href) => new URL(href).pathname);
}

/**
 * Types `text` into the header search box and waits for the search to settle: the live region
 * names the query. Returns the result paths shown.
 */
export async function searchInHeader(page: Page, text: string): Promise<string[]> {
  const input = page.locator('#site-search');
  await input.fill(text);
  await page.locator('[data-search] [role="status"]', { hasText: `“${text}”` }).waitFor({ state: 'attached' });
  return resultPaths(page, '[data-search-panel]');
}
