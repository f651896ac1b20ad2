import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { buildLockPath, lockTokenVariable } from '../../scripts/lib/build-lock.ts';
import { escapeRegExp } from '../../scripts/lib/leftovers.ts';
import { fingerprintTree } from '../../scripts/lib/site-stamp.ts';
import { fixtureListing, projectRoot, testSiteUrl } from './helpers/build-site.ts';
import { shellEnv, startNode, until, type WatchedProcess } from './helpers/processes.ts';

// `npm run build` (scripts/build.ts) run twice at once in one project: the builds take turns,
// the second says whom it waits for, and the site is one listing, never a mix. A build killed
// half-way (stopped at a chosen point, then killed) leaves the previous site, and the next build
// takes over its lock and its leftovers.
// A full disk in the content step is one line and leaves the previous pages.

const listings = {
  site: fixtureListing,
  hostile: join(projectRoot, 'tests/fixtures/hostile/listing.txt'),
};
type ListingName = keyof typeof listings;

let work: string;
let dirs: { papers: string; out: string; cache: string; slugs: string };
/** Titles each listing gives, from the content step run alone. */
const expected = {} as Record<ListingName, string[]>;

/** The project's outputs, in the temporary folder: every build of this file shares them. */
function buildEnv(listing: ListingName, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...shellEnv(),
    PAPERS_SOURCE: listings[listing],
    PAPERSHELF_PAPERS_DIR: dirs.papers,
    PAPERSHELF_OUT_DIR: dirs.out,
    PAPERSHELF_CACHE_DIR: dirs.cache,
    PAPERSHELF_SLUGS: dirs.slugs,
    SITE_URL: testSiteUrl,
    ASTRO_TELEMETRY_DISABLED: '1',
    CI: 'true',
    [lockTokenVariable]: '',
    ...extra,
  };
}

/** `npm run build`, as package.json runs it. */
function startBuild(listing: ListingName, { detached = false, env = {} as NodeJS.ProcessEnv } = {}): WatchedProcess {
  return startNode(['scripts/build.ts'], { cwd: projectRoot, env: buildEnv(listing, env), detached });
}

/** Loads the file-system faults of `helpers/fs-faults.ts` into a build's processes. */
const faultsEnv = { NODE_OPTIONS: `--import ${join(projectRoot, 'tests/build/helpers/fs-faults.ts')}` };

/** `npm run content` alone. */
function startContent(listing: ListingName, extra: NodeJS.ProcessEnv = {}): WatchedProcess {
  return startNode(['scripts/generate-papers.ts'], { cwd: projectRoot, env: buildEnv(listing, extra) });
}

/** Titles of the generated pages in `dir`, sorted. */
async function pageTitles(dir = dirs.papers): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.mdx'));
  const titles = await Promise.all(names.map(async (name) => (parseYaml((await readFile(join(dir, name), 'utf8')).split('\n---\n')[0]?.replace(/^---\n/, '') ?? '') as { title: string }).title));
  return titles.sort();
}

/** Titles of the papers the published site lists, sorted; each must have its page. */
function siteTitles(): string[] {
  const { papers } = JSON.parse(readFileSync(join(dirs.out, 'papers.json'), 'utf8')) as { papers: Array<{ title: string; slug: string }> };
  const pageDirs = readdirSync(join(dirs.out, 'papers'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  expect(pageDirs.map((entry) => entry.name).sort()).toEqual(papers.map((paper) => paper.slug).sort());
  return papers.map((paper) => paper.title).sort();
}

/** Whose pid the lock file names as its owner, if there is one. */
function lockOwner(): number | undefined {
  const path = buildLockPath(dirs.cache);
  if (!existsSync(path)) return undefined;
  return (JSON.parse(readFileSync(path, 'utf8').split('\n')[0] ?? '{}') as { pid?: number }).pid;
}

/** Nothing a build leaves while it runs: no lock, staging folder, unpublished version or temporary file. */
function expectNoLeftovers(): void {
  expect(existsSync(buildLockPath(dirs.cache))).toBe(false);
  expect(existsSync(join(dirs.cache, 'staging'))).toBe(false);
  expect(readdirSync(work).filter((name) => name.startsWith('.')).sort()).toEqual(['.dist.versions']);
  expect(readdirSync(join(work, '.dist.versions'))).toHaveLength(1);
  expect(readdirSync(dirs.papers).filter((name) => name.endsWith('.tmp'))).toEqual([]);
}

beforeAll(async () => {
  // Inside the project, where Astro can resolve node_modules; unique, so runs never collide; not
  // in .cache/build-tests, whose unmarked folders other build tests prune.
  await mkdir(join(projectRoot, '.cache'), { recursive: true });
  work = await mkdtemp(join(projectRoot, '.cache/concurrency-test-'));
  dirs = { papers: join(work, 'papers'), out: join(work, 'dist'), cache: join(work, 'cache'), slugs: join(work, 'slugs.yaml') };
  for (const name of Object.keys(listings) as ListingName[]) {
    const alone = join(work, `expected-${name}`);
    const run = startContent(name, { PAPERSHELF_PAPERS_DIR: alone, PAPERSHELF_CACHE_DIR: `${alone}-cache`, PAPERSHELF_SLUGS: `${alone}.yaml` });
    const { code, output } = await run.exited;
    expect(code, output).toBe(0);
    expected[name] = await pageTitles(alone);
    await rm(alone, { recursive: true, force: true });
    await rm(`${alone}-cache`, { recursive: true, force: true });
  }
  // Different listings, or the test could not tell one from the other.
  expect(expected.site).not.toEqual(expected.hostile);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('two builds in one project', () => {
  let running: WatchedProcess[] = [];
  beforeEach(() => {
    running = [];
  });

  test('a build started while another runs waits for it, says so, and the site is exactly the later listing', async () => {
    const first = startBuild('site');
    running.push(first);
    await until(() => lockOwner() === first.pid || first.child.exitCode !== null);
    expect(lockOwner(), first.output()).toBe(first.pid);
    const second = startBuild('hostile');
    running.push(second);
    await second.says(`build: waiting for the build running as pid ${first.pid} (lock ${buildLockPath(dirs.cache)})`);
    const [a, b] = await Promise.all([first.exited, second.exited]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    expect(a.output).not.toContain('waiting');
    expect(siteTitles()).toEqual(expected.hostile);
    expect(await pageTitles()).toEqual(expected.hostile);
    expectNoLeftovers();
  });

  test('two builds started together leave one listing, not a mix: the one that finished last', async () => {
    const builds = (['site', 'hostile'] as const).map((listing) => ({ listing, process: startBuild(listing) }));
    const finished: ListingName[] = [];
    await Promise.all(
      builds.map(async ({ listing, process }) => {
        const { code, output } = await process.exited;
        expect(code, output).toBe(0);
        finished.push(listing);
      }),
    );
    const last = finished.at(-1) ?? 'site';
    expect(siteTitles()).toEqual(expected[last]);
    expect(await pageTitles()).toEqual(expected[last]);
    // Whichever waited names the other one.
    const [site, hostile] = builds.map(({ process }) => process);
    for (const [waiter, holder] of [
      [site, hostile],
      [hostile, site],
    ] as const) {
      if (waiter?.output().includes('waiting for the build')) expect(waiter.output()).toContain(`running as pid ${holder?.pid} `);
    }
    expectNoLeftovers();
  });

  test.each([
    {
      when: 'while Astro writes the staging folder',
      pausePoint: () => `^${escapeRegExp(join(dirs.cache, 'staging'))}/.*\\.html$`,
      leftovers: () => existsSync(join(dirs.cache, 'staging')),
    },
    {
      when: 'one rename away from publishing',
      pausePoint: () => `^${escapeRegExp(dirs.out)}$`,
      // The new version, complete, and the link to it, not yet renamed over the site.
      leftovers: () => readdirSync(join(work, '.dist.versions')).length === 2 && readdirSync(work).some((name) => /^\.dist\.\d+\.link$/.test(name)),
    },
  ])('a build killed $when leaves the previous site; the next build takes over its lock and clears its leftovers', async ({ pausePoint, leftovers }) => {
    const before = await fingerprintTree(dirs.out);
    const previous = siteTitles();
    const paused = join(work, 'paused');
    await rm(paused, { force: true });
    // The build stops at that point for good; then it is killed with its steps and Astro.
    const killed = startBuild(previous.join() === expected.site.join() ? 'hostile' : 'site', {
      detached: true,
      env: { ...faultsEnv, PAPERSHELF_TEST_PAUSE: pausePoint(), PAPERSHELF_TEST_PAUSED_FILE: paused },
    });
    await until(() => existsSync(paused) || killed.child.exitCode !== null);
    expect(existsSync(paused), killed.output()).toBe(true);
    process.kill(-killed.pid, 'SIGKILL');
    await killed.exited;
    expect(siteTitles()).toEqual(previous);
    expect(await fingerprintTree(dirs.out)).toBe(before);
    expect(existsSync(buildLockPath(dirs.cache))).toBe(true);
    expect(leftovers()).toBe(true);

    const next = startBuild('hostile');
    const { code, output } = await next.exited;
    expect(code, output).toBe(0);
    expect(output).toMatch(/build: the build that held .* \(pid \d+.*\) is no longer running; taking over its lock/);
    expect(siteTitles()).toEqual(expected.hostile);
    expectNoLeftovers();
  });

  test('npm run content waits for a running build too', async () => {
    const build = startBuild('site');
    await until(() => lockOwner() === build.pid || build.child.exitCode !== null);
    const content = startContent('hostile');
    await content.says(`content: waiting for the build running as pid ${build.pid}`);
    expect((await build.exited).code).toBe(0);
    // The build published its own listing, whole; the content step ran after it.
    expect(siteTitles()).toEqual(expected.site);
    const { code, output } = await content.exited;
    expect(code, output).toBe(0);
    expect(await pageTitles()).toEqual(expected.hostile);
  });
});

describe('a full disk in the content step', () => {
  test('is one line and exit 1, the previous pages stay, and no temporary file is left', async () => {
    const before = await pageTitles();
    const pagesBefore = Object.fromEntries(await Promise.all(readdirSync(dirs.papers).map(async (name) => [name, await readFile(join(dirs.papers, name), 'utf8')] as const)));
    const listing = before.join() === expected.site.join() ? 'hostile' : 'site';
    const full = startContent(listing, {
      ...faultsEnv,
      PAPERSHELF_TEST_FULL_DISK: '\\.mdx\\.\\d+\\.tmp$',
    });
    const { code, output } = await full.exited;
    expect(code, output).toBe(1);
    expect(output.trimEnd().split('\n').at(-1)).toBe('content: writing pages failed: no space left on device (ENOSPC)');
    expect(output).not.toMatch(/^\s+at /m);
    const pagesAfter = Object.fromEntries(await Promise.all(readdirSync(dirs.papers).map(async (name) => [name, await readFile(join(dirs.papers, name), 'utf8')] as const)));
    expect(pagesAfter).toEqual(pagesBefore);
    expect(existsSync(buildLockPath(dirs.cache))).toBe(false);
    // With space again, the same run succeeds.
    const again = startContent(listing);
    expect((await again.exited).code).toBe(0);
    expect(await pageTitles()).toEqual(expected[listing]);
  });
});
