/**
 * `npm run content`: turns the listing into one MDX page per paper.
 *
 *   read listings -> parse -> enrich -> emit MDX -> write atomically
 *
 * Environment: `PAPERS_SOURCE` (listing file or folder, default `content/source/`),
 * `PAPERSHELF_PAPERS_DIR` (output folder, default `content/papers/`), `PAPERS_BOILERPLATE` (file of
 * page-chrome lines to skip, one per line), `PAPERS_YEAR` (year of days that give none),
 * `PAPERSHELF_SLUGS` (the slug registry, default `content/slugs.yaml`). `--check` writes nothing
 * and exits 1 if pages or the registry would change. `--search` (given by `npm run build`) also
 * indexes the papers for search into the cache folder while the pages are written; the site step
 * then finds the index built (`indexSearchOnThread`).
 *
 * The run holds the build lock of `PAPERSHELF_CACHE_DIR` (joining it when `scripts/build.ts` runs
 * this step), so two runs never write the pages at once, and starts by removing the temporary
 * files of killed runs. An I/O failure is one line, `content: <step> failed: <reason>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultTaxonomyPath, loadTaxonomy } from '../src/schema/taxonomy.ts';
import { completeListings, tagListings } from '../src/pipeline/generate-pages.ts';
import { paperKey } from '../src/pipeline/merge-listings.ts';
import { defaultSlugRegistryPath, parseSlugRegistry, serializeSlugRegistry } from '../src/schema/slug-registry.ts';
import { defaultBoilerplate, ListingError } from '../src/pipeline/parse.ts';
import { describePage, digestCode, digestInputs, digestPaper, heldPages, readContentStamp, readFreshContentStamp, writeContentStamp } from './lib/content-stamp.ts';
import { emitPages } from './lib/emit-pages.ts';
import { writeTextFile } from './lib/json-file.ts';
import { readListings, type ListingOnDisk } from './lib/read-listings.ts';
import { planPages, removeRunLeftovers, writePages } from './lib/write-pages.ts';
import { createProgress } from './lib/progress.ts';
import { acquireBuildLock } from './lib/build-lock.ts';
import { indexSearchOnThread } from './lib/index-search-thread.ts';
import { reportFailure, step } from './lib/step-failure.ts';

const { values: flags } = parseArgs({ options: { check: { type: 'boolean', default: false }, search: { type: 'boolean', default: false } } });
const source = process.env.PAPERS_SOURCE ?? 'content/source';
const outDir = process.env.PAPERSHELF_PAPERS_DIR ?? 'content/papers';
const progress = createProgress('content');
const cacheDir = resolve(process.env.PAPERSHELF_CACHE_DIR || 'node_modules/.astro');
const registryPath = process.env.PAPERSHELF_SLUGS || defaultSlugRegistryPath;

try {
  // 0. One build at a time; then clear what killed runs left (the lock is freed on exit).
  await step('taking the build lock', () => acquireBuildLock(cacheDir, { phase: 'content' }));
  if (!flags.check) await step('removing what earlier runs left', () => removeRunLeftovers(outDir, registryPath));

  // 1. Read every listing file (I/O stays here, at the edge).
  const listings = await readListings(source);
  const boilerplate = process.env.PAPERS_BOILERPLATE
    ? readFileSync(process.env.PAPERS_BOILERPLATE, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
    : defaultBoilerplate;
  const year = readYear(process.env.PAPERS_YEAR);
  const registryText = existsSync(registryPath) ? readFileSync(registryPath, 'utf8') : '';
  const registry = parseSlugRegistry(registryText, registryPath);
  // The registry is an input, as this run will leave it: a run that only added new papers to it
  // must find itself up to date next time.
  const code = await digestCode(fileURLToPath(new URL('..', import.meta.url)));
  const digestWith = (registryState: string) =>
    digestInputs(
      [...listings.flatMap((listing) => [listing.file, listing.text]), boilerplate.join('\n'), readFileSync(defaultTaxonomyPath, 'utf8'), registryState, String(year)],
      code,
    );
  const inputs = digestWith(registryText);

  // Nothing the pages depend on has changed since the last run: nothing to do.
  const stamp = flags.check ? undefined : await readFreshContentStamp(outDir, inputs);
  if (stamp) {
    for (const warning of stamp.warnings) console.warn(`warning: ${warning}`);
    const count = Object.keys(stamp.pages).length;
    progress.done(`${stamp.summary}; 0 written, ${count} unchanged, 0 removed in ${outDir} (inputs unchanged)`);
    process.exit(0);
  }

  // 2. Parse, enrich and emit, all in memory before anything is written. Slugs come from the
  // registry; what the last run published tells a slug the site owner renamed (a redirect).
  // Pages the last run emitted from the same data, and nobody touched since, are not emitted again.
  const previous = await readContentStamp(outDir);
  const published = new Map(Object.entries(previous?.published ?? {}).map(([slug, title]) => [paperKey(title), slug]));
  const held = await heldPages(outDir, previous, code);
  const options = { taxonomy: loadTaxonomy(), boilerplate, registry, published, ...(year === undefined ? {} : { year }) };
  // Tagging gives all the search index needs: Pagefind starts on the records then, on a thread
  // of its own, while this one completes the papers and emits the pages, on one core fewer, so
  // indexing (the longest of it) keeps a core to itself.
  const tagged = rethrowWithPath(listings, () => tagListings(listings, options));
  const indexStarted = performance.now();
  const indexing = flags.search && !flags.check ? indexSearchOnThread(tagged.papers.fields, cacheDir) : undefined;
  indexing?.catch(() => undefined);
  const { papers, registry: updated, warnings } = rethrowWithPath(listings, () => completeListings(tagged));
  const generated = await emitPages(papers, held, indexing ? { size: Math.max(1, availableParallelism() - 1) } : {});
  const { pages } = generated;
  const updatedText = serializeSlugRegistry(updated);
  progress.step(`generated ${papers.length} pages (${generated.held.length} of them as last time) from ${listings.length} file(s)`);

  // 3. Write: only changed pages, atomically; or, with --check, only compare.
  if (flags.check) {
    const plan = await planPages(outDir, pages, '.mdx', generated.held);
    const stale = [...plan.written, ...plan.removed];
    if (stale.length > 0) {
      console.error(`content: ${stale.length} page(s) out of date in ${outDir} (run npm run content): ${stale.slice(0, 5).join(', ')}`);
      process.exit(1);
    }
    if (updatedText !== registryText) {
      console.error(`content: ${registryPath} is out of date: ${Object.keys(updated.papers).length - Object.keys(registry.papers).length} new paper(s) (run npm run content, then commit it)`);
      process.exit(1);
    }
    progress.done(`content: ${papers.length} pages up to date in ${outDir}`);
  } else {
    // The registry first: a published page always has its slug on record.
    if (updatedText !== registryText) await step('writing the slug registry', () => writeTextFile(registryPath, updatedText));
    const report = await step('writing pages', () => writePages(outDir, pages, '.mdx', generated.held));
    const days = new Set(papers.flatMap((paper) => paper.listings.map((listing) => listing.day))).size;
    const topics = new Set(papers.flatMap((paper) => paper.topics)).size;
    const tags = new Set(papers.flatMap((paper) => paper.tags)).size;
    for (const warning of warnings) console.warn(`warning: ${warning}`);
    const summary = `content: ${papers.length} papers on ${days} day(s), ${topics} topics, ${tags} tags, ${warnings.length} warning(s)`;
    const written = Object.fromEntries(await Promise.all(papers.map(async ({ slug }) => [`${slug}.mdx`, await describePage(outDir, `${slug}.mdx`)])));
    const settled = digestWith(updatedText);
    const emitted = Object.fromEntries(papers.map((paper) => [`${paper.slug}.mdx`, digestPaper(paper)]));
    const published = Object.fromEntries(papers.map((paper) => [paper.slug, paper.title]));
    if (indexing) console.log(describeIndexing(await step('indexing the papers for search', () => indexing), (performance.now() - indexStarted) / 1000));
    await step('recording the run', () => writeContentStamp(outDir, { inputs: settled, pages: written, summary, warnings, published, code, emitted }));
    progress.done(`${summary}; ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed in ${outDir}`);
  }
} catch (error) {
  reportFailure('content', error);
  process.exit(1);
}

function describeIndexing({ records, reused }: { records: number; reused: boolean }, seconds: number): string {
  return reused ? 'search: the index of these papers is in the cache already' : `search: indexed ${records} papers in ${seconds.toFixed(2)}s (for the site step)`;
}

/** `PAPERS_YEAR`: the year of days whose date line and file name give none. */
function readYear(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (!/^\d{4}$/.test(value)) throw new Error(`PAPERS_YEAR must be a four-digit year, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** Runs a pure step and rewrites its `file:line` errors to show the path the user gave. */
function rethrowWithPath<T>(listings: readonly ListingOnDisk[], step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof ListingError)) throw error;
    const listing = listings.find((candidate) => candidate.file === error.location.file);
    // The path as the user gave it (PAPERS_SOURCE plus the file name), so it can be pasted back.
    const path = listing ? listing.path : error.location.file;
    throw new Error(`${path}${error.message.slice(error.location.file.length)}`, { cause: error });
  }
}
