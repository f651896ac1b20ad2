import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describePage, digestPaper, heldPages, type ContentStamp } from '../../scripts/lib/content-stamp.ts';
import { emitPages } from '../../scripts/lib/emit-pages.ts';
import { writePages } from '../../scripts/lib/write-pages.ts';
import { generatePages, generatePapers } from '../../src/pipeline/generate-pages.ts';
import { loadTaxonomy } from '../../src/schema/taxonomy.ts';

// A rebuild does not emit again the pages the last run emitted from equal data (most of the
// work after one more day), and never trusts a page someone touched since or older code wrote.

const listing = [{ file: 'a.txt', text: 'Mar 14\n\nFirst paper\n\nAn abstract about $x^2$ and {braces}.\n\nSecond paper\n\nAnother abstract.\n' }];
const taxonomy = loadTaxonomy();
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'papershelf-held-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pipeline as `npm run content` runs it: the papers, then the pages not held. */
async function emitWith(listings: typeof listing, held: (paper: { slug: string }) => boolean) {
  return emitPages(generatePapers(listings, { taxonomy }).papers, held);
}

/** Generates and writes the listing, as `npm run content` does, and returns the stamp it would record. */
async function firstRun(code = 'code-1'): Promise<ContentStamp> {
  const { papers, pages } = generatePages(listing, { taxonomy });
  await writePages(dir, pages, '.mdx');
  const described = await Promise.all(papers.map(async ({ slug }) => [`${slug}.mdx`, await describePage(dir, `${slug}.mdx`)] as const));
  return {
    inputs: 'x', summary: '', warnings: [], published: {}, code,
    pages: Object.fromEntries(described),
    emitted: Object.fromEntries(papers.map((paper) => [`${paper.slug}.mdx`, digestPaper(paper)])),
  };
}

describe('held pages', () => {
  it('are not emitted again, and writing keeps them', async () => {
    const stamp = await firstRun();
    const before = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
    const again = await emitWith(listing, await heldPages(dir, stamp, 'code-1'));
    expect(again.pages.size).toBe(0);
    expect(again.held.sort()).toEqual(Object.keys(before).sort());
    const plan = await writePages(dir, again.pages, '.mdx', again.held);
    expect(plan).toEqual({ written: [], unchanged: Object.keys(before).sort(), removed: [] });
    expect(Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]))).toEqual(before);
  });

  it('are emitted again when the page was touched, the code changed or the data changed', async () => {
    const stamp = await firstRun();
    const [first, second] = Object.keys(stamp.pages).sort();
    writeFileSync(join(dir, first!), 'edited by hand');
    expect((await emitWith(listing, await heldPages(dir, stamp, 'code-1'))).pages.has(first!)).toBe(true);
    expect((await emitWith(listing, await heldPages(dir, stamp, 'code-2'))).pages.size).toBe(2);
    // Same size, another time: touched all the same.
    utimesSync(join(dir, second!), new Date(2000, 1, 1), new Date(2000, 1, 1));
    expect((await emitWith(listing, await heldPages(dir, stamp, 'code-1'))).pages.has(second!)).toBe(true);
    const changed = [{ file: 'a.txt', text: listing[0]!.text.replace('Another abstract.', 'Another abstract, corrected.') }];
    const fresh = await firstRun();
    const emitted = await emitWith(changed, await heldPages(dir, fresh, 'code-1'));
    expect([...emitted.pages.keys()]).toEqual(['second-paper.mdx']);
  });

  it('must still be there', async () => {
    const stamp = await firstRun();
    const { held } = await emitWith(listing, () => true);
    await rm(join(dir, Object.keys(stamp.pages)[0]!));
    await expect(writePages(dir, new Map(), '.mdx', held)).rejects.toThrow(/missing/);
  });
});

describe('emitPages', () => {
  it('emits on worker threads the pages generatePages emits', async () => {
    const { papers, pages } = generatePages(listing, { taxonomy });
    for (const threadsFrom of [500, 1]) {
      const emitted = await emitPages(papers, undefined, { from: threadsFrom });
      expect([...emitted.pages]).toEqual([...pages]);
      expect(emitted.held).toEqual([]);
    }
    const [first] = papers;
    const some = await emitPages(papers, (paper) => paper === first, { from: 1 });
    expect(some.held).toEqual([`${first!.slug}.mdx`]);
    expect([...some.pages.keys()]).toEqual([...pages.keys()].slice(1));
  });
});
