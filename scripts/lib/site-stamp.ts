import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file.ts';

/** What a successful build read and what it published, to recognise a build with nothing to do. */
export interface SiteStamp {
  /** Digest of every build input: code, config, lockfile, taxonomy, the pages, the environment. */
  inputs: string;
  /** Where the site was published. */
  target: string;
  /** Fingerprint of the published site, so a site changed or deleted by hand is rebuilt. */
  output: string;
  /** Whether the published site has its search index (false after a `PAPERSHELF_SEARCH=off` build). */
  indexed: boolean;
}

/** Where a cache folder keeps the stamp of the last build. */
export function siteStampPath(cacheDir: string): string {
  return join(cacheDir, 'papershelf-site.json');
}

/** Everything under these decides what `astro build` produces (besides the pages themselves). */
const siteInputs = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'content/taxonomy.yaml'];
/** Environment the config and the integrations read. */
const siteEnvironment = ['SITE_URL', 'BASE_PATH', 'PAPERSHELF_SEARCH'];

/**
 * Digests the build's inputs: the bytes of the project's site code and configuration, the
 * names, sizes and modification times of the generated pages (which the generator only touches
 * when they change), and the environment that shapes the output.
 *
 * @param projectRoot
 *   The project folder.
 * @param papersDir
 *   Folder of generated pages.
 */
export async function digestSiteInputs(projectRoot: string, papersDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const input of siteInputs) {
    for (const file of await listFiles(join(projectRoot, input))) hash.update(`${file}\0`).update(await readFile(file));
  }
  hash.update(await fingerprintTree(papersDir));
  for (const name of siteEnvironment) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  return hash.digest('hex');
}

/**
 * Names, sizes and modification times of every file under `dir`, digested; `missing` when there
 * is no such folder.
 */
export async function fingerprintTree(dir: string): Promise<string> {
  const files = await listFiles(dir).catch(() => undefined);
  if (!files) return 'missing';
  // All at once: the calls queue in Node's I/O threads instead of waiting for each other (a site
  // of 10,000 papers has some 25,000 files: 0.4 s so, 2 s one after the other).
  const infos = await Promise.all(files.map((file) => stat(file)));
  const hash = createHash('sha256');
  files.forEach((file, index) => hash.update(`${file}\0${infos[index]!.size}\0${infos[index]!.mtimeMs}\0`));
  return hash.digest('hex');
}

/** The previous build's stamp, if any. */
export async function readSiteStamp(path: string): Promise<SiteStamp | undefined> {
  return readJsonFile<SiteStamp>(path);
}

/**
 * After a step that legitimately changes the published site on its own (`scripts/index-search.ts`
 * run after a `PAPERSHELF_SEARCH=off` build), records the site as it now is, so the next build
 * still knows it is up to date.
 *
 * @param path
 *   The stamp file.
 * @param target
 *   The site folder the step changed.
 */
export async function refreshSiteStamp(path: string, target: string): Promise<void> {
  const stamp = await readSiteStamp(path);
  if (stamp?.target === target) await writeSiteStamp(path, { ...stamp, output: await fingerprintTree(target), indexed: true });
}

/**
 * Whether `target` is the site the last build published, indexed for search and untouched since:
 * then `scripts/index-search.ts` has nothing to do.
 */
export async function isIndexedAsBuilt(path: string, target: string): Promise<boolean> {
  const stamp = await readSiteStamp(path);
  return stamp?.indexed === true && stamp.target === target && stamp.output === (await fingerprintTree(target));
}

/** Records a successful build, atomically. */
export async function writeSiteStamp(path: string, stamp: SiteStamp): Promise<void> {
  await writeJsonFile(path, stamp);
}

/** Every file under `path` (or `path` itself), sorted. */
async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
