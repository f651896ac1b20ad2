import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

// The Pagefind Node API stands in for the binary: the wrapper's job is the records it hands over,
// the order of calls, the error checks and the cleanup, not Pagefind's indexing.
const pagefind = vi.hoisted(() => ({
  index: {
    addCustomRecord: vi.fn(),
    writeFiles: vi.fn(),
  },
  createIndex: vi.fn(),
  close: vi.fn(),
}));
vi.mock('pagefind', () => ({ createIndex: pagefind.createIndex, close: pagefind.close }));

const { indexSite, prepareSearchIndex } = await import('../../src/integrations/search-index.ts');
const { abstractText, paperToSearchRecord } = await import('../../src/integrations/search-record.ts');
const { searchMetaWeights } = await import('../../src/shared/search-fields.ts');
const { writeServiceWorker } = await import('../../src/integrations/offline-bundle.ts');
const { choosePrefixLength, pageListShard } = await import('../../src/shared/page-list.ts');
const { parseSearchWords, prefixListFile } = await import('../../src/shared/search-words.ts');

type SearchPaper = Parameters<typeof paperToSearchRecord>[0];

const topicNames = new Map([
  ['llm-agents', 'LLM agents'],
  ['reasoning', 'Reasoning'],
]);

/** The same two topics as a taxonomy file, which `indexSite` reads. */
const taxonomyYaml = `topics:
  - id: llm-agents
    name: LLM agents
    description: Agents built on language models.
    keywords: { agent: 3 }
  - id: reasoning
    name: Reasoning
    description: Multi-step reasoning.
    keywords: { reasoning: 3 }
`;

/** A paper as `papers.json` holds it (with fields the record does not use, like `related`). */
function paper(overrides: Partial<SearchPaper> & { related?: string[] } = {}): SearchPaper & { related?: string[] } {
  return {
    title: 'Can We Rely on LLM Agents? Let\'s Take TravelPlanner as an Example',
    slug: 'travelplanner',
    listed: 'Mar 14',
    position: 68,
    topics: ['llm-agents', 'reasoning'],
    tags: ['faft', 'long-context'],
    summary: 'LLM agents plan.',
    abstract: 'LLM agents plan.  We propose Feedback-Aware Fine-Tuning (FAFT)\non TravelPlanner.',
    method: 'FAFT',
    related: ['other'],
    ...overrides,
  };
}

let dir: string;
let taxonomyPath: string;

/** `indexSite` on the test's taxonomy. */
function index(site = dir, cacheDir?: string) {
  return indexSite(site, { cacheDir, taxonomyPath });
}

async function writePapers(site: string, papers: SearchPaper[]): Promise<void> {
  await mkdir(site, { recursive: true });
  await writeFile(join(site, 'papers.json'), JSON.stringify({ papers }));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'papershelf-pagefind-'));
  taxonomyPath = join(dir, 'taxonomy.yaml');
  await writeFile(taxonomyPath, taxonomyYaml);
  await writePapers(dir, [paper(), paper({ slug: 'second', position: 69, method: undefined, tags: [] })]);
  vi.resetAllMocks();
  pagefind.createIndex.mockResolvedValue({ errors: [], index: pagefind.index });
  pagefind.index.addCustomRecord.mockImplementation(async ({ url, meta }: { url: string; meta: Record<string, string> }) => ({ errors: [], file: { uniqueWords: 9, url, meta } }));
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

describe('paperToSearchRecord', () => {
  test('makes a record of the abstract, with title, method, tags and topics as meta, topic and tag filters, and the position', () => {
    expect(paperToSearchRecord(paper(), topicNames)).toEqual({
      url: '/papers/travelplanner/',
      content: 'LLM agents plan. We propose Feedback-Aware Fine-Tuning (FAFT) on TravelPlanner.',
      language: 'en',
      meta: {
        title: 'Can We Rely on LLM Agents? Let\'s Take TravelPlanner as an Example',
        summary: 'LLM agents plan.',
        listed: 'Mar 14',
        method: 'FAFT',
        tags: 'faft long-context',
        topics: 'LLM agents, Reasoning',
      },
      filters: { topic: ['LLM agents', 'Reasoning'], tag: ['faft', 'long-context'] },
      sort: { position: '68' },
    });
  });

  test('leaves out the method and tags a paper does not have', () => {
    const record = paperToSearchRecord(paper({ method: undefined, tags: [] }), topicNames);
    expect(Object.keys(record.meta).sort()).toEqual(['listed', 'summary', 'title', 'topics']);
    expect(record.filters).toEqual({ topic: ['LLM agents', 'Reasoning'], tag: [] });
  });

  test('fails on a topic the taxonomy does not name', () => {
    expect(() => paperToSearchRecord(paper({ topics: ['robotics'] }), topicNames)).toThrow(/topic "robotics" of paper "travelplanner"/);
  });

  test('content is the abstract as its page shows it: TeX accents and quotes tidied, \\url{} unwrapped, markup-like text literal', () => {
    expect(abstractText('By Gy\\"{o}rgy and \\L ojasiewicz, ``tidy\'\'.')).toBe('By György and Łojasiewicz, \u201Ctidy\u201D.');
    expect(abstractText('Code at \\url{https://github.com/a/b}. See https://x.org/a_(b).')).toBe('Code at https://github.com/a/b. See https://x.org/a_(b).');
    expect(abstractText('&lt;img src=x&gt; <b>bold</b>\n\n  &#60;script&#62;')).toBe('&lt;img src=x&gt; <b>bold</b> &#60;script&#62;');
    // Formulas stay as written: what a reader would type.
    expect(abstractText('a regret of O(\\sqrt{T}) and \\tilde{O}(T^{2/3})')).toBe('a regret of O(\\sqrt{T}) and \\tilde{O}(T^{2/3})');
  });

  test('meta weights rank method names, titles, tags and topics above abstract words, method names first', () => {
    const { method = 0, title = 0, tags = 0, topics = 0 } = searchMetaWeights;
    expect(Math.min(method, title, tags, topics)).toBeGreaterThan(1);
    expect(method).toBeGreaterThan(title);
    expect(title).toBeGreaterThanOrEqual(tags);
    expect(tags).toBeGreaterThanOrEqual(topics);
  });
});

describe('indexSite', () => {
  test('indexes every paper of papers.json as a custom record, in listing order, into <dir>/pagefind', async () => {
    const summary = await index();
    expect(pagefind.createIndex).toHaveBeenCalledWith({ forceLanguage: 'en' });
    expect(pagefind.index.addCustomRecord.mock.calls.map(([record]) => record)).toEqual([
      paperToSearchRecord(paper(), topicNames),
      paperToSearchRecord(paper({ slug: 'second', position: 69, method: undefined, tags: [] }), topicNames),
    ]);
    expect(pagefind.index.writeFiles).toHaveBeenCalledWith({ outputPath: join(dir, 'pagefind') });
    expect(summary).toEqual({ pages: 3, records: 2, outputPath: join(dir, 'pagefind'), reused: false, words: expect.any(Number) });
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  test('reads no HTML: the paper pages may be missing or anything', async () => {
    await mkdir(join(dir, 'papers', 'travelplanner'), { recursive: true });
    await writeFile(join(dir, 'papers', 'travelplanner', 'index.html'), '<main data-pagefind-body>Unrelated</main>');
    await index();
    const contents = pagefind.index.addCustomRecord.mock.calls.map(([record]) => (record as { content: string }).content);
    expect(contents.join(' ')).not.toContain('Unrelated');
  });

  test('reuses the last bundle when no record changed, and indexes again when one did', async () => {
    const site = join(dir, 'site');
    const cache = join(dir, 'cache');
    await writePapers(site, [paper()]);
    expect((await index(site, cache)).reused).toBe(false);

    // A rebuild starts from an empty output folder with the same papers.
    await rm(join(site, 'pagefind'), { recursive: true });
    const again = await index(site, cache);
    expect(again).toMatchObject({ reused: true, pages: 3, records: 0 });
    expect(await readFile(join(site, 'pagefind', 'pagefind.js'), 'utf8')).toBe('// library');
    expect(pagefind.createIndex).toHaveBeenCalledOnce();

    // A field the record leaves out changes nothing; a word of the abstract does.
    await writePapers(site, [paper({ related: ['another'] })]);
    expect((await index(site, cache)).reused).toBe(true);
    await writePapers(site, [paper({ abstract: 'LLM agents plan, fixed.' })]);
    expect((await index(site, cache)).reused).toBe(false);
    expect(pagefind.createIndex).toHaveBeenCalledTimes(2);
  });

  test('writes the word list into the bundle: the words of titles, methods, tags, topics and abstracts, most common first, a file per letter and per two', async () => {
    const summary = await index();
    const folder = join(dir, 'pagefind', 'papershelf-words');
    const files = (await readdir(folder)).sort();
    const letterFiles = files.filter((file) => /^.\.txt$/.test(file));
    expect(letterFiles).toEqual(['a.txt', 'c.txt', 'e.txt', 'f.txt', 'l.txt', 'p.txt', 'r.txt', 't.txt']);
    const words = new Map<string, string[]>();
    for (const file of files) words.set(file, parseSearchWords(await readFile(join(folder, file), 'utf8'))!);
    expect(summary.words).toBe(letterFiles.flatMap((file) => words.get(file)!).length);
    // Each word once more in the file of its first two letters, in the same order.
    const byPrefix = Map.groupBy(letterFiles.flatMap((file) => words.get(file)!), (word) => `${word.slice(0, 2)}.txt`);
    expect(files.filter((file) => !letterFiles.includes(file) && file !== prefixListFile)).toEqual([...byPrefix.keys()].sort());
    for (const [file, listed] of byPrefix) expect(words.get(file), file).toEqual(listed);
    // And a file that names them, so the browser asks for none that is not there.
    expect(words.get(prefixListFile)).toEqual([...byPrefix.keys()].sort());
    // Words of both papers first, alphabetically among equals, then those of the first only (its tags and method).
    expect(words.get('f.txt')).toEqual(['faft', 'feedback', 'fine']);
    expect(words.get('a.txt')).toEqual(['agents', 'aware']);
    expect(words.get('l.txt')).toEqual(['long']);
    expect(words.get('t.txt')).toEqual(['take', 'travelplanner', 'tuning']);
    // Short words, and the summary and listing day, are not listed.
    expect([...words.values()].flat().filter((word) => word.length < 4 || word === 'mar')).toEqual([]);
  });

  test('writes the word list again when the bundle is reused, without touching the cached copy', async () => {
    const site = join(dir, 'site');
    const cache = join(dir, 'cache');
    await writePapers(site, [paper()]);
    await index(site, cache);
    const [saved] = await readdir(join(cache, 'pagefind'));
    const cachedFile = join(cache, 'pagefind', saved!, 'papershelf-words', 't.txt');
    await writeFile(cachedFile, 'papershelf-words 1\nstale\n');
    await rm(join(site, 'pagefind'), { recursive: true });
    expect((await index(site, cache)).reused).toBe(true);
    expect(parseSearchWords(await readFile(join(site, 'pagefind', 'papershelf-words', 't.txt'), 'utf8'))).toContain('travelplanner');
    expect(await readFile(cachedFile, 'utf8')).toBe('papershelf-words 1\nstale\n');
  });

  test("drops Pagefind's own UI bundles, which the site does not load", async () => {
    await index();
    await expect(readFile(join(dir, 'pagefind', 'pagefind-ui.js'))).rejects.toThrow();
    expect(await readFile(join(dir, 'pagefind', 'pagefind.js'), 'utf8')).toBe('// library');
  });

  test('rethrows a Pagefind error with its messages as the cause, and still closes Pagefind', async () => {
    pagefind.index.addCustomRecord.mockResolvedValue({ errors: ['bad record'], file: { uniqueWords: 0, url: '', meta: {} } });
    const error = await index().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(dir);
    expect(((error as Error).cause as Error).message).toBe('Pagefind addCustomRecord: bad record; bad record');
    expect(pagefind.index.writeFiles).not.toHaveBeenCalled();
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  test('fails when no paper made the index', async () => {
    pagefind.index.writeFiles.mockImplementation(async ({ outputPath }: { outputPath: string }) => {
      await mkdir(outputPath, { recursive: true });
      await writeFile(join(outputPath, 'pagefind-entry.json'), JSON.stringify({ languages: {} }));
      return { errors: [], outputPath };
    });
    const error = (await index().catch((caught: unknown) => caught)) as Error;
    expect((error.cause as Error).message).toMatch(/no paper to index in .*papers\.json/);
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  test('fails, before starting Pagefind, on a site without papers.json or with an unknown topic', async () => {
    await rm(join(dir, 'papers.json'));
    await expect(index()).rejects.toThrow(/cannot read .*papers\.json/);
    await writePapers(dir, [paper({ topics: ['robotics'] })]);
    await expect(index()).rejects.toThrow(/topic "robotics"/);
    expect(pagefind.createIndex).not.toHaveBeenCalled();
  });
});

describe('prepareSearchIndex', () => {
  const papers = () => [paper({ slug: 'second', position: 69, method: undefined, tags: [] }), paper()];

  test('indexes the papers in listing order into the cache, where the site built from them finds the bundle', async () => {
    const cache = join(dir, 'cache');
    expect(await prepareSearchIndex(papers(), { cacheDir: cache, taxonomyPath })).toEqual({ records: 2, reused: false });
    expect(pagefind.index.addCustomRecord.mock.calls.map(([record]) => (record as { url: string }).url)).toEqual(['/papers/travelplanner/', '/papers/second/']);
    // papers.json holds more fields than a record uses; the records, and so the digest, are equal.
    expect(await index(dir, cache)).toMatchObject({ reused: true, records: 0 });
    expect(await readFile(join(dir, 'pagefind', 'pagefind.js'), 'utf8')).toBe('// library');
    expect(pagefind.createIndex).toHaveBeenCalledOnce();
  });

  test('keeps the bundle it finds, and only the latest one', async () => {
    const cache = join(dir, 'cache');
    await prepareSearchIndex(papers(), { cacheDir: cache, taxonomyPath });
    expect(await prepareSearchIndex(papers(), { cacheDir: cache, taxonomyPath })).toEqual({ records: 0, reused: true });
    await prepareSearchIndex([paper({ abstract: 'LLM agents plan, fixed.' })], { cacheDir: cache, taxonomyPath });
    expect(await readdir(join(cache, 'pagefind'))).toHaveLength(1);
    expect(pagefind.createIndex).toHaveBeenCalledTimes(2);
  });

  test('leaves no bundle when Pagefind fails, so the site step indexes the site itself', async () => {
    const cache = join(dir, 'cache');
    pagefind.index.writeFiles.mockResolvedValueOnce({ errors: ['disk full'], outputPath: '' });
    await expect(prepareSearchIndex(papers(), { cacheDir: cache, taxonomyPath })).rejects.toThrow(/Pagefind failed on the papers/);
    expect(await index(dir, cache)).toMatchObject({ reused: false, records: 2 });
  });
});

/** A fragment as Pagefind 1.x writes it: gzip around a signature and the page's JSON. */
function fragment(url: string, title: string): Buffer {
  return gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify({ url, content: '', meta: { title } }))]));
}

describe('writeServiceWorker', () => {
  test('writes sw.js with a version that changes with the index, and lists the index for offline use', async () => {
    await index();
    await mkdir(join(dir, '_astro'));
    await writeFile(join(dir, '_astro', 'page.abc.css'), 'body{}');
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    const first = await writeServiceWorker(dir);
    const worker = await readFile(join(dir, 'sw.js'), 'utf8');
    expect(first.precache).toEqual(['', '_astro/page.abc.css']);
    expect(worker).toContain(`"version":"${first.version}"`);
    expect(worker).not.toMatch(/^export\b/m);
    // The worker is one classic script: no import survives, and what it shares with the build
    // (where the page list and the fragments are, the site's name for its offline pages) is in BUILD.
    expect(worker).not.toMatch(/^\s*import\b/m);
    expect(JSON.parse(/^const BUILD = (.*);$/m.exec(worker)![1]!)).toMatchObject({
      offlineIndex: 'sw-search-index.json',
      pageList: 'sw-search-pages/',
      fragmentDir: 'pagefind/fragment/',
      siteTitle: 'papershelf',
    });
    // The mock's fragment is not one Pagefind would write: still kept, without a page-list entry.
    expect(first.offlineIndex).toEqual({
      // The word list lives in the bundle, so the worker keeps it with the index.
      core: [
        'pagefind/pagefind-entry.json',
        'pagefind/pagefind.js',
        ...(await readdir(join(dir, 'pagefind', 'papershelf-words'))).sort().map((file) => `pagefind/papershelf-words/${file}`),
        'sw-search-pages/index.json',
      ],
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
    await index();
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
