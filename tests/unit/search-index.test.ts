import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

// The Pagefind Node API stands in for the binary: the wrapper's job is the order of calls, the
// error checks and the cleanup, not Pagefind's indexing.
const pagefind = vi.hoisted(() => ({
  index: {
    addDirectory: vi.fn(),
    writeFiles: vi.fn(),
  },
  createIndex: vi.fn(),
  close: vi.fn(),
}));
vi.mock('pagefind', () => ({ createIndex: pagefind.createIndex, close: pagefind.close }));

const { indexSite } = await import('../../src/integrations/search-index.ts');
const { writeServiceWorker } = await import('../../src/integrations/offline-bundle.ts');
const { choosePrefixLength, pageListShard } = await import('../../src/shared/page-list.ts');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'papershelf-pagefind-'));
  vi.resetAllMocks();
  pagefind.createIndex.mockResolvedValue({ errors: [], index: pagefind.index });
  pagefind.index.addDirectory.mockResolvedValue({ errors: [], page_count: 7 });
  pagefind.index.writeFiles.mockImplementation(async ({ outputPath }: { outputPath: string }) => {
    await mkdir(join(outputPath, 'fragment'), { recursive: true });
    await writeFile(join(outputPath, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 3 } } }));
    await writeFile(join(outputPath, 'pagefind.js'), '// library');
    await writeFile(join(outputPath, 'pagefind-ui.js'), '// unused UI');
    await writeFile(join(outputPath, 'pagefind-worker.js'), '// unused worker');
    await writeFile(join(outputPath, 'fragment', 'en_1.pf_fragment'), 'x');
    return { errors: [], outputPath };
  });
  pagefind.close.mockResolvedValue(null);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('indexSite', () => {
  test('indexes the built site into <dir>/pagefind and counts the pages that made the index', async () => {
    const summary = await indexSite(dir);
    expect(pagefind.index.addDirectory).toHaveBeenCalledWith({ path: dir, glob: 'papers/*/index.html' });
    expect(pagefind.index.writeFiles).toHaveBeenCalledWith({ outputPath: join(dir, 'pagefind') });
    expect(summary).toEqual({ pages: 3, files: 7, outputPath: join(dir, 'pagefind'), reused: false });
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  test('reuses the last bundle when no paper page changed, and indexes again when one did', async () => {
    const site = join(dir, 'site');
    const cache = join(dir, 'cache');
    await mkdir(join(site, 'papers', 'a'), { recursive: true });
    await writeFile(join(site, 'papers', 'a', 'index.html'), '<main data-pagefind-body>A</main>');
    expect((await indexSite(site, cache)).reused).toBe(false);

    // A rebuild starts from an empty output folder with the same pages.
    await rm(join(site, 'pagefind'), { recursive: true });
    const again = await indexSite(site, cache);
    expect(again).toMatchObject({ reused: true, pages: 3 });
    expect(await readFile(join(site, 'pagefind', 'pagefind.js'), 'utf8')).toBe('// library');
    expect(pagefind.createIndex).toHaveBeenCalledOnce();

    await rm(join(site, 'pagefind'), { recursive: true });
    await writeFile(join(site, 'papers', 'a', 'index.html'), '<main data-pagefind-body>A, fixed</main>');
    expect((await indexSite(site, cache)).reused).toBe(false);
    expect(pagefind.createIndex).toHaveBeenCalledTimes(2);
  });

  test("drops Pagefind's own UI bundles, which the site does not load", async () => {
    await indexSite(dir);
    await expect(readFile(join(dir, 'pagefind', 'pagefind-ui.js'))).rejects.toThrow();
    expect(await readFile(join(dir, 'pagefind', 'pagefind.js'), 'utf8')).toBe('// library');
  });

  test('rethrows a Pagefind error with its messages as the cause, and still closes Pagefind', async () => {
    pagefind.index.addDirectory.mockResolvedValue({ errors: ['bad html in a.html'], page_count: 0 });
    const error = await indexSite(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(dir);
    expect(((error as Error).cause as Error).message).toBe('Pagefind addDirectory: bad html in a.html');
    expect(pagefind.index.writeFiles).not.toHaveBeenCalled();
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  test('fails when no page carries data-pagefind-body', async () => {
    pagefind.index.writeFiles.mockImplementation(async ({ outputPath }: { outputPath: string }) => {
      await mkdir(outputPath, { recursive: true });
      await writeFile(join(outputPath, 'pagefind-entry.json'), JSON.stringify({ languages: {} }));
      return { errors: [], outputPath };
    });
    const error = (await indexSite(dir).catch((caught: unknown) => caught)) as Error;
    expect((error.cause as Error).message).toMatch(/no page .* has data-pagefind-body/);
    expect(pagefind.close).toHaveBeenCalledOnce();
  });
});

/** A fragment as Pagefind 1.x writes it: gzip around a signature and the page's JSON. */
function fragment(url: string, title: string): Buffer {
  return gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify({ url, content: '', meta: { title } }))]));
}

describe('writeServiceWorker', () => {
  test('writes sw.js with a version that changes with the index, and lists the index for offline use', async () => {
    await indexSite(dir);
    await mkdir(join(dir, '_astro'));
    await writeFile(join(dir, '_astro', 'page.abc.css'), 'body{}');
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    const first = await writeServiceWorker(dir);
    const worker = await readFile(join(dir, 'sw.js'), 'utf8');
    expect(first.precache).toEqual(['', '_astro/page.abc.css']);
    expect(worker).toContain(`"version":"${first.version}"`);
    expect(worker).not.toMatch(/^export\b/m);
    // The mock's fragment is not one Pagefind would write: still kept, without a page-list entry.
    expect(first.offlineIndex).toEqual({
      core: ['pagefind/pagefind-entry.json', 'pagefind/pagefind.js', 'sw-search-pages/index.json'],
      fragmentDir: 'pagefind/fragment/',
      fragments: ['en_1'],
      fragmentBytes: 1,
      deferred: 0,
    });
    expect(JSON.parse(await readFile(join(dir, 'sw-search-index.json'), 'utf8'))).toEqual(first.offlineIndex);

    await writeFile(join(dir, 'pagefind', 'pagefind-entry.json'), '{"languages":{"en":{"hash":"en_2"}}}');
    expect((await writeServiceWorker(dir)).version).not.toBe(first.version);
  });

  test('orders fragments as the listing orders their papers and writes the page list', async () => {
    await indexSite(dir);
    await rm(join(dir, 'pagefind', 'fragment', 'en_1.pf_fragment'));
    await writeFile(join(dir, 'pagefind', 'fragment', 'en_a1.pf_fragment'), fragment('/papers/second/', 'Second'));
    await writeFile(join(dir, 'pagefind', 'fragment', 'en_b2.pf_fragment'), fragment('/papers/first/', 'First'));
    await writeFile(join(dir, 'papers.json'), JSON.stringify({ papers: [{ slug: 'first', position: 1 }, { slug: 'second', position: 2 }] }));
    const { offlineIndex } = await writeServiceWorker(dir);
    expect(offlineIndex.fragments).toEqual(['en_b2', 'en_a1']);
    expect(offlineIndex.core).toContain('sw-search-pages/all.json');
    expect(JSON.parse(await readFile(join(dir, 'sw-search-pages', 'index.json'), 'utf8'))).toEqual({ prefixLength: 0 });
    expect(JSON.parse(await readFile(join(dir, 'sw-search-pages', 'all.json'), 'utf8'))).toEqual({
      en_a1: ['/papers/second/', 'Second'],
      en_b2: ['/papers/first/', 'First'],
    });
  });

  test('writes a worker without an index for a site built with search off', async () => {
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    const { offlineIndex } = await writeServiceWorker(dir);
    expect(offlineIndex).toEqual({ core: [], fragmentDir: 'pagefind/fragment/', fragments: [], fragmentBytes: 0, deferred: 0 });
    expect(await readFile(join(dir, 'sw.js'), 'utf8')).toContain('const BUILD =');
  });
});

describe('page list shards', () => {
  test('one shard for a small site, shards by hash prefix for a large one', () => {
    expect(choosePrefixLength(85)).toBe(0);
    expect(choosePrefixLength(1_000)).toBe(1);
    expect(choosePrefixLength(10_000)).toBe(2);
    expect(pageListShard('en_0b5986c', 0)).toBe('all.json');
    expect(pageListShard('en_0b5986c', 2)).toBe('0b.json');
  });
});
