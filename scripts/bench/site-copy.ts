import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The template of the bare Astro + MDX site, beside this file. */
const baselineTemplate = fileURLToPath(new URL('./baseline/', import.meta.url));

// Caches that tools keep inside node_modules: each copy gets its own, so builds never share one.
const privateModuleEntries = new Set(['.astro', '.vite', '.cache']);

// What git ignores in the project (build output, caches, generated pages, logs) is not copied.
const ignoredProjectPaths = new Set(['node_modules', '.git', 'dist', '.dist.versions', '.astro', '.cache', 'tmp', join('content', 'papers'), join('content', 'slugs.yaml')]);

/**
 * Copies the bare baseline site into `dir`, ready to build with the project's packages.
 *
 * @param dir
 *   Missing or empty folder for the site.
 * @param projectRoot
 *   The papershelf project, whose `node_modules` the site uses.
 * @returns
 *   Nothing.
 */
export async function copyBaselineSite(dir: string, projectRoot: string): Promise<void> {
  await cp(baselineTemplate, dir, { recursive: true });
  await linkNodeModules(dir, projectRoot);
}

/**
 * Snapshots the papershelf project into `dir`. Building the snapshot rather than the working tree
 * keeps a run consistent while people edit the tree, and keeps concurrent builds apart: Astro
 * writes `.astro/` (content modules, prerender chunks) under the project root whatever the
 * output and cache folders are.
 *
 * @param dir
 *   Missing or empty folder for the copy.
 * @param projectRoot
 *   The papershelf project.
 * @returns
 *   Nothing.
 */
export async function copyProject(dir: string, projectRoot: string): Promise<void> {
  await cp(projectRoot, dir, {
    recursive: true,
    filter: (source) => {
      const path = relative(projectRoot, source);
      return !ignoredProjectPaths.has(path) && !path.split(sep).includes('node_modules') && !path.endsWith('.log');
    },
  });
  await linkNodeModules(dir, projectRoot);
}

/**
 * Gives a copied site the project's packages through a real `node_modules` folder of symlinks
 * rather than one symlink, so that Astro's and Vite's caches, which live in `node_modules/.astro`
 * and `node_modules/.vite`, stay private to the copy.
 */
async function linkNodeModules(dir: string, projectRoot: string): Promise<void> {
  const source = join(projectRoot, 'node_modules');
  const target = join(dir, 'node_modules');
  await mkdir(target);
  for (const name of await readdir(source)) {
    if (!privateModuleEntries.has(name)) await symlink(join(source, name), join(target, name));
  }
}
