/**
 * Second half of `npm run build` (after `npm run content`): Astro build, Pagefind index, publish.
 *
 * Astro writes into a staging folder; only a build that succeeds replaces the site (`dist/`, or
 * `PAPERSHELF_OUT_DIR`), so a failed build leaves the previous site whole. Astro's incremental
 * build cache lives in the cache folder, not in the output, so a fresh staging folder costs no
 * rebuild. When no input changed since the last build and the published site is as that build
 * left it, there is nothing to do.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { publishDirectory } from './lib/publish-directory.ts';
import { digestSiteInputs, fingerprintTree, readSiteStamp, siteStampPath, writeSiteStamp } from './lib/site-stamp.ts';

const target = resolve(process.env.PAPERSHELF_OUT_DIR || 'dist');
const cacheDir = resolve(process.env.PAPERSHELF_CACHE_DIR || 'node_modules/.astro');
// Inside the project (the cache folder), so Astro's prerender step still resolves node_modules.
const staging = join(cacheDir, 'staging');
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const papersDir = resolve(process.env.PAPERSHELF_PAPERS_DIR || 'content/papers');
const stampPath = siteStampPath(cacheDir);

// 0. Nothing changed since the last build, and its site is still in place: done.
const inputs = await digestSiteInputs(projectRoot, papersDir);
const previous = await readSiteStamp(stampPath);
if (process.argv.length <= 2 && previous?.inputs === inputs && previous.target === target && previous.output === (await fingerprintTree(target))) {
  console.log(`build: ${target} is up to date (no input changed since the last build)`);
  process.exit(0);
}

// 1. Start from an empty staging folder.
await rm(staging, { recursive: true, force: true });

// 2. Build into it (the search integration indexes it at the end of the build).
const code = await new Promise<number>((done) => {
  const child = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    // Telemetry would be a request to another origin on every build.
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, PAPERSHELF_OUT_DIR: staging, PAPERSHELF_CACHE_DIR: cacheDir },
  });
  child.on('close', (status) => done(status ?? 1));
});
if (code !== 0) {
  console.error(`build: astro build failed (exit ${code}); ${target} was left as it was`);
  process.exit(code);
}

// 3. Swap the finished site into place.
await publishDirectory(staging, target);
await writeSiteStamp(stampPath, { inputs, target, output: await fingerprintTree(target) });
console.log(`build: site published to ${target}`);
