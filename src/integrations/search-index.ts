import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** What one indexing run produced. */
export interface SearchIndexSummary {
  /** Pages Pagefind indexed (paper pages only: the others carry no `data-pagefind-body`). */
  pages: number;
  /** HTML files it read, indexed or not. */
  files: number;
  /** Folder the bundle was written to (`<dist>/pagefind`). */
  outputPath: string;
  /** True when no paper page changed since the last build, so the previous bundle was reused. */
  reused: boolean;
}

/**
 * Digest of every page Pagefind would read, names and bytes: equal digests give equal indexes,
 * so a rebuild that changed no paper page can reuse the last bundle instead of re-indexing.
 */
async function digestIndexedPages(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const slugs = (await readdir(join(dir, 'papers')).catch(() => [] as string[])).sort();
  // Read in batches: one file at a time leaves the disk idle between reads.
  for (let start = 0; start < slugs.length; start += 64) {
    const batch = slugs.slice(start, start + 64);
    const pages = await Promise.all(batch.map((slug) => readFile(join(dir, 'papers', slug, 'index.html')).catch(() => undefined)));
    pages.forEach((html, offset) => {
      if (html) hash.update(`${batch[offset]}\0${html.length}\0`).update(html);
    });
  }
  return hash.digest('hex').slice(0, 32);
}

/** Links a saved bundle into the site; false when there is none to reuse. */
async function restoreBundle(saved: string, outputPath: string): Promise<boolean> {
  try {
    await linkTree(saved, outputPath);
    return true;
  } catch {
    await rm(outputPath, { recursive: true, force: true });
    return false;
  }
}

/** Keeps one bundle per cache folder: the latest. */
async function saveBundle(outputPath: string, saved: string): Promise<void> {
  await rm(join(saved, '..'), { recursive: true, force: true });
  await linkTree(outputPath, saved);
}

/**
 * Mirrors a folder with hard links (copies across file systems): thousands of index files in
 * milliseconds. Safe because nothing writes into a bundle after Pagefind made it; each build
 * writes a fresh one.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/**
 * Files of Pagefind's own UIs. papershelf ships its own small UI on `pagefind.js`, so these would
 * only be dead weight on the host (and in the service worker's reach).
 */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  // The UI runs Pagefind on the main thread with the English index only.
  'pagefind-worker.js',
  'wasm.unknown.pagefind',
];

/** Only paper pages carry `data-pagefind-body`; reading the index pages too would double the work. */
const indexedPages = 'papers/*/index.html';

/**
 * Indexes a built site with Pagefind's Node API and writes the bundle to `<dir>/pagefind/`.
 *
 * Which pages and words count is decided by the markup (`data-pagefind-body`, `-filter`, `-meta`,
 * `-sort`, `-weight` on the paper layout), so this needs no options of its own.
 *
 * @param dir
 *   The built site (Astro's `outDir`).
 * @returns
 *   How many pages were indexed and where the bundle went.
 * @throws
 *   When Pagefind reports an error, with Pagefind's messages and the failing step; the Pagefind
 *   service is closed either way.
 */
export async function indexSite(dir: string, cacheDir?: string): Promise<SearchIndexSummary> {
  // Never write through an old bundle: its files may be hard links into the cache.
  await rm(join(dir, 'pagefind'), { recursive: true, force: true });
  const digest = cacheDir ? await digestIndexedPages(dir) : undefined;
  const cached = cacheDir && digest ? join(cacheDir, 'pagefind', digest) : undefined;
  if (cached && (await restoreBundle(cached, join(dir, 'pagefind')))) {
    return { pages: await countIndexedPages(join(dir, 'pagefind')), files: 0, outputPath: join(dir, 'pagefind'), reused: true };
  }
  const summary = await runPagefind(dir);
  if (cached) await saveBundle(summary.outputPath, cached);
  return summary;
}

async function runPagefind(dir: string): Promise<SearchIndexSummary> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    assertPagefindResponse('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');

    const added = await index.addDirectory({ path: dir, glob: indexedPages });
    assertPagefindResponse('addDirectory', added.errors);

    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    assertPagefindResponse('writeFiles', written.errors);

    await Promise.all(unusedBundleFiles.map((file) => rm(join(written.outputPath, file), { force: true })));
    const pages = await countIndexedPages(written.outputPath);
    if (pages === 0) throw new Error(`no page in ${dir} has data-pagefind-body`);
    return { pages, files: added.page_count, outputPath: written.outputPath, reused: false };
  } catch (error) {
    throw new Error(`search index: Pagefind failed on ${dir}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}

/** `addDirectory` counts every HTML file; the entry file counts the pages that made the index. */
async function countIndexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

function assertPagefindResponse(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step}: ${errors.join('; ')}`);
}
