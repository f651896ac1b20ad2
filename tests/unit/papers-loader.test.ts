import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { papersLoader } from '../../src/loaders/papers-loader.ts';
import { renderGeneratedPage } from '../../src/pipeline/emit/render-page.ts';
import { generatePages } from '../../src/pipeline/generate-pages.ts';
import { loadTaxonomy } from '../../src/schema/taxonomy.ts';

// The loader with a stand-in for Astro's content layer: which pages it renders itself (generated
// ones, with the safe processor), which it leaves to MDX (hand-written ones), and what it rereads.

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  filePath?: string;
  rendered?: { html: string };
  deferredRender?: boolean;
}

function fakeContext(root: string) {
  const entries = new Map<string, Entry>();
  const meta = new Map<string, string>();
  const parsed: string[] = [];
  const context = {
    config: { root: pathToFileURL(`${root}/`) },
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Entry) => entries.set(entry.id, entry),
      delete: (id: string) => entries.delete(id),
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      addModuleImport: () => undefined,
    },
    meta: { get: (key: string) => meta.get(key), set: (key: string, value: string) => meta.set(key, value) },
    logger: { warn: () => undefined },
    generateDigest: (text: string) => String(text.length) + text.slice(0, 40),
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      parsed.push(id);
      return data;
    },
  };
  return { context: context as unknown as LoaderContext, entries, parsed };
}

let root: string;
let generated: [string, string];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'papershelf-loader-'));
  const { pages } = generatePages([{ file: 'a.txt', text: 'Mar 14\n\nA <b>paper</b>\n\nAn abstract with www.example.org/<img src=x onerror=alert(1)> and {x}.\n' }], { taxonomy: loadTaxonomy() });
  generated = [...pages][0]!;
  await writeFile(join(root, generated[0]), generated[1]);
  await writeFile(join(root, 'by-hand.mdx'), '---\ntitle: By hand\n---\n\nWritten by hand.\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('papersLoader', () => {
  it('renders generated pages with the safe processor and leaves hand-written ones to MDX', async () => {
    const { context, entries } = fakeContext(root);
    await papersLoader({ base: '.' }).load(context);
    const page = entries.get(generated[0].replace(/\.mdx$/, ''))!;
    expect(page.rendered?.html).toBe(renderGeneratedPage(generated[1]));
    expect(page.rendered?.html).not.toContain('<img');
    expect(page.data.title).toBe('A <b>paper</b>');
    expect(entries.get('by-hand')).toMatchObject({ deferredRender: true, filePath: 'by-hand.mdx' });
  });

  it('reads nothing again when no file changed', async () => {
    const { context, parsed } = fakeContext(root);
    const loader = papersLoader({ base: '.' });
    await loader.load(context);
    expect(parsed).toHaveLength(2);
    await loader.load(context);
    expect(parsed).toHaveLength(2);
  });

  it('rereads only the file that changed, and forgets a removed one', async () => {
    const { context, parsed, entries } = fakeContext(root);
    const loader = papersLoader({ base: '.' });
    await loader.load(context);
    await writeFile(join(root, 'by-hand.mdx'), '---\ntitle: By hand, edited\n---\n\nWritten by hand, twice.\n');
    await writeFile(join(root, 'gone.mdx'), '---\ntitle: Gone\n---\n\nSoon gone.\n');
    await loader.load(context);
    expect(parsed).toEqual([generated[0].replace(/\.mdx$/, ''), 'by-hand', 'by-hand', 'gone']);
    expect(entries.get('by-hand')?.data.title).toBe('By hand, edited');
    await rm(join(root, 'gone.mdx'));
    await loader.load(context);
    expect(parsed).toHaveLength(4);
    expect(entries.has('gone')).toBe(false);
  });

  it('reads pages on worker threads as it does on its own', async () => {
    const inline = fakeContext(root);
    await papersLoader({ base: '.' }).load(inline.context);
    const threaded = fakeContext(root);
    await papersLoader({ base: '.', threadsFrom: 1 }).load(threaded.context);
    expect([...threaded.entries]).toEqual([...inline.entries]);
    expect(threaded.entries.get(generated[0].replace(/\.mdx$/, ''))?.rendered?.html).toBe(renderGeneratedPage(generated[1]));
  });

  it('names the file of a page without frontmatter, on threads too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papershelf-loader-bad-'));
    await writeFile(join(dir, 'bare.mdx'), 'No frontmatter here.\n');
    for (const threadsFrom of [500, 1]) {
      const { context } = fakeContext(dir);
      await expect(papersLoader({ base: '.', threadsFrom }).load(context)).rejects.toThrow(/^bare\.mdx: a paper page must start with YAML frontmatter$/);
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a hand-written date as the text it is, and names file and line of malformed YAML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papershelf-loader-yaml-'));
    await writeFile(join(dir, 'dated.mdx'), '---\ntitle: Dated\ndate: 2024-03-14\nlisted: Mar 14, 2024\n---\n\nText.\n');
    const { context, entries } = fakeContext(dir);
    await papersLoader({ base: '.' }).load(context);
    expect(entries.get('dated')?.data).toEqual({ title: 'Dated', date: '2024-03-14', listed: 'Mar 14, 2024' });
    await writeFile(join(dir, 'dated.mdx'), '---\ntitle: Dated\ndate: a: b\n---\n\nText.\n');
    await expect(papersLoader({ base: '.' }).load(fakeContext(dir).context)).rejects.toThrow(/^dated\.mdx: .*\(3:8\)/);
    await rm(dir, { recursive: true, force: true });
  });
});
