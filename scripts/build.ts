/**
 * `npm run build`: the content step (`scripts/generate-papers.ts`), then the site step
 * (`scripts/build-site.ts`), as one build that holds the build lock from the first step to the
 * last. Each step also takes the lock when run alone; here it joins this one (the token is in its
 * environment). Two builds started together therefore run one after the other, and the second
 * says whom it waits for; taking the lock per step would let them interleave (pages of one
 * listing, then the other's, then the first one's site built from the second one's pages).
 *
 * The content step also has Pagefind index the papers (`--search`), unless `PAPERSHELF_SEARCH` is
 * `off`: the index is built while the pages are written, and before Astro takes its memory.
 *
 * Arguments go to the site step, and on to `astro build`. The exit status is the first failed
 * step's.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireBuildLock, type BuildLock } from './lib/build-lock.ts';
import { reportFailure, step } from './lib/step-failure.ts';

const cacheDir = resolve(process.env.PAPERSHELF_CACHE_DIR || 'node_modules/.astro');
const scriptsDir = fileURLToPath(new URL('.', import.meta.url));

try {
  const lock = await step('taking the build lock', () => acquireBuildLock(cacheDir, { phase: 'build' }));
  let code = await runStep(lock, [join(scriptsDir, 'generate-papers.ts'), ...(process.env.PAPERSHELF_SEARCH === 'off' ? [] : ['--search'])]);
  if (code === 0) code = await runStep(lock, [join(scriptsDir, 'build-site.ts'), ...process.argv.slice(2)]);
  await lock.release();
  process.exitCode = code;
} catch (error) {
  reportFailure('build', error);
}

/** Runs one step with this Node, inside the lock; its exit status. */
function runStep(lock: BuildLock, args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...lock.env } });
    // The step joins the lock itself; adopting it now also covers its start-up, should this
    // process be killed meanwhile.
    lock.adopt(child.pid).catch(() => undefined);
    child.on('error', (error) => {
      console.error(`build: starting ${args[0]} failed: ${error.message}`);
      done(1);
    });
    child.on('close', (status) => done(status ?? 1));
  });
}
