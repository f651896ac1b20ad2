import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../build/helpers/browser.ts';
import { buildFixtureSite, listFiles, projectRoot } from '../build/helpers/build-site.ts';
import { serveStatic } from '../build/helpers/static-server.ts';

// Listings that try to become markup, through Markdown autolinks (`www.`, bare URLs, odd-case
// schemes, e-mail addresses), entities and raw HTML, built by the real pipeline and opened page by
// page in Chromium: no dialog opens, no element carries an event handler, no link runs script.

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const listings = ['tests/fixtures/hostile/autolinks.txt', 'tests/fixtures/hostile/listing.txt'];

describe.each(listings)('the site built from %s', (listing) => {
  test('runs nothing on any page, nor in search', async () => {
    const site = await buildFixtureSite({ listing: join(projectRoot, listing) });
    const server = await serveStatic(site.outDir, site.basePath);
    const context = await browser.newContext();
    const dialogs: string[] = [];
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(`${page.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      const pages = (await listFiles(site.outDir)).filter((file) => file.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(10);
      // A string cut inside a surrogate pair is written as U+FFFD; the listings hold none. And
      // JSON.stringify writes a lone surrogate as an escape (`\ud83d`): read the JSON-LD back to see it.
      for (const file of pages) {
        const html = await readFile(join(site.outDir, file), 'utf8');
        expect(html, file).not.toContain('\uFFFD');
        for (const [, json] of html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)) {
          expect(JSON.stringify(JSON.parse(json ?? '')), file).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
        }
      }
      // Search renders excerpts of the hostile text in the page itself.
      const visits = [...pages.map((file) => file.replace(/index\.html$/, '')), 'search/?q=alert', 'search/?q=onerror', 'search/?q=script'];
      for (const path of visits) {
        await page.goto(server.url(path));
        if (path.includes('?q=')) await page.locator('.search-page-status').filter({ hasText: /\S/ }).waitFor({ state: 'attached' });
        const offenders = await page.evaluate(() =>
          [...document.querySelectorAll('*')].flatMap((element) => [
            ...[...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName} ${attribute.name}`),
            ...(element instanceof HTMLAnchorElement && /^\s*javascript:/i.test(element.getAttribute('href') ?? '') ? [`a href=${element.getAttribute('href')}`] : []),
            ...(['IFRAME', 'OBJECT', 'EMBED'].includes(element.tagName) ? [element.tagName] : []),
          ]),
        );
        expect(offenders, path).toEqual([]);
        expect(await page.locator('main .abstract :is(img, svg, script, b, details)').count(), path).toBe(0);
      }
      if (listing.endsWith('autolinks.txt')) {
        // Search excerpts show entities as the listing wrote them, not decoded into markup.
        await page.goto(server.url('search/?q=computer'));
        const excerpt = page.locator('.search-result-excerpt').first();
        await excerpt.waitFor();
        expect(await excerpt.innerText()).toContain('&lt;img src=x onerror=alert(11)&gt; &#60;script&#62;');
      }
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
