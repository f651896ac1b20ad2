import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const hostile = 'tests/fixtures/hostile/listing.txt';
const defaultListing = 'content/source/trending-papers.txt';

/** Runs `npm run content`'s script with the given listing and output folder. */
async function generate(source: string, outDir: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/generate-papers.ts'], {
      env: { ...process.env, PAPERS_SOURCE: source, PAPERSHELF_PAPERS_DIR: outDir, PAPERSHELF_SLUGS: join(outDir, '..', `${basename(outDir)}.slugs.yaml`), CI: 'true' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function readPages(dir: string) {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.mdx')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}

function frontmatter(mdx: string) {
  return parseYaml(mdx.split('\n---\n')[0]?.replace(/^---\n/, '') ?? '');
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'papershelf-content-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run content', () => {
  it('writes 85 pages for the default listing, titles exact and in order', async () => {
    const out = join(work, 'default');
    const result = await generate(defaultListing, out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/85 papers on 1 day\(s\)/);
    const pages = [...(await readPages(out)).values()].map(frontmatter).sort((a, b) => a.position - b.position);
    const listing = (await readFile(defaultListing, 'utf8')).split('\n');
    expect(pages).toHaveLength(85);
    pages.forEach((page, index) => {
      expect(page.position).toBe(index + 1);
      expect(listing[page.source.line - 1]).toBe(page.title);
      // The abstract is the next non-blank block, complete.
      expect(listing.slice(page.source.line).join('\n').trimStart().startsWith(page.abstract)).toBe(true);
    });
  });

  it('gives every distinct hostile paper its own inert page and writes nothing else', async () => {
    const out = join(work, 'hostile');
    const result = await generate(hostile, out);
    expect(result.code, result.stderr).toBe(0);
    const pages = await readPages(out);
    const data = [...pages.values()].map(frontmatter).sort((a, b) => a.position - b.position);
    expect(data.map((page) => page.title)).toEqual([
      'Theta(T^{2/3}) regret for 0<delta<1: \\method{} and {x}',
      'export const pwned = 1',
      "<script>alert('title')</script> & <b>bold</b>",
      '---',
      'yes: no # comment',
      'A/B Testing of Language Agents',
      'A-B Testing of Language Agents',
      '中文标题：多模态大模型',
      '../../etc/passwd',
      'Gy\\"{o}rgy and Aky\\"urek meet Polyak-\\L ojasiewicz',
      '&amp; &#x41; &copy; \\* $x$',
    ]);
    expect(new Set(data.map((page) => page.slug)).size).toBe(11);
    // The same title twice in one day is one paper (with a warning); a look-alike title is another.
    expect(data.slice(5, 7).map((page) => page.slug)).toEqual(['a-b-testing-of-language-agents', 'a-b-testing-of-language-agents-2']);
    expect(result.stderr).toContain('listed again on Mar 14');
    expect([...pages.keys()].every((name) => /^[a-z0-9-]+\.mdx$/.test(name))).toBe(true);
    expect((await readdir(out)).sort()).toEqual(['.papershelf-content.json', ...pages.keys()]);
    expect(data[0].code).toEqual(['https://github.com/example/theta-regret']);
  });

  it('rewrites nothing when run twice on the same listing', async () => {
    const out = join(work, 'twice');
    await generate(hostile, out);
    const before = await readPages(out);
    const mtimes = await Promise.all([...before.keys()].map(async (name) => (await stat(join(out, name))).mtimeMs));
    const again = await generate(hostile, out);
    expect(again.stdout).toMatch(/0 written, 11 unchanged, 0 removed/);
    expect(await readPages(out)).toEqual(before);
    expect(await Promise.all([...before.keys()].map(async (name) => (await stat(join(out, name))).mtimeMs))).toEqual(mtimes);
  });

  it('skips an unchanged listing but restores a page edited by hand', async () => {
    const out = join(work, 'stamp');
    await generate(hostile, out);
    const before = await readPages(out);
    expect((await generate(hostile, out)).stdout).toMatch(/0 written, 11 unchanged, 0 removed in .* \(inputs unchanged\)/);
    const [name] = [...before.keys()];
    await writeFile(join(out, name ?? ''), 'edited by hand');
    expect((await generate(hostile, out)).stdout).toMatch(/1 written, 10 unchanged, 0 removed/);
    expect(await readPages(out)).toEqual(before);
  });

  it('removes pages no longer in the listing', async () => {
    const out = join(work, 'shrink');
    await generate(hostile, out);
    const smaller = join(work, 'smaller.txt');
    await writeFile(smaller, 'Mar 14\n\nOnly paper\n\nIts abstract about reinforcement learning.\n');
    const result = await generate(smaller, out);
    expect(result.stdout).toMatch(/1 written, 0 unchanged, 11 removed/);
    expect([...(await readPages(out)).keys()]).toEqual(['only-paper.mdx']);
  });

  it.each([
    ['empty.txt', '', 'empty.txt:1: the listing is empty'],
    ['no-papers.txt', 'new\nSubscribe\n', 'no-papers.txt:1: the listing holds no papers'],
    ['no-abstract.txt', 'Mar 14\n\nTitle one\n\nAbstract one.\n\nTitle two\n', 'no-abstract.txt:7: a title with no abstract'],
    ['binary.txt', 'Mar 14\n\nTitle\n\n\u0000\u0001\u0002binary', 'binary.txt:5: control or binary character U+0000'],
  ])('refuses %s with file:line, a non-zero exit and the previous pages intact', async (name, text, message) => {
    const out = join(work, `bad-${name}`);
    await generate(hostile, out);
    const before = await readPages(out);
    const path = join(work, name);
    await writeFile(path, text);
    const result = await generate(path, out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}${message.slice(name.length)}`);
    expect(await readPages(out)).toEqual(before);
    expect((await readdir(out)).sort()).toEqual(['.papershelf-content.json', ...before.keys()]);
  });

  it('reads every .txt file of a folder in name order', async () => {
    const folder = join(work, 'folder');
    await run('mkdir', ['-p', folder]);
    await writeFile(join(folder, 'b.txt'), 'Mar 15\n\nSecond\n\nAbout bandits and regret.\n');
    await writeFile(join(folder, 'a.txt'), 'Mar 14\n\nFirst\n\nAbout federated learning.\n');
    const out = join(work, 'folder-out');
    expect((await generate(folder, out)).code).toBe(0);
    const data = [...(await readPages(out)).values()].map(frontmatter).sort((a, b) => a.position - b.position);
    expect(data.map((page) => [page.title, page.source.file])).toEqual([['First', 'a.txt'], ['Second', 'b.txt']]);
  });
});
