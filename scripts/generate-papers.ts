/**
 * `npm run content`: turns the listing into one MDX page per paper.
 *
 *   read listings -> parse -> enrich -> emit MDX -> write atomically
 *
 * Environment: `PAPERS_SOURCE` (listing file or folder, default `content/source/`),
 * `PAPERSHELF_PAPERS_DIR` (output folder, default `content/papers/`), `PAPERS_BOILERPLATE` (file of
 * page-chrome lines to skip, one per line). `--check` writes nothing and exits 1 if pages would change.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultTaxonomyPath, loadTaxonomy } from '../src/schema/taxonomy.ts';
import { generatePages } from '../src/pipeline/generate-pages.ts';
import { defaultBoilerplate, ListingError } from '../src/pipeline/parse.ts';
import { describePage, digestInputs, readFreshContentStamp, writeContentStamp } from './lib/content-stamp.ts';
import { readListings, type ListingOnDisk } from './lib/read-listings.ts';
import { planPages, writePages } from './lib/write-pages.ts';
import { createProgress } from './lib/progress.ts';

const { values: flags } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const source = process.env.PAPERS_SOURCE ?? 'content/source';
const outDir = process.env.PAPERSHELF_PAPERS_DIR ?? 'content/papers';
const progress = createProgress('content');

try {
  // 1. Read every listing file (I/O stays here, at the edge).
  const listings = await readListings(source);
  const boilerplate = process.env.PAPERS_BOILERPLATE
    ? readFileSync(process.env.PAPERS_BOILERPLATE, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
    : defaultBoilerplate;
  const inputs = await digestInputs(
    [...listings.flatMap((listing) => [listing.file, listing.text]), boilerplate.join('\n'), readFileSync(defaultTaxonomyPath, 'utf8')],
    fileURLToPath(new URL('..', import.meta.url)),
  );

  // Nothing the pages depend on has changed since the last run: nothing to do.
  const stamp = flags.check ? undefined : await readFreshContentStamp(outDir, inputs);
  if (stamp) {
    for (const warning of stamp.warnings) console.warn(`warning: ${warning}`);
    const count = Object.keys(stamp.pages).length;
    progress.done(`${stamp.summary}; 0 written, ${count} unchanged, 0 removed in ${outDir} (inputs unchanged)`);
    process.exit(0);
  }

  // 2. Parse, enrich and emit, all in memory before anything is written.
  const { papers, pages, warnings } = rethrowWithPath(listings, () => generatePages(listings, { taxonomy: loadTaxonomy(), boilerplate }));
  progress.step(`generated ${pages.size} pages from ${listings.length} file(s)`);

  // 3. Write: only changed pages, atomically; or, with --check, only compare.
  if (flags.check) {
    const plan = await planPages(outDir, pages, '.mdx');
    const stale = [...plan.written, ...plan.removed];
    if (stale.length > 0) {
      console.error(`content: ${stale.length} page(s) out of date in ${outDir} (run npm run content): ${stale.slice(0, 5).join(', ')}`);
      process.exit(1);
    }
    progress.done(`content: ${pages.size} pages up to date in ${outDir}`);
  } else {
    const report = await writePages(outDir, pages, '.mdx');
    const sections = new Set(papers.map((paper) => `${paper.source.file}\0${paper.listed}`)).size;
    const topics = new Set(papers.flatMap((paper) => paper.topics)).size;
    const tags = new Set(papers.flatMap((paper) => paper.tags)).size;
    for (const warning of warnings) console.warn(`warning: ${warning}`);
    const summary = `content: ${papers.length} papers in ${sections} section(s), ${topics} topics, ${tags} tags, ${warnings.length} warning(s)`;
    const written = Object.fromEntries(await Promise.all([...pages.keys()].map(async (name) => [name, await describePage(outDir, name)])));
    await writeContentStamp(outDir, { inputs, pages: written, summary, warnings });
    progress.done(`${summary}; ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed in ${outDir}`);
  }
} catch (error) {
  console.error(error instanceof Error ? `content: ${error.message}` : error);
  process.exit(1);
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
