import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, test } from 'vitest';
import { abstractToPhrasing } from '../../src/pipeline/emit/emit-mdx.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { buildFixtureSite, projectRoot, type BuiltSite } from './helpers/build-site.ts';
import { readPage, selectAll, selectOne, textOf } from './helpers/html.ts';
import { readGeneratedPapers } from './helpers/site-data.ts';

// The hostile listing (CRLF, BOM, braces, `<`, `export` lines, `<script>`, YAML specials, `---`,
// duplicate and look-alike titles, non-Latin and path-like titles) through the real generator and
// the real Astro build: every paper gets a page that shows its text literally, and nothing runs.

const hostileListing = join(projectRoot, 'tests/fixtures/hostile/listing.txt');
let site: BuiltSite;
let papers: Paper[];

beforeAll(async () => {
  site = await buildFixtureSite({ listing: hostileListing });
  papers = await readGeneratedPapers(site.papersDir);
});

describe('a hostile listing', () => {
  test('gives one page per paper', async () => {
    expect(papers).toHaveLength(12);
    expect((await readdir(join(site.outDir, 'papers'))).sort()).toEqual(papers.map((paper) => paper.slug).sort());
  });

  test('shows every title and abstract literally', async () => {
    for (const paper of papers) {
      const tree = await readPage(site.outDir, `papers/${paper.slug}/index.html`);
      expect(textOf(selectOne('main h1', tree))).toBe(paper.title);
      // The body is the abstract with its URLs as links and known TeX accents made readable.
      const expected = toString({ type: 'paragraph', children: abstractToPhrasing(paper.abstract) });
      expect(textOf(selectOne('main .abstract', tree))).toBe(expected.replace(/\s+/g, ' ').trim());
    }
  });

  test('runs no code: no script from the listing, no file written by it', async () => {
    for (const paper of papers) {
      const tree = await readPage(site.outDir, `papers/${paper.slug}/index.html`);
      for (const script of selectAll('script:not([type="application/ld+json"])', tree)) expect(textOf(script)).not.toMatch(/alert|writeFileSync/);
      // Titles reach the JSON-LD as data, with no `<` that could close its script element.
      for (const script of selectAll('script[type="application/ld+json"]', tree)) expect(textOf(script)).not.toContain('<');
      // Only the links the emitter made may be elements inside the abstract.
      expect(new Set(selectAll('main .abstract p *', tree).map((element) => element.tagName))).toEqual(new Set(paper.code.length > 0 || /https?:/.test(paper.abstract) ? ['a'] : []));
    }
    expect(existsSync(join(projectRoot, 'PWNED'))).toBe(false);
    expect(existsSync(join(site.outDir, '..', 'PWNED'))).toBe(false);
  });
});
