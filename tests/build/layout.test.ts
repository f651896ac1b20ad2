import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite, listFiles } from './helpers/build-site.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

let browser: Browser;
let server: StaticServer;
let paperPage: string;
let allPages: string[];

beforeAll(async () => {
  const site = await buildFixtureSite({ basePath: '/some/sub/path/' });
  const files = await listFiles(site.outDir);
  allPages = files.filter((file) => file.endsWith('index.html')).map((file) => file.replace(/index\.html$/, ''));
  paperPage = allPages.find((path) => /^papers\/[^/]+\/$/.test(path))!;
  server = await serveStatic(site.outDir, site.basePath);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(server.url(path));
  return page;
}

describe('responsive layout', () => {
  test('on a 360 px phone the topics menu is a disclosure that opens without script', async () => {
    const page = await open(paperPage, { viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const menu = page.getByText('Browse topics');
    const topicLink = page.getByRole('navigation', { name: 'Topics' }).getByRole('link').first();
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await topicLink.isVisible()).toBe(false);
    await menu.click();
    expect(await topicLink.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  test('on a wide screen the topics are a permanent sidebar', async () => {
    const page = await open(paperPage, { viewport: { width: 1280, height: 900 } });
    expect(await page.getByText('Browse topics').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Topics' }).getByRole('link').first().isVisible()).toBe(true);
    await page.context().close();
  });

  test('the skip link is the first tab stop and moves focus to the main content', async () => {
    const page = await open(paperPage);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    await page.context().close();
  });
});

describe('progressive enhancement', () => {
  test('without JavaScript the page reads fully and hides the controls that need it', async () => {
    const page = await open(paperPage, { javaScriptEnabled: false });
    expect(await page.locator('main .abstract').innerText()).not.toBe('');
    expect(await page.getByLabel('Theme').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Permalink' }).isVisible()).toBe(true);
    await page.context().close();
  });

  test('copy link puts the address the reader is on (without a highlight) on the clipboard and says so', async () => {
    const page = await open(`${paperPage}?highlight=learning#abstract`, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.locator('.permalink').getByRole('status').innerText()).toBe('Link copied');
    const here = new URL(page.url());
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(here.origin + here.pathname);
    await page.context().close();
  });

  test('no page requests another origin or logs a console error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.origin)) foreign.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    for (const path of allPages) await page.goto(server.url(path));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
