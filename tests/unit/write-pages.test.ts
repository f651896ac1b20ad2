import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { removeRunLeftovers, writePages } from '../../scripts/lib/write-pages.ts';

// Writing pages on a full disk: the previous pages stay as they were and no temporary file is
// left to fill the disk further; temporary files of killed runs go at the next start.

const faults = vi.hoisted(() => ({ failWriteAt: 0, failRenameAt: 0, writes: 0, renames: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
  return {
    ...real,
    writeFile: async (...args: Parameters<typeof real.writeFile>) => {
      if (++faults.writes === faults.failWriteAt) {
        // Part of the page reached the disk before it filled up.
        await real.writeFile(args[0], 'half a pa');
        throw enospc();
      }
      return real.writeFile(...args);
    },
    rename: async (...args: Parameters<typeof real.rename>) => {
      if (++faults.renames === faults.failRenameAt) throw enospc();
      return real.rename(...args);
    },
  };
});

let dir: string;
const before = new Map([
  ['a.mdx', 'A one'],
  ['b.mdx', 'B one'],
]);
const after = new Map([
  ['a.mdx', 'A two'],
  ['b.mdx', 'B two'],
  ['c.mdx', 'C two'],
]);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'papershelf-pages-'));
  Object.assign(faults, { failWriteAt: 0, failRenameAt: 0, writes: 0, renames: 0 });
  await writePages(dir, before, '.mdx');
  Object.assign(faults, { writes: 0, renames: 0 });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function pages(): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('writePages on a full disk', () => {
  test.each([1, 2, 3])('failing at page %i leaves the previous pages and no temporary file', async (at) => {
    faults.failWriteAt = at;
    await expect(writePages(dir, after, '.mdx')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(pages()).toEqual(Object.fromEntries(before));
    faults.failWriteAt = 0;
    await writePages(dir, after, '.mdx');
    expect(pages()).toEqual(Object.fromEntries(after));
  });

  test('a failed rename leaves no temporary file', async () => {
    faults.failRenameAt = 2;
    await expect(writePages(dir, after, '.mdx')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('removeRunLeftovers', () => {
  // Above Linux's largest pid (2^22), so never a running process.
  const deadPid = 2 ** 22 + 1;

  test('removes the temporary files of killed runs, and keeps those of running ones', async () => {
    const registry = join(dir, 'slugs.yaml');
    const running = process.ppid;
    for (const name of [`.a.mdx.${deadPid}.tmp`, `.a.mdx.${running}.tmp`, `.papershelf-content.json.${deadPid}.tmp`, `slugs.yaml.${deadPid}.tmp`]) {
      writeFileSync(join(dir, name), 'partial');
    }
    const removed = await removeRunLeftovers(dir, registry);
    expect(removed.map((path) => path.slice(dir.length + 1)).sort()).toEqual([`.a.mdx.${deadPid}.tmp`, `.papershelf-content.json.${deadPid}.tmp`, `slugs.yaml.${deadPid}.tmp`]);
    expect(Object.keys(pages())).toEqual([`.a.mdx.${running}.tmp`, 'a.mdx', 'b.mdx']);
  });
});
