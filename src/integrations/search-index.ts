import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { loadTaxonomy } from '../schema/taxonomy.ts';
import { collectSearchWords, formatSearchWords, searchWordsDir } from '../shared/search-words.ts';
import type { SearchFields } from '../pipeline/enrich/enrich.ts';
import { paperToSearchRecord, searchRecordTexts, type SearchRecord } from './search-record.ts';

/** What one indexing run produced. */
export interface SearchIndexSummary {
  /** Pages in the index: one per paper. */
  pages: number;
  /** Records handed to Pagefind (0 when the last bundle was reused). */
  records: number;
  /** Folder the bundle was written to (`<dist>/pagefind`). */
  outputPath: string;
  /** True when no record changed since the last build, so the previous bundle was reused. */
  reused: boolean;
  /** Words in the word list written into the bundle for typo correction (`searchWordsDir`). */
  words: number;
}

export interface IndexSiteOptions {
  /** Where to keep the last bundle for reuse when no record changed (optional). */
  cacheDir?: string | undefined;
  /** Taxonomy that names the topics (default: `content/taxonomy.yaml`). */
  taxonomyPath?: string | undefined;
}

/** Options of the index: part of the cache digest, since they shape the bundle as much as the records do. */
const indexConfig = { forceLanguage: 'en' } as const;

/** The file of the built site that lists every paper's frontmatter (`src/pages/papers.json.ts`). */
const papersFile = 'papers.json';

/**
 * Every paper's search record, from `<dir>/papers.json` and the taxonomy's topic names, in
 * listing order.
 */
async function readSearchRecords(dir: string, taxonomyPath?: string): Promise<SearchRecord[]> {
  const text = await readFile(join(dir, papersFile), 'utf8').catch((error: unknown) => {
    throw new Error(`search index: cannot read ${join(dir, papersFile)}, which the site build writes`, { cause: error });
  });
  return searchRecords((JSON.parse(text) as { papers: SearchFields[] }).papers, taxonomyPath);
}

/** The papers' search records in listing order (the order `papers.json` has). */
function searchRecords(papers: readonly SearchFields[], taxonomyPath?: string): SearchRecord[] {
  const topicNames = new Map(loadTaxonomy(taxonomyPath).topics.map((topic) => [topic.id, topic.name]));
  return [...papers].sort((a, b) => a.position - b.position).map((paper) => paperToSearchRecord(paper, topicNames));
}

/** Where the cache keeps the bundle of these records (one bundle per cache folder: the latest). */
function cachedBundlePath(cacheDir: string, records: SearchRecord[]): string {
  return join(cacheDir, 'pagefind', digestRecords(records));
}

/** Digest of the records and options: equal digests give equal indexes. */
function digestRecords(records: SearchRecord[]): string {
  const hash = createHash('sha256').update(JSON.stringify(indexConfig));
  for (const record of records) hash.update(JSON.stringify(record)).update('\0');
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
  // All at once: the calls queue in Node's I/O threads instead of waiting for each other.
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries.map((entry) => {
      const [source, target] = [join(from, entry.name), join(to, entry.name)];
      return entry.isDirectory() ? linkTree(source, target) : link(source, target).catch(() => copyFile(source, target));
    }),
  );
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

/**
 * Records sent to Pagefind before waiting for its answers. The service handles messages one at a
 * time in the order they arrive, so the index is the same whatever this is; sending ahead only
 * saves a round trip per record.
 */
const recordsInFlight = 1024;

/**
 * Indexes a built site with Pagefind's Node API and writes the bundle to `<dir>/pagefind/`.
 *
 * Pagefind reads no HTML: each paper becomes a custom record made from its frontmatter in
 * `<dir>/papers.json` (`paperToSearchRecord`: the abstract as content; title, method, tags and
 * topics as meta fields that the browser weights; topic and tag filters; the listing position as
 * sort key).
 *
 * @param dir
 *   The built site (Astro's `outDir`).
 * @param options
 *   Cache folder and taxonomy.
 * @returns
 *   How many pages were indexed and where the bundle went.
 * @throws
 *   When `papers.json` cannot be read, when Pagefind reports an error (with Pagefind's messages and
 *   the failing step; the Pagefind service is closed either way), or when no paper was indexed.
 */
export async function indexSite(dir: string, { cacheDir, taxonomyPath }: IndexSiteOptions = {}): Promise<SearchIndexSummary> {
  // Never write through an old bundle: its files may be hard links into the cache.
  await rm(join(dir, 'pagefind'), { recursive: true, force: true });
  const records = await readSearchRecords(dir, taxonomyPath);
  const outputPath = join(dir, 'pagefind');
  const cached = cacheDir ? cachedBundlePath(cacheDir, records) : undefined;
  if (cached && (await restoreBundle(cached, outputPath))) {
    const words = await writeSearchWords(outputPath, records);
    return { pages: await countIndexedPages(outputPath), records: 0, outputPath, reused: true, words };
  }
  const summary = await runPagefind(outputPath, records, join(dir, papersFile));
  const words = await writeSearchWords(outputPath, records);
  if (cached) await saveBundle(outputPath, cached);
  return { ...summary, words };
}

/**
 * Indexes papers straight from their data into the cache folder, where `indexSite` finds the
 * bundle when the site built from the same papers asks for it (equal records, equal digest).
 * `npm run build` calls it from the content step, on a thread of its own
 * (`scripts/lib/index-search-thread.ts`), so Pagefind indexes while the pages are made, instead of
 * after Astro, which needs the memory then. A bundle already in the cache is kept.
 *
 * @param papers
 *   The papers' search fields, as the content step has them before it emits the pages.
 * @returns
 *   How many records Pagefind indexed (0 when the cache had the bundle).
 */
export async function prepareSearchIndex(
  papers: readonly SearchFields[],
  { cacheDir, taxonomyPath }: IndexSiteOptions & { cacheDir: string },
): Promise<{ records: number; reused: boolean }> {
  const records = searchRecords(papers, taxonomyPath);
  const cached = cachedBundlePath(cacheDir, records);
  if (existsSync(cached)) return { records: 0, reused: true };
  // Only the latest bundle is kept; a bundle appears whole (renamed when written) or not at all.
  await rm(join(cached, '..'), { recursive: true, force: true });
  const partial = `${cached}.partial`;
  await runPagefind(partial, records, 'the papers');
  await rename(partial, cached);
  return { records: records.length, reused: false };
}

/**
 * Writes the word list the browser checks and corrects query words with
 * (`src/shared/search-words.ts`) into the bundle, afresh on every build, also when the bundle is
 * reused: cheap (0.6 s at 10,000 papers), and always in step with the code that makes it. The old
 * files are removed first, since they may be hard links into the cache. Returns the number of words.
 */
async function writeSearchWords(outputPath: string, records: readonly SearchRecord[]): Promise<number> {
  const words = collectSearchWords(records.map(searchRecordTexts));
  const folder = join(outputPath, searchWordsDir);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await Promise.all([...formatSearchWords(words)].map(([name, text]) => writeFile(join(folder, name), text)));
  return words.length;
}

/** Indexes the records with Pagefind into `outputPath`; `source` names them in errors. */
async function runPagefind(outputPath: string, records: SearchRecord[], source: string): Promise<Omit<SearchIndexSummary, 'words'>> {
  try {
    const { index, errors } = await pagefind.createIndex(indexConfig);
    assertPagefindResponse('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');

    for (let start = 0; start < records.length; start += recordsInFlight) {
      const added = await Promise.all(records.slice(start, start + recordsInFlight).map((record) => index.addCustomRecord(record)));
      assertPagefindResponse('addCustomRecord', added.flatMap((response) => response.errors));
    }

    const written = await index.writeFiles({ outputPath });
    assertPagefindResponse('writeFiles', written.errors);

    await Promise.all(unusedBundleFiles.map((file) => rm(join(written.outputPath, file), { force: true })));
    const pages = await countIndexedPages(written.outputPath);
    if (pages === 0) throw new Error(`no paper to index in ${source}`);
    return { pages, records: records.length, outputPath: written.outputPath, reused: false };
  } catch (error) {
    throw new Error(`search index: Pagefind failed on ${source}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}

/** Pages in a written bundle, from its entry file (a record without words makes no page). */
async function countIndexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

function assertPagefindResponse(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step}: ${errors.join('; ')}`);
}
