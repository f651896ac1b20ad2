import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The small listing the build, link, validation and browser tests share. */
export const fixtureListing = join(projectRoot, 'tests/fixtures/site/listing.txt');

/** Absolute URLs in the built site use this origin; it never resolves, so nothing can fetch it. */
export const testSiteUrl = 'https://papershelf.example';

export interface BuildOptions {
  /** Listing file or folder (default: the shared fixture listing). */
  listing?: string;
  /** `BASE_PATH` for the build (default `/`). */
  basePath?: string;
}

export interface BuiltSite {
  /** Generated MDX pages. */
  papersDir: string;
  /** Astro's output. */
  outDir: string;
  /** Normalised base path: leading and trailing slash. */
  basePath: string;
  siteUrl: string;
}

/** Files whose content decides what a build produces; a change in any of them means a fresh build. */
const buildInputs = ['src', 'scripts', 'public', 'content/taxonomy.yaml', 'astro.config.mjs', 'package-lock.json'];

/**
 * Inside the project on purpose: Astro puts its prerender bundle in `<outDir>/.prerender` only when
 * outDir is under the working directory; otherwise in `<cwd>/.astro/`, where concurrent builds
 * would overwrite each other's chunks.
 */
const cacheRoot = join(projectRoot, '.cache/build-tests');

/**
 * Generates pages from a listing and builds the site, once per distinct input: the result is
 * cached on disk under a hash of the listing, the options and every build input, so each test
 * file (vitest runs them in separate workers) and the browser tests share one build.
 * Concurrent callers wait on a lock directory instead of building twice.
 */
export async function buildFixtureSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const listing = options.listing ?? fixtureListing;
  const basePath = normaliseBasePath(options.basePath ?? '/');
  const key = await hashInputs([listing, ...buildInputs.map((path) => join(projectRoot, path))], `${basePath}\n${testSiteUrl}`);
  const dir = join(cacheRoot, key);
  const site: BuiltSite = { papersDir: join(dir, 'papers'), outDir: join(dir, 'dist'), basePath, siteUrl: testSiteUrl };
  const doneMarker = join(dir, 'done');

  await mkdir(cacheRoot, { recursive: true });
  for (;;) {
    if (existsSync(doneMarker)) return site;
    if (await tryLock(`${dir}.lock`)) break;
    // Another worker is building the same input: poll its lock until its build is done.
    await delay(250);
  }
  try {
    await rm(dir, { recursive: true, force: true });
    const env = {
      ...inheritedEnv(),
      PAPERS_SOURCE: listing,
      PAPERSHELF_SLUGS: join(dir, 'slugs.yaml'),
      PAPERSHELF_PAPERS_DIR: site.papersDir,
      PAPERSHELF_OUT_DIR: site.outDir,
      PAPERSHELF_CACHE_DIR: join(dir, 'cache'),
      SITE_URL: testSiteUrl,
      BASE_PATH: basePath,
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    await run([join(projectRoot, 'scripts/generate-papers.ts')], env);
    await run([join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], env);
    await writeFile(doneMarker, new Date().toISOString());
    await pruneStaleBuilds(key);
    return site;
  } finally {
    await rm(`${dir}.lock`, { recursive: true, force: true });
  }
}

/** `/`, `a/b` and `/a/b/` become `/` and `/a/b/`, as astro.config.mjs does with BASE_PATH. */
export function normaliseBasePath(value: string): string {
  const segments = value.split('/').filter(Boolean);
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/** Every file under `dir`, relative to it, with `/` separators, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Removes builds of older inputs once a day has passed, so the cache does not grow without end. */
async function pruneStaleBuilds(keep: string): Promise<void> {
  for (const entry of await readdir(cacheRoot)) {
    if (entry === keep || entry.endsWith('.lock') || existsSync(join(cacheRoot, `${entry}.lock`))) continue;
    const marker = join(cacheRoot, entry, 'done');
    const age = Date.now() - (await stat(marker).catch(() => ({ mtimeMs: 0 }))).mtimeMs;
    if (age > 24 * 3600_000) await rm(join(cacheRoot, entry), { recursive: true, force: true });
  }
}

async function hashInputs(paths: string[], extra: string): Promise<string> {
  const hash = createHash('sha256').update(extra);
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const files = (await stat(path)).isDirectory() ? (await listFiles(path)).map((file) => join(path, file)) : [path];
    for (const file of files) hash.update(`\0${relative(projectRoot, file)}\0`).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Takes the lock, or reports it is held; a lock left by a crashed run expires after 10 minutes. */
async function tryLock(lockDir: string): Promise<boolean> {
  try {
    await mkdir(lockDir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = Date.now() - (await stat(lockDir).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (age > 10 * 60_000) await rm(lockDir, { recursive: true, force: true });
    return false;
  }
}

/**
 * The environment without the variables vitest defines for `import.meta.env` (`BASE_URL=/`,
 * `MODE`, `NODE_ENV=test`...): Astro would take them as the build's own and ignore BASE_PATH.
 */
function inheritedEnv(): NodeJS.ProcessEnv {
  const { BASE_URL, MODE, DEV, PROD, SSR, NODE_ENV, ...env } = process.env;
  return env;
}

/** Runs a Node script with the Node running the tests (the project's pinned Node 22). */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${args.map((arg) => relative(projectRoot, arg)).join(' ')} exited with ${code}\n${output.slice(-4000)}`));
    });
  });
}
