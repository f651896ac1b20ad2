import { existsSync } from 'node:fs';
import type { Element } from 'hast';
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

/** The abstract as a reader reads it, each formula as the TeX it was rendered from. */
function abstractText(abstract: Element): string {
  const copy = structuredClone(abstract);
  for (const math of selectAll('math', copy)) math.children = [{ type: 'text', value: textOf(selectOne('annotation', math)) }];
  return textOf(copy);
}

const hostileListing = join(projectRoot, 'tests/fixtures/hostile/listing.txt');
let site: BuiltSite;
let papers: Paper[];

beforeAll(async () => {
  site = await buildFixtureSite({ listing: hostileListing });
  papers = await readGeneratedPapers(site.papersDir);
});

describe('a hostile listing', () => {
  test('gives one page per paper', async () => {
    expect(papers).toHaveLength(11);
    expect((await readdir(join(site.outDir, 'papers'), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()).toEqual(papers.map((paper) => paper.slug).sort());
  });

  test('shows every title and abstract literally', async () => {
    for (const paper of papers) {
      const tree = await readPage(site.outDir, `papers/${paper.slug}/index.html`);
      expect(textOf(selectOne('main h1', tree))).toBe(paper.title);
      // The body is the abstract with its URLs as links and known TeX accents made readable.
      const expected = toString({ type: 'paragraph', children: abstractToPhrasing(paper.abstract) });
      expect(abstractText(selectOne('main .abstract', tree))).toBe(expected.replace(/\s+/g, ' ').trim());
    }
  });

  test('runs no code: no script from the listing, no file written by it', async () => {
    for (const paper of papers) {
      const tree = await readPage(site.outDir, `papers/${paper.slug}/index.html`);
      for (const script of selectAll('script:not([type="application/ld+json"])', tree)) expect(textOf(script)).not.toMatch(/alert|writeFileSync/);
      // Titles reach the JSON-LD as data, with no `<` that could close its script element.
      for (const script of selectAll('script[type="application/ld+json"]', tree)) expect(textOf(script)).not.toContain('<');
      // Only the links and formulas the emitter made may be elements inside the abstract.
      const inMath = new Set(selectAll('main .abstract math *', tree));
      const tags = selectAll('main .abstract p *', tree).filter((element) => !inMath.has(element)).map((element) => element.tagName);
      expect(new Set(tags.filter((tag) => tag !== 'math' && tag !== 'span'))).toEqual(new Set(paper.code.length > 0 || /https?:/.test(paper.abstract) ? ['a'] : []));
      expect(tags.filter((tag) => tag === 'math')).toHaveLength(abstractToPhrasing(paper.abstract).filter((node) => node.type === 'inlineMath').length);
      expect(selectAll('main .abstract p span:not(.nowrap)', tree)).toEqual([]);
    }
    expect(existsSync(join(projectRoot, 'PWNED'))).toBe(false);
    expect(existsSync(join(site.outDir, '..', 'PWNED'))).toBe(false);
  });
});
