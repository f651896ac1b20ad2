import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { escapeRegExp, removeLeftovers } from './leftovers.ts';

/** How a folder differs from the pages it should hold. */
export interface PagePlan {
  /** New or changed pages. */
  written: string[];
  /** Pages already holding exactly this content (the `held` ones among them). */
  unchanged: string[];
  /** Files of the folder's extension that no page claims any more. */
  removed: string[];
}

/**
 * Compares a folder with the pages it should hold, without writing anything.
 *
 * @param dir
 *   Output folder (may be missing).
 * @param pages
 *   File names (no folders) and their full contents.
 * @param extension
 *   Extension of the files this folder owns, such as `.mdx`.
 * @param held
 *   Pages of the folder known to be up to date without being read (see `generatePages`).
 * @returns
 *   Names to write, to leave alone and to remove, each sorted.
 */
export async function planPages(dir: string, pages: ReadonlyMap<string, string>, extension: string, held: readonly string[] = []): Promise<PagePlan> {
  const existing = new Set((await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(extension)));
  const plan: PagePlan = { written: [], unchanged: held.filter((name) => existing.has(name)), removed: [] };
  if (plan.unchanged.length !== held.length) throw new Error(`${dir}: a page the last run wrote is missing`);
  for (const [name, content] of pages) {
    const same = existing.has(name) && (await readFile(join(dir, name), 'utf8')) === content;
    (same ? plan.unchanged : plan.written).push(name);
  }
  const kept = new Set(held);
  plan.removed = [...existing].filter((name) => !pages.has(name) && !kept.has(name));
  for (const list of Object.values(plan)) list.sort();
  return plan;
}

/**
 * Makes `dir` hold exactly `pages`, touching as little as possible.
 *
 * Unchanged files are not rewritten, so their modification time and any build cache keyed on
 * them survive. Changed files are first all written to temporary files beside their targets and
 * only then renamed into place, so a failure (a full disk, say) leaves every previous page as it
 * was; each rename is atomic. Stale pages are removed last.
 *
 * @returns
 *   What was written, left alone and removed.
 */
export async function writePages(dir: string, pages: ReadonlyMap<string, string>, extension: string, held: readonly string[] = []): Promise<PagePlan> {
  await mkdir(dir, { recursive: true });
  const plan = await planPages(dir, pages, extension, held);
  const staged: Array<{ temp: string; target: string }> = [];
  try {
    for (const name of plan.written) {
      const temp = join(dir, `.${name}.${process.pid}.tmp`);
      staged.push({ temp, target: join(dir, name) });
      await writeFile(temp, pages.get(name) ?? '', 'utf8');
    }
    for (const { temp, target } of staged) await rename(temp, target);
  } catch (error) {
    // A full disk must not stay full of half-written pages; the next run writes them again.
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  for (const name of plan.removed) await rm(join(dir, name));
  return plan;
}

/**
 * Removes the temporary files that runs killed while writing left: `.<name>.<pid>.tmp` in the
 * pages folder, `<name>.<pid>.tmp` beside other files the run writes. Only those of processes no
 * longer running (or of an earlier process with this one's pid) go; call it before writing,
 * holding the build lock.
 *
 * @param dir
 *   The pages folder.
 * @param files
 *   Other files the run writes through a temporary file (the slug registry).
 * @returns
 *   Paths removed.
 */
export async function removeRunLeftovers(dir: string, ...files: string[]): Promise<string[]> {
  const removed = (await removeLeftovers(dir, /^\..+\.(\d+)\.tmp$/)).map((name) => join(dir, name));
  for (const file of files) {
    const pattern = new RegExp(`^${escapeRegExp(basename(file))}\\.(\\d+)\\.tmp$`);
    removed.push(...(await removeLeftovers(dirname(file), pattern)).map((name) => join(dirname(file), name)));
  }
  return removed;
}
