/**
 * `node scripts/bench/measure-first-search.ts <dist> [query]`: serves a built site on 127.0.0.1
 * and measures, in headless Chromium with a fresh profile, what a reader's first search costs:
 * bytes transferred from `/pagefind/` (uncompressed bodies) and the time from typing to the first
 * result on screen. Prints one line; run it on a bench build kept with `--keep`.
 */
import { resolve } from 'node:path';
import { launchChromium } from '../../tests/build/helpers/browser.ts';
import { serveStatic } from '../../tests/build/helpers/static-server.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const query = process.argv[3] ?? 'reinforcement';
const server = await serveStatic(dist, '/');
const browser = await launchChromium();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url(''));
  let bytes = 0;
  const bodies: Promise<void>[] = [];
  context.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/pagefind/') && !response.fromServiceWorker()) {
      bodies.push(response.body().then((body) => void (bytes += body.length), () => undefined));
    }
  });
  const milliseconds = await page.evaluate(
    (text) =>
      new Promise<number>((done) => {
        const results = document.querySelector('[data-search-results]');
        const input = document.querySelector<HTMLInputElement>('#site-search');
        if (!results || !input) throw new Error('no search box on the home page');
        const started = performance.now();
        new MutationObserver(() => {
          if (results.querySelector('.search-result')) done(performance.now() - started);
        }).observe(results, { childList: true });
        input.focus();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
  await Promise.all(bodies);
  console.log(`first search for "${query}": ${(bytes / 1000).toFixed(1)} kB from /pagefind/, results in ${milliseconds.toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.close();
}
