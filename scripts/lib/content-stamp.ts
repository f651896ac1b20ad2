import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file.ts';

/** What the last successful run of `npm run content` read and wrote, kept beside its pages. */
export interface ContentStamp {
  /** Digest of every input: listings, boilerplate, taxonomy and the generator's own code. */
  inputs: string;
  /** Size and modification time of each page, to notice a page edited or removed by hand. */
  pages: Record<string, string>;
  /** The run's summary line, minus the write counts, and its warnings. */
  summary: string;
  warnings: string[];
  /** Slug -> title of every page the run published, to notice a slug renamed in the registry. */
  published: Record<string, string>;
  /** Digest of the generator's code (`digestCode`): pages emitted by other code are emitted again. */
  code: string;
  /** Digest of the data each page was emitted from (`digestPaper`), by file name. */
  emitted: Record<string, string>;
}

const stampName = '.papershelf-content.json';
// The generator's behaviour lives in these folders; a change to any file in them invalidates.
const codeDirs = ['src/pipeline', 'src/schema', 'scripts/lib'];

/**
 * Digests everything the generated pages depend on, so an unchanged rebuild can skip parsing,
 * enrichment and emission altogether (seconds at 10,000 papers).
 *
 * @param parts
 *   Input texts (listing files with their names, boilerplate, taxonomy).
 * @param code
 *   `digestCode` of this run.
 */
export function digestInputs(parts: readonly string[], code: string): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}\0${part}`);
  return hash.update(code).digest('hex');
}

/**
 * Digests the generator's own code and the locked versions of its libraries: what turns the same
 * inputs into the same pages.
 */
export async function digestCode(projectRoot: string): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of codeDirs) {
    const names = (await readdir(join(projectRoot, dir), { recursive: true })).filter((name) => name.endsWith('.ts')).sort();
    for (const name of names) hash.update(`${dir}/${name}\0`).update(await readFile(join(projectRoot, dir, name)));
  }
  hash.update(await readFile(join(projectRoot, 'package-lock.json')).catch(() => 'no lockfile'));
  return hash.update(await readFile(join(projectRoot, 'scripts/generate-papers.ts'))).digest('hex');
}

/** Digests the data a page is emitted from: equal digests and equal code give equal pages. */
export function digestPaper(paper: unknown): string {
  return createHash('sha256').update(JSON.stringify(paper)).digest('base64url').slice(0, 22);
}

/**
 * The pages of the last run that need not be emitted again: their file is as that run left it,
 * and the code is the same, so each is what emitting the same data would give. Returns the test
 * `emitPages` takes as `held`.
 *
 * @param outDir
 *   The pages folder.
 * @param stamp
 *   The last run's stamp (`readContentStamp`).
 * @param code
 *   `digestCode` of this run.
 */
export async function heldPages(outDir: string, stamp: ContentStamp | undefined, code: string): Promise<(paper: { slug: string }) => boolean> {
  if (!stamp?.emitted || stamp.code !== code) return () => false;
  const emitted = stamp.emitted;
  const untouched = new Set<string>();
  await Promise.all(
    Object.entries(stamp.pages).map(async ([name, description]) => {
      if (emitted[name] && (await describePage(outDir, name)) === description) untouched.add(name);
    }),
  );
  return (paper) => {
    const name = `${paper.slug}.mdx`;
    return untouched.has(name) && emitted[name] === digestPaper(paper);
  };
}

/** The stamp of the last run, fresh or not (`undefined` when there is none). */
export function readContentStamp(outDir: string): Promise<ContentStamp | undefined> {
  return readJsonFile<ContentStamp>(join(outDir, stampName));
}

/**
 * The stamp of the last run, if its inputs equal `inputs` and every page it wrote is still there
 * as it left it; otherwise `undefined`, and the caller regenerates.
 */
export async function readFreshContentStamp(outDir: string, inputs: string): Promise<ContentStamp | undefined> {
  const stamp = await readContentStamp(outDir);
  if (!stamp || stamp.inputs !== inputs) return undefined;
  const present = (await readdir(outDir)).filter((name) => name.endsWith('.mdx'));
  if (present.length !== Object.keys(stamp.pages).length) return undefined;
  for (const name of present) {
    if ((await describePage(outDir, name)) !== stamp.pages[name]) return undefined;
  }
  return stamp;
}

/** A page's size and modification time, as the stamp records them. */
export async function describePage(outDir: string, name: string): Promise<string> {
  const info = await stat(join(outDir, name)).catch(() => undefined);
  return info ? `${info.size}:${info.mtimeMs}` : 'missing';
}

/** Records a successful run (atomically, like the pages). */
export async function writeContentStamp(outDir: string, stamp: ContentStamp): Promise<void> {
  await writeJsonFile(join(outDir, stampName), stamp);
}
