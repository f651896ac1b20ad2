import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite, listFiles } from './helpers/build-site.ts';
import { axeViolations, launchChromium } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

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
