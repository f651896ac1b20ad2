import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readPapers } from '../../src/pipeline/generate-pages.ts';
import { countChangedFiles, fingerprintFiles, measureDist, type DistStats } from './dist-stats.ts';
import { changeOneAbstract } from './listing-edits.ts';
import { baselinePhases, papershelfPhases, type Tools } from './phases.ts';
import { runBuild, type BuildResult } from './run-build.ts';
import { copyBaselineSite, copyProject } from './site-copy.ts';
import { createSyntheticArchive, createSyntheticListing, type SyntheticDay } from './synthetic-listing.ts';

export interface BenchSizeOptions {
  /** Papers of a single listing; or, with `days`, papers new each day times days. */
  papers: number;
  /** An archive of this many daily files (35 new and 15 returning papers a day) instead of one listing. */
  days?: number;
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
  /** What else was redone: pages Astro rendered, records indexed, files of `dist/` that changed. */
  redone?: { rendered?: number; indexed?: number; searchSeconds?: number; distChanged: number };
}

export interface SizeResult {
  papers: number;
  /** Daily files, for an archive. */
  days?: number;
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

  // 1. The listing: one file (PAPERS_SOURCE accepts a file), or a folder of daily files.
  const archive = options.days ? createSyntheticArchive({ days: options.days, seed }) : undefined;
  const listingDir = join(workDir, 'listing');
  const listingFile = join(listingDir, 'papers.txt');
  const listing = archive ? '' : createSyntheticListing({ papers, seed, sectionSize });
  await mkdir(listingDir);
  if (archive) await writeDays(listingDir, archive);
  else await writeFile(listingFile, listing);

  // 2. papershelf, from scratch, in a snapshot of the project.
  const projectDir = join(workDir, 'papershelf');
  await copyProject(projectDir, tools.projectRoot);
  // The cache (and with it the build's staging folder) inside the copy: Astro's prerender step
  // resolves packages from there.
  const dirs = { project: projectDir, listing: archive ? listingDir : listingFile, papers: join(workDir, 'papers'), dist: join(workDir, 'dist'), cache: join(projectDir, '.cache', 'astro') };
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

  // 4. Rebuilds on top of the full build: nothing changed, one abstract corrected, one more day.
  const rebuilds: RebuildResult[] = [];
  if (options.incremental && contentBuilt) {
    const edits = archive ? archiveEdits(archive, seed) : listingEdits(listing, papers, seed, sectionSize);
    for (const edit of edits) {
      await edit.apply(archive ? listingDir : listingFile);
      const before = await fingerprintFiles(dirs.dist);
      const build = await runBuild(`${papers}-papershelf-${edit.change.replaceAll(' ', '-')}`, phases, logDir);
      const pages = readPageCounts(build);
      const redone = { ...(await readRedone(build)), distChanged: countChangedFiles(before, await fingerprintFiles(dirs.dist)) };
      rebuilds.push({ change: edit.change, build, ...(pages ? { pages } : {}), redone });
    }
  }

  if (!options.keep) {
    for (const dir of [projectDir, dirs.papers, dirs.dist, dirs.cache, join(workDir, 'baseline')]) await rm(dir, { recursive: true, force: true });
  }
  const listingBytes = archive ? archive.reduce((total, day) => total + Buffer.byteLength(day.text), 0) : Buffer.byteLength(listing);
  return { papers, ...(options.days ? { days: options.days } : {}), listingBytes, papershelf, ...(baseline ? { baseline } : {}), rebuilds };
}

interface Edit {
  change: string;
  /** Writes the edited listing into the file or folder the build reads. */
  apply(target: string): Promise<void>;
}

async function writeDays(dir: string, days: readonly SyntheticDay[]): Promise<void> {
  for (const day of days) await writeFile(join(dir, day.file), day.text);
}

/** Rebuilds of a single listing: no change, one abstract changed, a day's section appended. */
function listingEdits(listing: string, papers: number, seed: number, sectionSize: number): Edit[] {
  const middle = readPapers([{ file: 'papers.txt', text: listing }]).papers[Math.floor(papers / 2)];
  const titleLine = middle?.source.line ?? 1;
  return [
    { change: 'no change', apply: (file) => writeFile(file, listing) },
    { change: 'one abstract changed', apply: (file) => writeFile(file, changeOneAbstract(listing, titleLine)) },
    // The longer listing starts with the shorter one, so this is the previous edit plus new papers.
    { change: `${sectionSize} papers appended`, apply: (file) => writeFile(file, changeOneAbstract(createSyntheticListing({ papers: papers + sectionSize, seed, sectionSize }), titleLine)) },
  ];
}

/** Rebuilds of an archive: no change, one abstract corrected in the latest day, the next day's file added. */
function archiveEdits(archive: readonly SyntheticDay[], seed: number): Edit[] {
  const latest = archive.at(-1)!;
  const { papers } = readPapers([{ file: latest.file, text: latest.text }]);
  const corrected = { ...latest, text: changeOneAbstract(latest.text, papers[Math.floor(papers.length / 2)]?.source.line ?? 1) };
  const next = createSyntheticArchive({ days: archive.length + 1, seed }).at(-1)!;
  return [
    { change: 'no change', apply: async () => undefined },
    { change: 'one abstract corrected', apply: (dir) => writeDays(dir, [corrected]) },
    { change: 'one more day', apply: (dir) => writeDays(dir, [next]) },
  ];
}

/**
 * Pages Astro rendered (its log lists each with its time) and records Pagefind indexed (in the
 * content step, or in the site step when it found no index built), and how long indexing took in
 * the content step.
 */
async function readRedone(build: BuildResult): Promise<{ rendered?: number; indexed?: number; searchSeconds?: number }> {
  const log = async (name: string) => {
    const phase = build.phases.find((candidate) => candidate.phase === name);
    return phase ? readFile(phase.logFile, 'utf8').catch(() => '') : '';
  };
  const astro = await log('site');
  const search = `${await log('content')}\n${astro}`;
  const indexed = /indexed (\d+)/.exec(search)?.[1] ?? (/reused the index|in the cache already|is up to date/.test(search) ? '0' : undefined);
  const seconds = /search: indexed \d+ papers in ([\d.]+)s/.exec(search)?.[1];
  return {
    ...(seconds === undefined ? {} : { searchSeconds: Number(seconds) }),
    ...(astro ? { rendered: (astro.match(/\(\+\d+ms\)/g) ?? []).length } : {}),
    ...(indexed === undefined ? {} : { indexed: Number(indexed) }),
  };
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
