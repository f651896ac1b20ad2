import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readListings } from '../../scripts/lib/read-listings.ts';

// The listings folder holds listings: regular `.txt` files, or links to them inside the folder.
// Anything else is refused by name, before it is read, and nothing of it reaches the pages.

const run = promisify(execFile);
const listing = 'Mar 14\n\nA paper\n\nAn abstract about language models.\n';
const secret = 'Mar 14\n\nSECRET TITLE\n\nSECRET ABSTRACT that must never be published.\n';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'papershelf-listings-'));
  await writeFile(join(work, 'outside.txt'), secret);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A fresh listings folder holding `a.txt` and whatever `add` puts beside it. */
async function folderWith(name: string, add: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir);
  await writeFile(join(dir, 'a.txt'), listing);
  await add(dir);
  return dir;
}

describe('readListings', () => {
  it('reads a link to a listing inside the folder', async () => {
    const dir = await folderWith('inside-link', async (dir) => {
      await mkdir(join(dir, 'days'));
      await writeFile(join(dir, 'days', 'b'), listing);
      await symlink(join(dir, 'days', 'b'), join(dir, 'b.txt'));
    });
    expect((await readListings(dir)).map((entry) => entry.file)).toEqual(['a.txt', 'b.txt']);
  });

  it.each([
    ['a link to a file outside the folder', 'outside', (dir: string) => symlink(join(work, 'outside.txt'), join(dir, 'b.txt')), 'b.txt: a symbolic link to a file outside the listings folder'],
    ['a link to a device', 'device', (dir: string) => symlink('/dev/zero', join(dir, 'b.txt')), 'b.txt: a symbolic link to a file outside the listings folder'],
    ['a link to nowhere', 'dangling', (dir: string) => symlink(join(dir, 'missing'), join(dir, 'b.txt')), 'b.txt: a symbolic link that leads nowhere'],
    ['a folder named *.txt', 'folder', (dir: string) => mkdir(join(dir, 'b.txt')), 'b.txt: not a regular file (a folder)'],
    ['a FIFO', 'fifo', async (dir: string) => void execFileSync('mkfifo', [join(dir, 'b.txt')]), 'b.txt: not a regular file (a FIFO)'],
  ])('refuses %s by name', async (_what, name, add, message) => {
    const dir = await folderWith(name, add);
    await expect(readListings(dir)).rejects.toThrow(join(dir, message));
  });

  it('refuses a device given as the listing', async () => {
    await expect(readListings('/dev/zero')).rejects.toThrow('/dev/zero: not a regular file (a device)');
  });
});

describe('npm run content with a link out of the listings folder', () => {
  it('fails naming the link, and the linked file appears nowhere', async () => {
    const dir = await folderWith('content-run', (dir) => symlink(join(work, 'outside.txt'), join(dir, 'b.txt')));
    const out = join(work, 'content-run-pages');
    const result = await run(process.execPath, ['scripts/generate-papers.ts'], {
      env: { ...process.env, PAPERS_SOURCE: dir, PAPERSHELF_PAPERS_DIR: out, PAPERSHELF_SLUGS: join(work, 'content-run-slugs.yaml'), CI: 'true' },
    }).then(
      () => ({ code: 0, output: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${join(dir, 'b.txt')}: a symbolic link to a file outside the listings folder`);
    expect(result.output).not.toContain('SECRET');
    const pages = await readdir(out).catch(() => [] as string[]);
    for (const page of pages) expect(await readFile(join(out, page), 'utf8')).not.toContain('SECRET');
  });
});
