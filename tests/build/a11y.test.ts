import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite, listFiles } from './helpers/build-site.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

let browser: Browser;
let server: StaticServer;
const pages: Record<string, string> = { home: '' };

beforeAll(async () => {
  const site = await buildFixtureSite();
  const files = await listFiles(site.outDir);
  const first = (pattern: RegExp) => files.find((file) => pattern.test(file))!.replace(/index\.html$/, '');
  Object.assign(pages, {
    paper: first(/^papers\/[^/]+\/index\.html$/),
    topics: 'topics/',
    topic: first(/^topics\/[^/]+\/index\.html$/),
    tags: 'tags/',
    tag: first(/^tags\/[^/]+\/index\.html$/),
  });
  server = await serveStatic(site.outDir, site.basePath);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** axe's WCAG 2.x A/AA rules plus its best practices, on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    // @ts-expect-error axe is the global the injected script defines.
    (window.axe as typeof import('axe-core')).run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} ${node.failureSummary ?? ''}`),
  );
}

describe.each(['light', 'dark'] as const)('%s theme', (colorScheme) => {
  test.each(['home', 'paper', 'topics', 'topic', 'tags', 'tag'])('axe finds no violations on the %s page', async (type) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(server.url(pages[type]));
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test('a chosen theme overrides the system one, survives a reload and passes axe', async () => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const other = colorScheme === 'light' ? 'dark' : 'light';
    await page.goto(server.url(pages.paper));
    await page.getByLabel('Theme').selectOption(other);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(other);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(other);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
