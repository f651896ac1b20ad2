import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { abstractText } from '../../src/integrations/search-record.ts';
import { serveStatic, type StaticServer } from '../build/helpers/static-server.ts';
import { closeWatchedContext, resultPaths, searchInHeader, startSearchSite, waitForServiceWorker, watchContext, type Misconduct, type SearchSite } from './helpers/search-site.ts';

// Offline use without a search first: the worker keeps the index while the reader browses, finds
// what it keeps whatever `Vary` the host sends, and stands in for a paper never read with what
// the index holds about it. The default listing, built once, at the root and under a subpath.

type Paper = SearchSite['papers'][number];

let app: SearchSite;
let subpath: SearchSite;
/** The same build as `app`, from a host that sends `Vary: Origin` with every answer, as `astro preview` does. */
let varyServer: StaticServer;
let context: BrowserContext | undefined;
let misconduct: Misconduct;

beforeAll(async () => {
  app = await startSearchSite('/');
  subpath = await startSearchSite('/some/sub/path/');
  varyServer = await serveStatic(app.site.outDir, app.site.basePath, { headers: { Vary: 'Origin' } });
});

afterAll(async () => {
  await varyServer?.close();
  await app?.close();
  await subpath?.close();
});

afterEach(async () => {
  const closing = context;
  context = undefined;
  await closeWatchedContext(closing, misconduct);
});

function paperWith(site: SearchSite, word: string): Paper {
  const paper = site.papers.find((candidate) => candidate.abstract.includes(word));
  if (!paper) throw new Error(`no paper of the default listing mentions ${word}`);
  return paper;
}

/** Whether the worker has kept the whole index: it stores the offline list last. */
function indexKept(page: Page, server: StaticServer): Promise<boolean> {
  return page.evaluate(async (list) => (await caches.match(list, { ignoreVary: true })) !== undefined, server.url('sw-search-index.json'));
}

/**
 * A reader's first visit in a fresh profile: `paths` opened one after the other, no search. The
 * first installs the worker; from the second on, pages ask it to keep the index when idle. Returns
 * once it has, on the last page.
 */
async function browse(site: SearchSite, server: StaticServer, paths: string[], options: { bypassCSP?: boolean } = {}): Promise<Page> {
  context = await site.browser.newContext(options);
  misconduct = watchContext(context, server.origin);
  const page = await context.newPage();
  const [first, ...rest] = paths;
  await page.goto(server.url(first));
  await waitForServiceWorker(page);
  // A first page view leaves the network to the reader: the index is not asked for.
  expect(await indexKept(page, server)).toBe(false);
  for (const path of rest) await page.goto(server.url(path));
  await expect.poll(() => indexKept(page, server), { timeout: 100_000 }).toBe(true);
  return page;
}

/** Chromium logs the stand-in pages' 503 as an error: expected for these paths, for nothing else. */
function allowOfflineStatus(server: StaticServer, ...paths: string[]): void {
  const urls = paths.map((path) => server.url(path));
  misconduct.consoleErrors = misconduct.consoleErrors.filter((error) => !urls.some((url) => error.startsWith(url)));
}

/** The Pagefind page id of a paper, from the page list the build wrote. */
async function pageId(site: SearchSite, slug: string): Promise<string> {
  const list = JSON.parse(await readFile(join(site.site.outDir, 'sw-search-pages', 'all.json'), 'utf8')) as Record<string, [string, string]>;
  const entry = Object.entries(list).find(([, [url]]) => url === `/papers/${slug}/`);
  if (!entry) throw new Error(`${slug} is not in the page list`);
  return entry[0];
}

/** The name of the worker's one cache. */
async function cacheName(page: Page): Promise<string> {
  const names = await page.evaluate(() => caches.keys());
  expect(names).toHaveLength(1);
  return names[0]!;
}

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

describe('offline search after browsing, with no search first', () => {
  test.each([
    ['a plain static host', () => app.server],
    ['a host that sends Vary: Origin', () => varyServer],
  ])('on %s', async (_, server) => {
    const read = paperWith(app, 'EK-FAC');
    const page = await browse(app, server(), ['', `papers/${read.slug}/`]);

    await context!.setOffline(true);
    // This page has never loaded Pagefind: the library, its wasm and the index come from the cache.
    const travel = paperWith(app, 'TravelPlanner');
    expect((await searchInHeader(page, 'TravelPlanner'))[0]).toBe(`/papers/${travel.slug}/`);
    // The fragments of the listing's papers were kept too: results show their excerpts.
    expect(await page.locator('[data-search-panel] .search-result-excerpt').first().innerText()).not.toBe('Details unavailable offline.');

    await page.goto(server().url('search/?q=Adyen'));
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect((await resultPaths(page, '[data-search-results]'))[0]).toBe(`/papers/${paperWith(app, 'Adyen').slug}/`);
    await page.goto(server().url(`papers/${read.slug}/`));
    expect(await page.locator('h1').innerText()).toBe(read.title);
  });
});

describe('a paper never read, opened offline', () => {
  test("shows its title, summary and abstract from the index, says why, and links home and to search", async () => {
    const server = app.server;
    const page = await browse(app, server, ['', `papers/${paperWith(app, 'EK-FAC').slug}/`]);
    await context!.setOffline(true);

    const travel = paperWith(app, 'TravelPlanner');
    const path = `papers/${travel.slug}/`;
    await searchInHeader(page, 'TravelPlanner');
    const answer = page.waitForResponse((response) => response.request().isNavigationRequest() && response.url().startsWith(server.url(path)));
    await page.locator('[data-search-panel] .search-result-link').first().click();
    const response = await answer;
    expect(response.status()).toBe(503);
    expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.waitForURL((url) => url.pathname === `/${path}`);

    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe(`${travel.title} · papershelf`);
    expect(await page.locator('h1').innerText()).toBe(travel.title);
    expect(await page.locator('main .summary').textContent()).toBe(travel.summary);
    expect(await page.locator('main section h2').innerText()).toBe('Abstract');
    expect(await page.locator('main section p').textContent()).toBe(abstractText(travel.abstract));
    const note = await page.locator('main .note').innerText();
    expect(note).toContain('You are offline.');
    expect(note).toContain('The full page will load when you are back online.');
    // Landmarks, and the ways on: the listing and search, which work offline.
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Site' });
    expect(await nav.getByRole('link').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))).toEqual([
      server.url(''),
      server.url('search/'),
    ]);
    // axe runs through DevTools, which the page's policy (no scripts) does not stop.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is the global the evaluated source defines.
      const results = await (window.axe as typeof import('axe-core')).run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
      return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
    });
    expect(violations).toEqual([]);

    await nav.getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(server.url('search/'));
    expect(await page.locator('[data-search-page]').count()).toBe(1);

    // Back online, the same address gives the paper's own page.
    await context!.setOffline(false);
    expect((await page.goto(server.url(path)))?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(travel.title);
    expect(await page.locator('main .note').count()).toBe(0);
    allowOfflineStatus(server, path);
  });

  test('shows its title alone when the worker did not keep its fragment', async () => {
    const server = app.server;
    const page = await browse(app, server, ['', `papers/${paperWith(app, 'EK-FAC').slug}/`]);
    // What a large listing leaves out: fragments past the worker's budget.
    const travel = paperWith(app, 'TravelPlanner');
    const fragment = server.url(`pagefind/fragment/${await pageId(app, travel.slug)}.pf_fragment`);
    const name = await cacheName(page);
    expect(await page.evaluate(async ({ name, fragment }) => (await caches.open(name)).delete(fragment), { name, fragment })).toBe(true);

    await context!.setOffline(true);
    const path = `papers/${travel.slug}/`;
    expect((await page.goto(server.url(path)))?.status()).toBe(503);
    expect(await page.locator('h1').innerText()).toBe(travel.title);
    expect(await page.locator('main .note').innerText()).toContain('only its title is kept offline');
    expect(await page.locator('main .summary, main section').count()).toBe(0);
    allowOfflineStatus(server, path);
  });

  test('shows every text as text: markup in the index cannot run', async () => {
    const server = app.server;
    const page = await browse(app, server, ['', `papers/${paperWith(app, 'EK-FAC').slug}/`]);
    const travel = paperWith(app, 'TravelPlanner');
    const fragment = server.url(`pagefind/fragment/${await pageId(app, travel.slug)}.pf_fragment`);
    const hostile = {
      title: `<img src=x onerror="window.ran=1">Title & "quotes" 'too'`,
      summary: '<b>bold</b></p><script>window.ran=1</script>',
      content: '"><svg onload="window.ran=1"></svg> &amp; done',
    };
    // A fragment as Pagefind writes one, with hostile texts, in place of the paper's.
    await page.evaluate(
      async ({ name, url, title, summary, content }) => {
        const data = `pagefind_dcd${JSON.stringify({ url: '/x/', content, meta: { title, summary } })}`;
        const gzipped = new Blob([data]).stream().pipeThrough(new CompressionStream('gzip'));
        await (await caches.open(name)).put(url, new Response(gzipped));
      },
      { name: await cacheName(page), url: fragment, ...hostile },
    );

    await context!.setOffline(true);
    const path = `papers/${travel.slug}/`;
    await page.goto(server.url(path));
    expect(await page.locator('h1').textContent()).toBe(hostile.title);
    expect(await page.title()).toBe(`${hostile.title} · papershelf`);
    expect(await page.locator('main .summary').textContent()).toBe(hostile.summary);
    expect(await page.locator('main section p').textContent()).toBe(hostile.content);
    expect(await page.locator('img, script, svg, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { ran?: number }).ran)).toBeUndefined();
    allowOfflineStatus(server, path);
  });

  test('under a subpath, shows the paper and links stay under the base', async () => {
    const server = subpath.server;
    const page = await browse(subpath, server, ['', `papers/${paperWith(subpath, 'EK-FAC').slug}/`]);
    await context!.setOffline(true);
    const travel = paperWith(subpath, 'TravelPlanner');
    expect((await searchInHeader(page, 'TravelPlanner'))[0]).toBe(`${subpath.site.basePath}papers/${travel.slug}/`);
    const path = `papers/${travel.slug}/`;
    await page.goto(server.url(path));
    expect(await page.locator('h1').innerText()).toBe(travel.title);
    expect(await page.locator('main section p').textContent()).toBe(abstractText(travel.abstract));
    expect(await page.getByRole('navigation', { name: 'Site' }).getByRole('link').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))).toEqual([
      server.url(''),
      server.url('search/'),
    ]);
    allowOfflineStatus(server, path);
  });
});

describe('the index is not fetched in the background', () => {
  // Whether the page asked: its messages to the worker, and a mark once its idle callbacks ran.
  const instrument = (connection: { saveData?: boolean; effectiveType?: string }) => {
    // Init scripts run in every document, `about:blank` included, which has no service workers.
    if (!('ServiceWorker' in window)) return;
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => connection });
    const state = window as unknown as { posted: unknown[]; idle: number };
    state.posted = [];
    state.idle = 0;
    const post = ServiceWorker.prototype.postMessage;
    ServiceWorker.prototype.postMessage = function (this: ServiceWorker, ...args: Parameters<ServiceWorker['postMessage']>) {
      state.posted.push((args[0] as { type?: unknown } | null)?.type);
      return (post as (...rest: unknown[]) => void).apply(this, args);
    } as ServiceWorker['postMessage'];
    const idle = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (callback, options) =>
      idle((deadline) => {
        callback(deadline);
        state.idle += 1;
      }, options);
  };

  test.each([
    ['Save-Data', { saveData: true, effectiveType: '4g' }, false],
    ['a 2G connection', { effectiveType: '2g' }, false],
    ['a slow-2G connection', { effectiveType: 'slow-2g' }, false],
    // The control: the same instrument sees the request on a good connection.
    ['a 4G connection (asked for)', { effectiveType: '4g' }, true],
  ])('on %s', async (_, connection, asked) => {
    const server = app.server;
    context = await app.browser.newContext();
    misconduct = watchContext(context, server.origin);
    await context.addInitScript(instrument, connection);
    const page = await context.newPage();
    await page.goto(server.url(''));
    await waitForServiceWorker(page);
    await page.goto(server.url(`papers/${paperWith(app, 'EK-FAC').slug}/`));
    // The page registers its idle task once the worker is ready; wait until it has run.
    await page.waitForFunction(() => (window as unknown as { idle: number }).idle > 0);
    const posted = await page.evaluate(() => (window as unknown as { posted: unknown[] }).posted);
    expect(posted).toContain('papershelf:cache');
    expect(posted.includes('papershelf:prefetch')).toBe(asked);
  });
});
