/**
 * `node scripts/bench/measure-first-search.ts <dist> [query]`: serves a built site on 127.0.0.1
 * and measures, in headless Chromium with a fresh profile, what a reader's first search costs:
 * bytes transferred from `/pagefind/` (uncompressed bodies) and the time from typing to the first
 * result on screen. Prints one line; run it on a bench build kept with `--keep`.
 */
import { resolve } from 'node:path';
import { launchChromium } from '../../tests/build/helpers/browser.ts';
import { serveStatic } from '../../tests/build/helpers/static-server.ts';
import { measureFirstSearch } from '../../tests/browser/helpers/search-site.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const query = process.argv[3] ?? 'reinforcement';
const server = await serveStatic(dist, '/');
const browser = await launchChromium();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url(''));
  const { bytes, milliseconds } = await measureFirstSearch(context, page, '/', query);
  console.log(`first search for "${query}": ${(bytes / 1000).toFixed(1)} kB from /pagefind/, results in ${milliseconds.toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.close();
}
