import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseListings } from '../../src/pipeline/parse.ts';
import { measureDist, type DistStats } from './dist-stats.ts';
import { changeOneAbstract } from './listing-edits.ts';
import { baselinePhases, papershelfPhases, type Tools } from './phases.ts';
import { runBuild, type BuildResult } from './run-build.ts';
import { copyBaselineSite, copyProject } from './site-copy.ts';
import { createSyntheticListing } from './synthetic-listing.ts';

export interface BenchSizeOptions {
  papers: number;
  seed: number;
  /** Papers per date section, and the size of the "one more day" append. */
  sectionSize: number;
  baseline: boolean;
  incremental: boolean;
  /** Keep the built sites instead of deleting them once measured. */
  keep: boolean;
  /** Folder for this size's listing, builds and logs. */
  workDir: string;
  tools: Tools;
}

/** A built site and what it holds. */
export interface SiteResult {
  build: BuildResult;
  dist?: DistStats;
}

/** A rebuild after an edit to the listing, on top of the previous build's output and caches. */
export interface RebuildResult {
  change: string;
  build: BuildResult;
  /** The content phase's own account of the `.mdx` files it touched. */
  pages?: { written: number; unchanged: number; removed: number };
}

export interface SizeResult {
  papers: number;
  listingBytes: number;
  papershelf: SiteResult;
  baseline?: SiteResult;
  rebuilds: RebuildResult[];
}

/**
 * Benchmarks one listing size: generates the listing, builds papershelf, builds the bare baseline
 * from the same `.mdx` pages, then (optionally) rebuilds papershelf after typical edits.
 *
 * @param options
 *   Size, seed and what to run.
 * @returns
 *   Every build's figures; failed phases are recorded, not thrown.
 */
export async function benchSize(options: BenchSizeOptions): Promise<SizeResult> {
  const { papers, seed, sectionSize, tools, workDir } = options;
  const logDir = join(workDir, 'logs');
  await mkdir(logDir, { recursive: true });

  // 1. The listing, as one file (PAPERS_SOURCE accepts a file).
  const listingFile = join(workDir, 'listing', 'papers.txt');
  const listing = createSyntheticListing({ papers, seed, sectionSize });
  await mkdir(join(workDir, 'listing'));
  await writeFile(listingFile, listing);

  // 2. papershelf, from scratch, in a snapshot of the project.
  const projectDir = join(workDir, 'papershelf');
  await copyProject(projectDir, tools.projectRoot);
  // The cache (and with it the build's staging folder) inside the copy: Astro's prerender step
  // resolves packages from there.
  const dirs = { project: projectDir, listing: listingFile, papers: join(workDir, 'papers'), dist: join(workDir, 'dist'), cache: join(projectDir, '.cache', 'astro') };
  const phases = papershelfPhases(tools, dirs);
  const papershelf = await measureSite(await runBuild(`${papers}-papershelf`, phases, logDir), dirs.dist);

  // 3. The baseline on the very pages papershelf generated; before the rebuilds change them.
  let baseline: SiteResult | undefined;
  const contentBuilt = papershelf.build.phases.some((phase) => phase.phase === 'content');
  if (options.baseline && contentBuilt) {
    const siteDir = join(workDir, 'baseline');
    await copyBaselineSite(siteDir, tools.projectRoot);
    baseline = await measureSite(await runBuild(`${papers}-baseline`, baselinePhases(tools, siteDir, dirs.papers), logDir), join(siteDir, 'dist'));
  }

  // 4. Rebuilds on top of the full build: nothing changed, one abstract fixed, one more day appended.
  const rebuilds: RebuildResult[] = [];
  if (options.incremental && contentBuilt) {
    const middle = parseListings([{ file: 'papers.txt', text: listing }])[Math.floor(papers / 2)];
    const titleLine = middle?.source.line ?? 1;
    const edits = [
      { change: 'no change', text: listing },
      { change: 'one abstract changed', text: changeOneAbstract(listing, titleLine) },
      // The longer listing starts with the shorter one, so this is the previous edit plus new papers.
      { change: `${sectionSize} papers appended`, text: changeOneAbstract(createSyntheticListing({ papers: papers + sectionSize, seed, sectionSize }), titleLine) },
    ];
    for (const edit of edits) {
      await writeFile(listingFile, edit.text);
      const build = await runBuild(`${papers}-papershelf-${edit.change.replaceAll(' ', '-')}`, phases, logDir);
      const pages = readPageCounts(build);
      rebuilds.push({ change: edit.change, build, ...(pages ? { pages } : {}) });
    }
  }

  if (!options.keep) {
    for (const dir of [projectDir, dirs.papers, dirs.dist, dirs.cache, join(workDir, 'baseline')]) await rm(dir, { recursive: true, force: true });
  }
  return { papers, listingBytes: Buffer.byteLength(listing), papershelf, ...(baseline ? { baseline } : {}), rebuilds };
}

async function measureSite(build: BuildResult, distDir: string): Promise<SiteResult> {
  return existsSync(distDir) ? { build, dist: await measureDist(distDir) } : { build };
}

/** Reads `N written, M unchanged, K removed` from the content phase's summary line. */
function readPageCounts(build: BuildResult): RebuildResult['pages'] {
  const content = build.phases.find((phase) => phase.phase === 'content');
  for (const line of content?.tail ?? []) {
    const match = /(\d+) written, (\d+) unchanged, (\d+) removed/.exec(line);
    if (match) return { written: Number(match[1]), unchanged: Number(match[2]), removed: Number(match[3]) };
  }
  return undefined;
}
