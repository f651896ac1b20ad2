/**
 * Screenshots the built site for the README: a paper page and the topic chart, in the light
 * theme, from `dist/` as it is (build first: `npm run build`).
 *
 * Usage: node scripts/screenshot.ts   (honours PAPERSHELF_OUT_DIR and BASE_PATH like the build)
 */
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium } from '../tests/build/helpers/browser.ts';
import { normaliseBasePath } from '../tests/build/helpers/build-site.ts';
import { serveStatic } from '../tests/build/helpers/static-server.ts';

const outDir = resolve(process.env.PAPERSHELF_OUT_DIR || 'dist');
const basePath = normaliseBasePath(process.env.BASE_PATH || '/');
const screenshotsDir = resolve('.github/screenshots');

// The first paper of the listing, read from the site's own export.
const { papers } = JSON.parse(await readFile(resolve(outDir, 'papers.json'), 'utf8')) as { papers: { slug: string }[] };
const [paper] = papers;
if (!paper) throw new Error(`${outDir}/papers.json lists no papers; build the site first`);

await mkdir(screenshotsDir, { recursive: true });
const server = await serveStatic(outDir, basePath);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: 'light', deviceScaleFactor: 1 });
  const shots = [
    { path: `papers/${paper.slug}/`, file: 'paper.png' },
    { path: 'topics/', file: 'topics.png' },
  ];
  for (const shot of shots) {
    await page.goto(server.url(shot.path));
    await page.screenshot({ path: resolve(screenshotsDir, shot.file) });
    console.log(`.github/screenshots/${shot.file} <- ${basePath}${shot.path}`);
  }
} finally {
  await browser.close();
  await server.close();
}
