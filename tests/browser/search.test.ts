import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../build/helpers/browser.ts';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic } from '../build/helpers/static-server.ts';
import {
  closeWatchedContext,
  measureFirstSearch,
  openWatchedPage,
  resultPaths,
  searchInHeader,
  startSearchSite,
  waitForServiceWorker,
  watchContext,
  type Misconduct,
  type SearchSite,
} from './helpers/search-site.ts';

// Search as a reader uses it, on the default listing built once and served on 127.0.0.1.

let app: SearchSite;
let context: BrowserContext;
let misconduct: Misconduct;

beforeAll(async () => {
  app = await startSearchSite('/');
});

afterAll(async () => {
  await app?.close();
});

async function openPage(path = ''): Promise<Page> {
  const opened = await openWatchedPage(app, path);
  ({ context, misconduct } = opened);
  return opened.page;
}

afterEach(() => closeWatchedContext(context, misconduct));

function paperPath(slug: string): string {
  return `${app.site.basePath}papers/${slug}/`;
}

function slugWith(predicate: (paper: SearchSite['papers'][number]) => boolean): string {
  const paper = app.papers.find(predicate);
  if (!paper) throw new Error('no such paper in the default listing');
  return paper.slug;
}

describe('ranking', () => {
  test('rare terms from the issue put their paper first', async () => {
    const page = await openPage();
    const cases: [string, string][] = [
      ['EK-FAC', slugWith((paper) => paper.abstract.includes('EK-FAC'))],
      ['Adyen', slugWith((paper) => paper.abstract.includes('Adyen'))],
      ['TravelPlanner', slugWith((paper) => paper.abstract.includes('TravelPlanner'))],
      ['SPaR', slugWith((paper) => paper.method === 'SPaR')],
    ];
    for (const [query, slug] of cases) {
      expect((await searchInHeader(page, query))[0], query).toBe(paperPath(slug));
    }
  });

  test("every paper's method name puts that paper first", async () => {
    const page = await openPage();
    const withMethod = app.papers.filter((paper) => paper.method);
    expect(withMethod.length).toBeGreaterThan(20);
    const misses: string[] = [];
    for (const paper of withMethod) {
      const first = (await searchInHeader(page, paper.method!))[0];
      if (first !== paperPath(paper.slug)) misses.push(`${paper.method} -> ${first}`);
    }
    expect(misses).toEqual([]);
  });

  test('results show the title, an excerpt with the words marked and topic chips', async () => {
    const page = await openPage();
    await searchInHeader(page, 'TravelPlanner');
    const first = page.locator('[data-search-panel] .search-result').first();
    const paper = app.papers.find((candidate) => candidate.abstract.includes('TravelPlanner'))!;
    await expect.poll(() => first.locator('.search-result-link').innerText()).toBe(paper.title);
    expect(await first.locator('.search-result-excerpt mark').first().innerText()).toMatch(/^TravelPlanner/);
    expect(await first.locator('.search-chip').count()).toBe(paper.topics.length);
  });
});

/** Presses "Show more results" on the search page until every result is listed. */
async function showAllResults(page: Page): Promise<void> {
  const more = page.locator('[data-search-more]');
  const results = page.locator('[data-search-results] .search-result');
  while (await more.isVisible()) {
    const shown = await results.count();
    await more.click();
    await expect.poll(() => results.count()).toBeGreaterThan(shown);
  }
}

describe('filters', () => {
  test('a first search shows its results before the topic counts, which then come without moving them', async () => {
    const page = await openPage();
    // The panel as the first results show, and where the first result then is.
    const first = await page.evaluate(
      () =>
        new Promise<{ busy: string[]; top: number }>((resolve) => {
          const panel = document.querySelector('[data-search-panel]')!;
          new MutationObserver((_records, observer) => {
            const result = panel.querySelector('.search-result');
            if (!result) return;
            observer.disconnect();
            const busy = [...panel.querySelectorAll<HTMLElement>('[data-search-facets] .search-facet[aria-busy="true"]')].map((group) => group.innerText);
            resolve({ busy, top: result.getBoundingClientRect().top });
          }).observe(panel, { childList: true, subtree: true });
          const input = document.querySelector<HTMLInputElement>('#site-search')!;
          input.focus();
          input.value = 'learning';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
    );
    expect(first.busy).toEqual([expect.stringContaining('Topics')]);
    const panel = page.locator('[data-search-panel]');
    await panel.locator('[data-search-facets] button[data-facet="topic"]').first().waitFor();
    expect(await panel.locator('[data-search-facets] [aria-busy="true"]').count()).toBe(0);
    expect((await panel.locator('.search-result').first().boundingBox())!.y).toBe(first.top);
  });

  test('a topic filter makes every result carry that topic, with the count its facet showed', async () => {
    const page = await openPage('search/?q=learning');
    const facet = page.locator('[data-search-facets] button[data-facet="topic"]').first();
    await facet.waitFor();
    const topic = (await facet.getAttribute('data-value'))!;
    const count = Number(await facet.locator('.search-facet-count').innerText());
    await facet.click();
    await expect.poll(() => page.locator('[data-search-page] [role="status"]').innerText()).toContain(` in ${topic}`);
    expect(await page.locator(`[data-search-facets] button[data-value="${topic}"]`).getAttribute('aria-pressed')).toBe('true');
    await showAllResults(page);
    const results = page.locator('[data-search-results] .search-result');
    expect(await results.count()).toBe(count);
    for (const chips of await results.evaluateAll((items) => items.map((item) => [...item.querySelectorAll('.search-chip')].map((chip) => chip.textContent)))) {
      expect(chips).toContain(topic);
    }
    // The address names the topic by its id, the facet by its name.
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual([await topicId(page, topic)]);
  });

  test('a tag filter keeps only papers with that tag', async () => {
    const page = await openPage('search/?q=model');
    await page.locator('[data-search-facets] button[data-show-facet="tag"]').click();
    const facet = page.locator('[data-search-facets] button[data-facet="tag"]').first();
    await facet.waitFor();
    const tag = (await facet.getAttribute('data-value'))!;
    await facet.click();
    await expect.poll(() => page.locator('[data-search-page] [role="status"]').innerText()).toContain(`#${tag}`);
    await showAllResults(page);
    const paths = await resultPaths(page, '[data-search-results]');
    expect(paths.length).toBeGreaterThan(0);
    const tagged = new Set(app.papers.filter((paper) => paper.tags.includes(tag)).map((paper) => paperPath(paper.slug)));
    for (const path of paths) expect(tagged.has(path), path).toBe(true);
  });
});

describe('keyboard', () => {
  test('Ctrl+K, typing, arrows, Escape and Enter reach a paper with the words marked', async () => {
    const page = await openPage();
    const input = page.locator('#site-search');
    await page.keyboard.press('Control+k');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('TravelPlanner');
    const panel = page.locator('[data-search-panel]');
    await page.locator('[data-search] [role="status"]', { hasText: '“TravelPlanner”' }).waitFor({ state: 'attached' });
    const links = panel.locator('.search-result-link');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.id);

    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(await links.nth(0).getAttribute('href'));
    if ((await links.count()) > 1) {
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(await links.nth(1).getAttribute('href'));
      await page.keyboard.press('ArrowUp');
    }
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('site-search');

    await page.keyboard.press('Escape');
    expect(await panel.isHidden()).toBe(true);
    expect(await focused()).toBe('site-search');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(await links.nth(0).getAttribute('href'));

    await page.keyboard.press('Enter');
    const slug = slugWith((paper) => paper.abstract.includes('TravelPlanner'));
    await page.waitForURL((url) => url.pathname === paperPath(slug));
    expect(new URL(page.url()).searchParams.get('highlight')).toBe('TravelPlanner');
    await page.locator('mark.search-hit').first().waitFor();
    expect(await page.locator('mark.search-hit').first().innerText()).toBe('TravelPlanner');
  });

  test('Enter in the header box opens the search page with the same search', async () => {
    const page = await openPage();
    await searchInHeader(page, 'Adyen');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `${app.site.basePath}search/`);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Adyen');
    await page.locator('[data-search-results] .search-result').first().waitFor();
  });
});

/** The id of a topic, from the table the search page maps addresses with. */
function topicId(page: Page, name: string): Promise<string> {
  return page.evaluate((topic) => {
    const topics = JSON.parse(document.querySelector<HTMLElement>('[data-search-page]')!.dataset.topics!) as Record<string, string>;
    return Object.entries(topics).find(([, candidate]) => candidate === topic)![0];
  }, name);
}

describe('search page', () => {
  test('a shared /search/?q=&topic= link reproduces the search', async () => {
    const paper = app.papers.find((candidate) => candidate.abstract.includes('EK-FAC'))!;
    // The topic's id (its address) and name (as the index and the facets spell it), from the paper page's chip.
    const page = await openPage(`papers/${paper.slug}/`);
    const chip = page.locator('[data-pagefind-filter="topic"]').first();
    const topic = await chip.innerText();
    const id = paper.topics[0]!;
    expect(await chip.getAttribute('href')).toBe(`${app.site.basePath}topics/${id}/`);

    await page.goto(app.server.url(`search/?q=EK-FAC&topic=${id}`));
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect(await page.locator('#page-search').inputValue()).toBe('EK-FAC');
    expect((await resultPaths(page, '[data-search-results]'))[0]).toBe(paperPath(paper.slug));
    expect(await page.locator(`[data-search-facets] button[data-value="${topic}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-search-page] [role="status"]').innerText()).toContain(topic);
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual([id]);
  });

  test('an older link naming the topic still works, and the address turns to its id', async () => {
    const paper = app.papers.find((candidate) => candidate.abstract.includes('EK-FAC'))!;
    const page = await openPage(`papers/${paper.slug}/`);
    const topic = await page.locator('[data-pagefind-filter="topic"]').first().innerText();

    await page.goto(app.server.url(`search/?q=EK-FAC&topic=${encodeURIComponent(topic)}`));
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect((await resultPaths(page, '[data-search-results]'))[0]).toBe(paperPath(paper.slug));
    expect(await page.locator(`[data-search-facets] button[data-value="${topic}"]`).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('topic')).toEqual([paper.topics[0]]);
  });

  test('tag facets load when the reader asks for them; the header panel shows topics only', async () => {
    const page = await openPage('search/?q=model');
    const filterRequests: string[] = [];
    page.on('request', (request) => void (request.url().includes('/pagefind/filter/') && filterRequests.push(request.url())));
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect(await page.locator('[data-search-facets] button[data-facet="topic"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-search-facets] button[data-facet="tag"]').count()).toBe(0);
    const loaded = filterRequests.length;
    await page.locator('[data-search-facets] button[data-show-facet="tag"]').click();
    await page.locator('[data-search-facets] button[data-facet="tag"]').first().waitFor();
    // Only now the tag filter's index: one more file.
    expect(filterRequests.length).toBe(loaded + 1);
    // Focus lands on the first tag, not on <body>.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.facet)).toBe('tag');

    await page.goto(app.server.url(''));
    await searchInHeader(page, 'model');
    expect(await page.locator('[data-search-panel] button[data-facet="topic"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-search-panel] button[data-facet="tag"]').count()).toBe(0);
  });
});


describe('accessibility', () => {
  test.each(['light', 'dark'] as const)('axe finds no violations with results and facets showing (%s)', async (colorScheme) => {
    const page = await openPage();
    await page.emulateMedia({ colorScheme });
    await searchInHeader(page, 'learning');
    await page.locator('[data-search-panel] button[data-facet="topic"]').first().click();
    await page.locator('[data-search-panel] .search-result').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(app.server.url('search/?q=learning&tag=llm'));
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('budget', () => {
  // Bytes only: how long the first search takes depends on the machine, so `npm run bench` measures
  // it beside a bare Pagefind site in the same run instead of asserting a time here.
  test('the first search transfers at most 200 KB from /pagefind/', async () => {
    // A first visit: fresh profile, the service worker installed as it would be after the page loads.
    const page = await openPage();
    await waitForServiceWorker(page);
    const { bytes } = await measureFirstSearch(context, page, app.site.basePath, 'EK-FAC');
    expect(bytes).toBeLessThanOrEqual(200_000);
  });
});

describe('offline', () => {
  test('after one visit, search and the pages read work with the network cut', async () => {
    // The first page a reader lands on loads before the worker exists; it must be kept all the same.
    const slug = slugWith((paper) => paper.abstract.includes('EK-FAC'));
    const page = await openPage(`papers/${slug}/`);
    await waitForServiceWorker(page);
    expect((await searchInHeader(page, 'EK-FAC'))[0]).toBe(paperPath(slug));
    // The worker keeps the rest of the index after the first search; wait until it has.
    await expect
      .poll(() => page.evaluate(async (list) => (await caches.match(list)) !== undefined, app.server.url('sw-search-index.json')), {
        timeout: 100_000,
      })
      .toBe(true);

    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('h1').innerText()).toBe(app.papers.find((paper) => paper.slug === slug)!.title);
    await page.goto(app.server.url(''));
    // Words never searched online: their index chunks and excerpts must come from the cache.
    const travel = slugWith((paper) => paper.abstract.includes('TravelPlanner'));
    expect((await searchInHeader(page, 'TravelPlanner'))[0]).toBe(paperPath(travel));
    await page.goto(app.server.url('search/?q=Adyen'));
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect((await resultPaths(page, '[data-search-results]'))[0]).toBe(paperPath(slugWith((paper) => paper.abstract.includes('Adyen'))));
    // The network really is gone for the worker too: a paper never read gets the worker's stand-in,
    // made from the index (tests/browser/offline.test.ts has the details), and any other page
    // never read its offline notice.
    const unread = app.papers.find((paper) => paper.slug !== slug)!;
    const response = await page.goto(app.server.url(`papers/${unread.slug}/`));
    expect(response?.status()).toBe(503);
    expect(await page.locator('h1').innerText()).toBe(unread.title);
    expect(await page.locator('main .note').innerText()).toContain('You are offline.');
    expect((await page.goto(app.server.url('tags/')))?.status()).toBe(503);
    expect(await page.locator('h1').innerText()).toBe('You are offline');
    // Chromium logs those expected failures; nothing else may have gone wrong.
    const expected = [app.server.url(`papers/${unread.slug}/`), app.server.url('tags/')];
    misconduct.consoleErrors = misconduct.consoleErrors.filter((error) => !expected.some((url) => error.startsWith(`${url}: `)));
  });

  test('offline, a result whose fragment the worker did not keep still shows, as its title and link', async () => {
    const slug = slugWith((paper) => paper.abstract.includes('TravelPlanner'));
    const paper = app.papers.find((candidate) => candidate.slug === slug)!;
    // The page list names each Pagefind page id's address: find the fragment of this paper.
    const pageList = JSON.parse(await readFile(join(app.site.outDir, 'sw-search-pages', 'all.json'), 'utf8')) as Record<string, [string, string]>;
    const id = Object.entries(pageList).find(([, [url]]) => url === `/papers/${slug}/`)![0];

    const page = await openPage();
    await waitForServiceWorker(page);
    await searchInHeader(page, 'EK-FAC');
    await expect
      .poll(() => page.evaluate(async (list) => (await caches.match(list)) !== undefined, app.server.url('sw-search-index.json')), { timeout: 100_000 })
      .toBe(true);
    // What a large listing leaves out: the fragments past the worker's budget, never shown online.
    const fragment = app.server.url(`pagefind/fragment/${id}.pf_fragment`);
    expect(await page.evaluate(async (url) => (await caches.keys()).length === 1 && (await caches.open((await caches.keys())[0]!)).delete(url), fragment)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    const first = page.locator('[data-search-panel] .search-result').first();
    expect((await searchInHeader(page, 'TravelPlanner'))[0]).toBe(paperPath(slug));
    expect(await first.locator('.search-result-link').innerText()).toBe(paper.title);
    expect(new URL((await first.locator('.search-result-link').getAttribute('href'))!, app.server.origin).searchParams.get('highlight')).toBe('TravelPlanner');
    expect(await first.locator('.search-result-excerpt').innerText()).toBe('Details unavailable offline.');
    expect(await page.locator('[data-search] [role="status"]').innerText()).toMatch(/^\d+ papers? for “TravelPlanner”\.$/);
    // Other results, whose fragments were kept, show in full.
    const others = page.locator('[data-search-panel] .search-result').nth(1);
    if ((await page.locator('[data-search-panel] .search-result').count()) > 1) {
      expect(await others.locator('.search-result-excerpt').innerText()).not.toBe('Details unavailable offline.');
    }
  });

  test('a rebuilt site replaces the worker, which deletes the caches of the old build', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'papershelf-sw-update-'));
    await cp(app.site.outDir, copy, { recursive: true });
    const server = await serveStatic(copy, app.site.basePath);
    try {
      context = await app.browser.newContext();
      misconduct = watchContext(context, server.origin);
      const page = await context.newPage();
      await page.goto(server.url(''));
      await waitForServiceWorker(page);
      const worker = join(copy, 'sw.js');
      const source = await readFile(worker, 'utf8');
      const version = /"version":"(\w+)"/.exec(source)![1]!;
      expect(await page.evaluate(() => caches.keys())).toEqual([`papershelf-${version}`]);

      // What a rebuild changes for the browser: the bytes of sw.js, through its version.
      await writeFile(worker, source.replace(version, 'rebuilt00000'));
      await page.reload();
      await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 100_000 }).toEqual(['papershelf-rebuilt00000']);
      expect(await page.evaluate(async () => (await caches.open('papershelf-rebuilt00000')).keys().then((keys) => keys.length))).toBeGreaterThan(0);
    } finally {
      await context.close();
      await server.close();
      await rm(copy, { recursive: true, force: true });
    }
  });
});
