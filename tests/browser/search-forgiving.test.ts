import type { BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations } from '../build/helpers/browser.ts';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { closeWatchedContext, openWatchedPage, resultPaths, searchInHeader, startSearchSite, watchContext, type Misconduct, type SearchSite } from './helpers/search-site.ts';

// Search that forgives, as readers search: words that no paper has all of, typos, excerpts that
// read as quotations, and the search page on a phone. On the default listing, built once.

let app: SearchSite;
let context: BrowserContext;
let misconduct: Misconduct;

beforeAll(async () => {
  app = await startSearchSite('/');
});

afterAll(async () => {
  await app?.close();
});

afterEach(() => closeWatchedContext(context, misconduct));

async function openPage(path = ''): Promise<Page> {
  const opened = await openWatchedPage(app, path);
  ({ context, misconduct } = opened);
  return opened.page;
}

/** A phone: 390x844 CSS pixels, touch, the site's mobile viewport. */
async function openPhone(path: string): Promise<Page> {
  context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  misconduct = watchContext(context, app.server.origin);
  const page = await context.newPage();
  await page.goto(app.server.url(path));
  return page;
}

function paperPath(slug: string): string {
  return `${app.site.basePath}papers/${slug}/`;
}

function papersWith(predicate: (paper: SearchSite['papers'][number]) => boolean): SearchSite['papers'] {
  const papers = app.papers.filter(predicate);
  if (papers.length === 0) throw new Error('no such paper in the default listing');
  return papers;
}

const status = (page: Page) => page.locator('[data-search-page] [role="status"]');
const notice = (page: Page) => page.locator('[data-search-page] [data-search-notice]');
const results = (page: Page) => page.locator('[data-search-results] .search-result');

/** Opens the search link for `words` and waits until its search has been rendered: the status names the words. */
async function searchLink(words: string, extra = ''): Promise<Page> {
  const page = await openPage(`search/?q=${encodeURIComponent(words)}${extra}`);
  await status(page).filter({ hasText: `“${words}”` }).waitFor();
  return page;
}

describe('no dead ends', () => {
  test('"agents tool use": no paper has all three words, so papers with some of them, LLM-agent papers first', async () => {
    const page = await searchLink('agents tool use');
    expect(await status(page).innerText()).toMatch(/^No paper has all of “agents tool use”; showing \d+ papers with some of them\.$/);
    const agents = new Set(papersWith((paper) => paper.topics.includes('llm-agents')).map((paper) => paperPath(paper.slug)));
    const top = (await resultPaths(page, '[data-search-results]')).slice(0, 5);
    expect(top).toHaveLength(5);
    expect(top.filter((path) => agents.has(path)), top.join('\n')).toEqual(top);
    // The excerpts mark the words each paper has.
    expect((await results(page).first().locator('.search-result-excerpt mark').first().innerText()).toLowerCase()).toMatch(/^agent/);
    // The topic counts are those of the papers shown: the LLM agents facet keeps exactly its papers.
    const facet = page.locator('[data-search-facets] button[data-facet="topic"][data-value="LLM agents"]');
    const count = Number(await facet.locator('.search-facet-count').innerText());
    await facet.click();
    await status(page).filter({ hasText: /^No paper in LLM agents has all of/ }).waitFor();
    expect(await results(page).count()).toBe(count);
  });

  test('the header box says so too, and a word no paper has is left out', async () => {
    const page = await openPage();
    const paths = await searchInHeader(page, 'agents qwxzj');
    expect(await page.locator('[data-search] [role="status"]').innerText()).toMatch(/^No paper has all of “agents qwxzj”; showing \d+ papers? with some of them\.$/);
    expect(paths.length).toBeGreaterThan(0);
    expect(await page.locator('[data-search-count]').innerText()).toContain('No paper has all of “agents qwxzj”');
  });
});

describe('typos', () => {
  test('"influnce functions" shows the influence-functions paper first, and says so', async () => {
    const ekfac = papersWith((paper) => paper.abstract.includes('EK-FAC'))[0]!;
    const page = await searchLink('influnce functions');
    expect((await resultPaths(page, '[data-search-results]'))[0]).toBe(paperPath(ekfac.slug));
    expect(await status(page).innerText()).toMatch(/^\d+ papers? for “influence functions”, corrected from “influnce functions”\.$/);
    expect(await notice(page).innerText()).toBe('Showing results for influence functions. Search instead for “influnce functions”');
    expect(await notice(page).locator('em').innerText()).toBe('influence functions');
    // The field keeps what the reader typed; the paper page marks the words found.
    expect(await page.locator('#page-search').inputValue()).toBe('influnce functions');
    const href = (await results(page).first().locator('.search-result-link').getAttribute('href'))!;
    expect(new URL(href, app.server.origin).searchParams.get('highlight')).toBe('influence functions');
    expect(new URL(page.url()).searchParams.get('q')).toBe('influnce functions');
  });

  test('"Search instead for" runs the words as typed, in place, and its link says so', async () => {
    const page = await searchLink('influnce functions');
    const link = notice(page).locator('a');
    const literal = new URL((await link.getAttribute('href'))!, app.server.origin);
    expect(literal.pathname).toBe(`${app.site.basePath}search/`);
    expect(Object.fromEntries(literal.searchParams)).toEqual({ q: 'influnce functions', literal: '1' });

    await link.click();
    await status(page).filter({ hasText: 'No paper has all of “influnce functions”' }).waitFor();
    expect(await notice(page).isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-search');
    expect(new URL(page.url()).searchParams.get('literal')).toBe('1');
    // `functions` alone: the EK-FAC paper is still found, by the one word it has.
    expect(await results(page).count()).toBeGreaterThan(0);

    // The same link, opened as an address.
    await page.goto(literal.href);
    await status(page).filter({ hasText: 'No paper has all of “influnce functions”' }).waitFor();
    expect(await notice(page).isHidden()).toBe(true);

    // New words are corrected again.
    await page.locator('#page-search').fill('influnce');
    await page.locator('#page-search').press('Enter');
    await status(page).filter({ hasText: 'corrected from “influnce”' }).waitFor();
    expect(new URL(page.url()).searchParams.get('literal')).toBeNull();
  });

  test('in the header panel: the correction, and its link run in place', async () => {
    const page = await openPage();
    await searchInHeader(page, 'influnce functions');
    const panel = page.locator('[data-search-panel]');
    const ekfac = papersWith((paper) => paper.abstract.includes('EK-FAC'))[0]!;
    expect((await resultPaths(page, '[data-search-panel]'))[0]).toBe(paperPath(ekfac.slug));
    const link = panel.locator('[data-search-notice] a');
    expect(await panel.locator('[data-search-notice]').innerText()).toContain('Showing results for influence functions.');
    await link.click();
    await page.locator('[data-search] [role="status"]', { hasText: 'No paper has all of “influnce functions”' }).waitFor({ state: 'attached' });
    expect(await panel.isVisible()).toBe(true);
    expect(page.url()).toBe(app.server.url(''));
  });

  test('"conversational recomendation" finds the conversational recommendation paper', async () => {
    const paper = papersWith((candidate) => /conversational recommendation/i.test(candidate.title))[0]!;
    const page = await searchLink('conversational recomendation');
    expect((await resultPaths(page, '[data-search-results]')).slice(0, 5)).toContain(paperPath(paper.slug));
    expect(await notice(page).innerText()).toContain('Showing results for conversational recommendation.');
  });

  test('words that find something are never corrected', async () => {
    const page = await searchLink('reinforcement learning');
    expect(await notice(page).isHidden()).toBe(true);
    expect(await status(page).innerText()).toMatch(/^\d+ papers for “reinforcement learning”\.$/);
    // Of the word list, only the words starting like the query's: a few KB.
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/papershelf-words/'))
        .map((entry) => [entry.name.split('/').pop(), (entry as PerformanceResourceTiming).decodedBodySize] as const),
    );
    expect(fetched.map(([name]) => name).sort()).toEqual(['le.txt', 'prefixes.txt', 're.txt']);
    for (const [name, bytes] of fetched) expect(bytes, name).toBeLessThan(5_000);
  });
});

describe('excerpts', () => {
  /** The text of the first result's excerpt. */
  async function firstExcerpt(page: Page): Promise<string> {
    return results(page).first().locator('.search-result-excerpt').innerText();
  }

  test('an excerpt from the middle of an abstract starts and ends with an ellipsis, and cuts between words', async () => {
    const page = await searchLink('EK-FAC');
    const excerpt = await firstExcerpt(page);
    expect(excerpt).toMatch(/^… \S.*\S …$/);
    const paper = papersWith((candidate) => candidate.abstract.includes('EK-FAC'))[0]!;
    const words = paper.abstract.split(/\s+/);
    for (const word of excerpt.slice(2, -2).split(' ')) expect(words, word).toContain(word);
  });

  test('an excerpt from the start of an abstract has no leading ellipsis and no "Abstract" heading', async () => {
    const paper = papersWith((candidate) => candidate.abstract.startsWith('Abstract '))[0]!;
    // Words of its first sentence: Pagefind's window starts with the abstract, at its heading.
    const page = await searchLink('achieve substantial language capabilities');
    const first = results(page).first();
    expect(await first.locator('.search-result-link').getAttribute('href')).toContain(paperPath(paper.slug));
    const excerpt = await firstExcerpt(page);
    expect(excerpt).toMatch(/^Language Models \(LMs\) achieve /);
    expect(excerpt).toMatch(/ …$/);
  });
});

describe('phones', () => {
  /** Whether an element lies wholly within the 390x844 viewport. */
  async function onScreen(locator: Locator): Promise<boolean> {
    const box = (await locator.boundingBox())!;
    return box.y >= 0 && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390;
  }

  test('after a search, the first result is on screen, the filters folded behind one button', async () => {
    const page = await openPhone('search/?q=learning');
    await status(page).filter({ hasText: '“learning”' }).waitFor();
    const first = results(page).first().locator('.search-result-link');
    expect(await onScreen(first)).toBe(true);

    const toggle = page.locator('[data-search-filters-toggle]');
    const facets = page.locator('[data-search-page] [data-search-facets]');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-controls')).toBe(await facets.getAttribute('id'));
    expect(await facets.isVisible()).toBe(false);

    // Keyboard: the button unfolds the facets, which come next in the tab order.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator('[data-search-facets] button[data-facet="topic"]').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.facet)).toBe('topic');

    // A filter chosen there keeps the facets open and shows on the button.
    await page.keyboard.press('Enter');
    await status(page).filter({ hasText: /“learning” in / }).waitFor();
    expect((await toggle.textContent())!.replace(/\s+/g, ' ').trim()).toBe('Filters (1 selected)');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    // Escape folds them and returns to the button.
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await facets.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-filters-toggle'))).toBe(true);
    expect(await onScreen(first)).toBe(true);
  });

  test('"Show tags" unfolded adds its chips inside the folded part only', async () => {
    const page = await openPhone('search/?q=model');
    await status(page).filter({ hasText: '“model”' }).waitFor();
    await page.locator('[data-search-filters-toggle]').click();
    await page.locator('[data-search-facets] button[data-show-facet="tag"]').click();
    await page.locator('[data-search-facets] button[data-facet="tag"]').first().waitFor();
    await page.locator('[data-search-filters-toggle]').click();
    expect(await onScreen(results(page).first().locator('.search-result-link'))).toBe(true);
  });

  test('on a wide screen there is no button: the facets always show', async () => {
    const page = await searchLink('learning');
    await page.locator('[data-search-facets] button[data-facet="topic"]').first().waitFor();
    expect(await page.locator('[data-search-filters-toggle]').isVisible()).toBe(false);
    expect(await page.locator('[data-search-page] [data-search-facets]').isVisible()).toBe(true);
  });
});


describe('accessibility', () => {
  test('axe finds no violations with a correction and its link showing, nor on a phone with the filters unfolded', async () => {
    const page = await searchLink('influnce functions');
    await notice(page).locator('a').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    expect(misconduct.consoleErrors, 'console errors').toEqual([]);

    const phone = await openPhone('search/?q=agents+tool+use');
    await status(phone).filter({ hasText: 'No paper has all of' }).waitFor();
    await phone.locator('[data-search-filters-toggle]').click();
    await phone.locator('[data-search-facets] button[data-facet="topic"]').first().waitFor();
    expect(await axeViolations(phone)).toEqual([]);
  });
});
