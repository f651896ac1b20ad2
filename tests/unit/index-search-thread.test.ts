import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { indexSearchOnThread } from '../../scripts/lib/index-search-thread.ts';
import type { SearchFields } from '../../src/pipeline/enrich/enrich.ts';

// The content step's search indexing on its own thread: what goes wrong there comes back as the
// step's reason. (That the thread indexes, and the site step finds its bundle, is the build
// test's `npm run build` case.)

let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'papershelf-index-thread-'));
});

afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

test('rejects with the reason the thread met, and leaves no bundle', async () => {
  const paper: SearchFields = {
    title: 'A paper',
    slug: 'a-paper',
    listed: 'Mar 14',
    position: 1,
    topics: ['not-a-topic'],
    tags: [],
    summary: 'A paper.',
    abstract: 'A paper.',
  };
  await expect(indexSearchOnThread([paper], cacheDir)).rejects.toThrow('search index: topic "not-a-topic" of paper "a-paper" is not in the taxonomy');
  expect(await readdir(cacheDir)).toEqual([]);
});
