import { readFile, rm } from 'node:fs/promises';
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
];

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
export async function indexSite(dir: string): Promise<SearchIndexSummary> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    assertPagefindResponse('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');

    const added = await index.addDirectory({ path: dir });
    assertPagefindResponse('addDirectory', added.errors);

    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    assertPagefindResponse('writeFiles', written.errors);

    await Promise.all(unusedBundleFiles.map((file) => rm(join(written.outputPath, file), { force: true })));
    const pages = await countIndexedPages(written.outputPath);
    if (pages === 0) throw new Error(`no page in ${dir} has data-pagefind-body`);
    return { pages, files: added.page_count, outputPath: written.outputPath };
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
