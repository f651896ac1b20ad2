import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fingerprintTree } from '../../scripts/lib/site-stamp.ts';
import { buildFixtureSite, listFiles, projectRoot } from './helpers/build-site.ts';

// `scripts/build-site.ts`, the second half of `npm run build`, on the shared fixture's pages:
// it publishes only a finished site, and does nothing when nothing changed.

const run = promisify(execFile);
const work = join(projectRoot, '.cache/build-tests/rebuild');
const papersDir = join(work, 'papers');
const outDir = join(work, 'dist');

async function buildSite(out = outDir, cache = join(work, 'cache')) {
  // Vitest's own variables (BASE_URL, MODE, ...) would leak into Astro; pass only what a shell has.
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, NODE_ENV: _node, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/build-site.ts'], {
      cwd: projectRoot,
      env: { ...env, PAPERSHELF_PAPERS_DIR: papersDir, PAPERSHELF_OUT_DIR: out, PAPERSHELF_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  // The shared fixture's generated pages (its build is cached for every build test).
  await cp((await buildFixtureSite()).papersDir, papersDir, { recursive: true });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('build-site', () => {
  test('publishes the site, then does nothing while nothing changes', async () => {
    const first = await buildSite();
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain(`site published to ${outDir}`);
    const published = await fingerprintTree(outDir);
    const second = await buildSite();
    expect(second.output).toContain('is up to date');
    expect(await fingerprintTree(outDir)).toBe(published);
  });

  test('a second build from the same pages, with fresh caches, is byte-identical', async () => {
    const other = join(work, 'dist-again');
    const again = await buildSite(other, join(work, 'cache-again'));
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
    await rm(join(papersDir, 'broken.mdx'));
  });

  test('rebuilds when a page changed, and shows the change', async () => {
    const [name] = (await readdir(papersDir)).filter((file) => file.endsWith('.mdx'));
    const path = join(papersDir, name ?? '');
    await writeFile(path, `${(await readFile(path, 'utf8')).trimEnd()} A sentence added later.\n`);
    const rebuilt = await buildSite();
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(rebuilt.output).toContain('site published');
    const page = await readFile(join(outDir, 'papers', (name ?? '').replace(/\.mdx$/, ''), 'index.html'), 'utf8');
    expect(page).toContain('A sentence added later.');
  });
});
