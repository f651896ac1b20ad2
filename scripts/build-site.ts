/**
 * Second half of `npm run build` (after the content step): Astro build, Pagefind index, publish.
 *
 * Astro writes into a staging folder; only a build that succeeds replaces the site (`dist/`, or
 * `PAPERSHELF_OUT_DIR`), so a failed build leaves the previous site whole. Astro's incremental
 * build cache lives in the cache folder, not in the output, so a fresh staging folder costs no
 * rebuild. When no input changed since the last build and the published site is as that build
 * left it, there is nothing to do.
 *
 * The run holds the build lock of the cache folder (joining it when `scripts/build.ts` runs this
 * step), so no other build writes the staging folder, the cache or the site meanwhile; it starts
 * by removing what killed or failed builds left. The site version the last build replaced waits in
 * the cache folder's trash and is removed while Astro runs. An I/O failure (a full disk, say) is
 * reported as one line, `build: <step> failed: <reason>`, with the previous site in place and the
 * partial output removed.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { acquireBuildLock, type BuildLock } from './lib/build-lock.ts';
import { removeLeftovers } from './lib/leftovers.ts';
import { publishDirectory, removePublishLeftovers } from './lib/publish-directory.ts';
import { digestSiteInputs, fingerprintTree, readSiteStamp, siteStampPath, writeSiteStamp } from './lib/site-stamp.ts';
import { reportFailure, step } from './lib/step-failure.ts';

const target = resolve(process.env.PAPERSHELF_OUT_DIR || 'dist');
const cacheDir = resolve(process.env.PAPERSHELF_CACHE_DIR || 'node_modules/.astro');
// Inside the project (the cache folder), so Astro's prerender step still resolves node_modules.
const staging = join(cacheDir, 'staging');
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const papersDir = resolve(process.env.PAPERSHELF_PAPERS_DIR || 'content/papers');
const stampPath = siteStampPath(cacheDir);
const trash = join(cacheDir, 'trash');
let emptyingTrash: Promise<void> = Promise.resolve();

let lock: BuildLock | undefined;
try {
  lock = await step('taking the build lock', () => acquireBuildLock(cacheDir, { phase: 'build' }));

  // 0. What killed or failed builds left: a staging folder, unpublished versions, temporary files.
  await step('removing what earlier builds left', async () => {
    await rm(staging, { recursive: true, force: true });
    await removePublishLeftovers(target);
    await removeLeftovers(cacheDir, /^papershelf-site\.json\.(\d+)\.tmp$/);
  });
  // 1. Nothing changed since the last build, and its site is still in place: done.
  const inputs = await step('reading the build inputs', () => digestSiteInputs(projectRoot, papersDir));
  const previous = await readSiteStamp(stampPath);
  if (process.argv.length <= 2 && previous?.inputs === inputs && previous.target === target && previous.output === (await fingerprintTree(target))) {
    console.log(`build: ${target} is up to date (no input changed since the last build)`);
    await rm(trash, { recursive: true, force: true }).catch(() => undefined);
    process.exit(0);
  }

  // The site the last build replaced, moved to the trash then: removed while Astro runs (seconds
  // at 10,000 papers, mostly waiting on the disk, while Astro computes in its own process). Not
  // sooner: its thousands of calls would hold up the reads above in Node's I/O threads (4 s).
  emptyingTrash = rm(trash, { recursive: true, force: true });
  emptyingTrash.catch(() => undefined);

  // 2. Build into the staging folder (the search integration indexes it at the end of the build).
  const code = await buildInto(lock);
  if (code !== 0) {
    await rm(staging, { recursive: true, force: true });
    console.error(`build: astro build failed (exit ${code}); ${target} was left as it was`);
    process.exit(code);
  }

  // 3. Swap the finished site into place.
  await emptyingTrash.catch(() => undefined);
  await step('copying the site into place', () => publishDirectory(staging, target, trash));
  await step('recording the build', async () => writeSiteStamp(stampPath, { inputs, target, output: await fingerprintTree(target), indexed: process.env.PAPERSHELF_SEARCH !== 'off' }));
  console.log(`build: site published to ${target}`);
  await lock.release();
} catch (error) {
  // Only a build holding the lock may touch the staging folder: it may be another build's.
  if (lock) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  reportFailure('build', error);
}

/** Runs `astro build` into the staging folder; its exit status. */
function buildInto(held: BuildLock): Promise<number> {
  return new Promise<number>((done) => {
    const child = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
      stdio: 'inherit',
      // Telemetry would be a request to another origin on every build.
      env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, PAPERSHELF_OUT_DIR: staging, PAPERSHELF_CACHE_DIR: cacheDir },
    });
    // Astro keeps the lock live if this process is killed: the next build waits for it to end.
    held.adopt(child.pid).catch(() => undefined);
    child.on('error', () => done(1));
    child.on('close', (status) => done(status ?? 1));
  });
}
