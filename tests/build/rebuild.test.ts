import { execFile } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fingerprintTree } from '../../scripts/lib/site-stamp.ts';
import { buildFixtureSite, fixtureListing, listFiles, projectRoot } from './helpers/build-site.ts';
import { shellEnv } from './helpers/processes.ts';

// `scripts/build-site.ts`, the second half of `npm run build`, on the shared fixture's pages:
// it publishes only a finished site, does nothing when nothing changed, and a failure (of the
// build, or a full disk) leaves the previous site and nothing half-made.

const run = promisify(execFile);
// Inside the project, where Astro can resolve node_modules; not in .cache/build-tests, whose
// unmarked folders other build tests prune, and unique, so two runs never collide.
let work: string;
let papersDir: string;
let outDir: string;

async function buildSite({ out = outDir, cache = join(work, 'cache'), extraEnv = {} as NodeJS.ProcessEnv } = {}) {
  const env = shellEnv();
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/build-site.ts'], {
      cwd: projectRoot,
      env: { ...env, PAPERSHELF_PAPERS_DIR: papersDir, PAPERSHELF_OUT_DIR: out, PAPERSHELF_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** Beside the site: only the link and its versions folder, which holds only the published version. */
function expectNoLeftovers() {
  expect(readdirSync(work).filter((name) => /^\.(dist\.|\d+\.)/.test(name))).toEqual(['.dist.versions']);
  expect(readdirSync(join(work, '.dist.versions'))).toEqual([basename(readlinkSync(outDir))]);
  expect(existsSync(join(work, 'cache', 'staging'))).toBe(false);
}

/** Adds a sentence to the first page, so the next build has something to do. */
async function changeAPage(sentence: string) {
  const [name] = (await readdir(papersDir)).filter((file) => file.endsWith('.mdx'));
  const path = join(papersDir, name ?? '');
  await writeFile(path, `${(await readFile(path, 'utf8')).trimEnd()} ${sentence}\n`);
  return join(outDir, 'papers', (name ?? '').replace(/\.mdx$/, ''), 'index.html');
}

beforeAll(async () => {
  await mkdir(join(projectRoot, '.cache'), { recursive: true });
  work = await mkdtemp(join(projectRoot, '.cache/rebuild-test-'));
  papersDir = join(work, 'papers');
  outDir = join(work, 'dist');
  // The shared fixture's generated pages (its build is cached for every build test).
  await cp((await buildFixtureSite()).papersDir, papersDir, { recursive: true });
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('build-site', () => {
  test('publishes the site, then does nothing while nothing changes', async () => {
    const first = await buildSite();
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain(`site published to ${outDir}`);
    // A link to the published version, swapped in one rename by the next build.
    expect(lstatSync(outDir).isSymbolicLink()).toBe(true);
    expectNoLeftovers();
    const published = await fingerprintTree(outDir);
    const second = await buildSite();
    expect(second.output).toContain('is up to date');
    expect(await fingerprintTree(outDir)).toBe(published);
  });

  test('a second build from the same pages, with fresh caches, is byte-identical', async () => {
    const other = join(work, 'dist-again');
    const again = await buildSite({ out: other, cache: join(work, 'cache-again') });
    expect(again.code, again.output).toBe(0);
    const files = await listFiles(outDir);
    expect(await listFiles(other)).toEqual(files);
    for (const file of files) expect(await readFile(join(other, file)), file).toEqual(await readFile(join(outDir, file)));
  });

  test('a failed build leaves the previous site as it was', async () => {
    const before = await fingerprintTree(outDir);
    const home = await readFile(join(outDir, 'index.html'), 'utf8');
    // A page the schema rejects: the build must fail, naming it.
    await writeFile(join(papersDir, 'broken.mdx'), '---\ntitle: "Broken"\ntopics: ["not-a-topic"]\n---\n\nText.\n');
    const failed = await buildSite();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('broken.mdx');
    expect(await fingerprintTree(outDir)).toBe(before);
    expect(await readFile(join(outDir, 'index.html'), 'utf8')).toBe(home);
    expectNoLeftovers();
    await rm(join(papersDir, 'broken.mdx'));
  });

  test('a full disk while copying the site into place: one line, exit 1, the previous site kept, no partial copy', async () => {
    const before = await fingerprintTree(outDir);
    const page = await changeAPage('A sentence the full disk keeps out.');
    const full = await buildSite({
      extraEnv: {
        NODE_OPTIONS: `--import ${join(projectRoot, 'tests/build/helpers/fs-faults.ts')}`,
        // The staging folder is on another file system, and the disk fills up while copying it.
        PAPERSHELF_TEST_CROSS_DEVICE: '\\.dist\\.versions/[^/]+$',
        PAPERSHELF_TEST_FULL_DISK: '\\.partial$',
      },
    });
    expect(full.code, full.output).toBe(1);
    const lines = full.output.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('build: copying the site into place failed: no space left on device (ENOSPC)');
    expect(full.output).not.toMatch(/^\s+at /m);
    expect(await fingerprintTree(outDir)).toBe(before);
    expect(await readFile(page, 'utf8')).not.toContain('A sentence the full disk keeps out.');
    expectNoLeftovers();
    // With space again, the next build publishes.
    const next = await buildSite();
    expect(next.code, next.output).toBe(0);
    expect(await readFile(page, 'utf8')).toContain('A sentence the full disk keeps out.');
    expectNoLeftovers();
  });

  test('rebuilds when a page changed, and shows the change', async () => {
    const page = await changeAPage('A sentence added later.');
    const rebuilt = await buildSite();
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(rebuilt.output).toContain('site published');
    expect(await readFile(page, 'utf8')).toContain('A sentence added later.');
    expectNoLeftovers();
  });

  test('a site built without search gets its index from index-search, which then has nothing to do until the site changes', async () => {
    await changeAPage('A sentence for the index step.');
    const built = await buildSite({ extraEnv: { PAPERSHELF_SEARCH: 'off' } });
    expect(built.code, built.output).toBe(0);
    expect(existsSync(join(outDir, 'pagefind'))).toBe(false);
    const indexSearch = async () => {
      const { stdout } = await run(process.execPath, ['scripts/index-search.ts', outDir], { cwd: projectRoot, env: { ...shellEnv(), PAPERSHELF_CACHE_DIR: join(work, 'cache') } });
      return stdout;
    };
    expect(await indexSearch()).toMatch(/^search: (indexed|reused)/);
    expect(existsSync(join(outDir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(await indexSearch()).toContain('is indexed and unchanged since the last build');
    // A site changed by hand is indexed again.
    await writeFile(join(outDir, 'extra.html'), '<p>added by hand</p>');
    expect(await indexSearch()).toMatch(/^search: (indexed|reused)/);
  });
});

describe('npm run build', () => {
  test('indexes search in the content step, from the papers, and the site step uses that index', async () => {
    const dir = join(work, 'whole');
    const env = {
      ...shellEnv(),
      PAPERS_SOURCE: fixtureListing,
      PAPERSHELF_PAPERS_DIR: join(dir, 'papers'),
      PAPERSHELF_SLUGS: join(dir, 'slugs.yaml'),
      PAPERSHELF_OUT_DIR: join(dir, 'dist'),
      PAPERSHELF_CACHE_DIR: join(dir, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts'], { cwd: projectRoot, env, maxBuffer: 64 * 1024 * 1024 });
    const output = stdout + stderr;
    // The records the content step made from its papers equal those the site step reads back
    // from papers.json (frontmatter through YAML and the schema), so Pagefind ran once.
    expect(output).toMatch(/search: indexed \d+ papers in [\d.]+s \(for the site step\)/);
    expect(output).toMatch(/search: reused the index of \d+ unchanged pages/);
    expect(existsSync(join(dir, 'dist', 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });
});
