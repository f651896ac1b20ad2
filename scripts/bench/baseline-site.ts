import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';

/** The template of the bare Astro + MDX site, beside this file. */
const templateDir = new URL('./baseline/', import.meta.url);

// Caches that tools keep inside node_modules: each site gets its own, so builds never share one.
const privateEntries = new Set(['.astro', '.vite', '.cache']);

/**
 * Copies the baseline site into `dir` and gives it the project's packages. `node_modules` is a
 * real folder of symlinks rather than one symlink, so that Astro's and Vite's caches, which live
 * in `node_modules/.astro` and `node_modules/.vite`, stay private to this copy.
 *
 * @param dir
 *   Empty or missing folder for the site.
 * @param projectNodeModules
 *   The project's `node_modules` folder.
 * @returns
 *   Nothing.
 */
export async function prepareBaselineSite(dir: string, projectNodeModules: string): Promise<void> {
  await cp(templateDir, dir, { recursive: true });
  const modules = join(dir, 'node_modules');
  await mkdir(modules);
  for (const name of await readdir(projectNodeModules)) {
    if (!privateEntries.has(name)) await symlink(join(projectNodeModules, name), join(modules, name));
  }
}
