import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatePages } from '../../src/pipeline/generate-pages.ts';
import { loadTaxonomy } from '../../src/schema/taxonomy.ts';

// Every page the default and hostile listings produce, kept as files: a change to the pipeline's
// output shows as a diff of these files (`vitest -u` rewrites them after a deliberate change).

const listings = {
  default: 'content/source/trending-papers.txt',
  hostile: 'tests/fixtures/hostile/listing.txt',
  autolinks: 'tests/fixtures/hostile/autolinks.txt',
};
const root = new URL('../../', import.meta.url);
const taxonomy = loadTaxonomy();

describe.each(Object.entries(listings))('the %s listing', (name, path) => {
  const { pages } = generatePages([{ file: path.split('/').at(-1)!, text: readFileSync(new URL(path, root), 'utf8') }], { taxonomy });

  it.each([...pages.keys()])('gives %s as in its golden file', async (page) => {
    await expect(pages.get(page)).toMatchFileSnapshot(`../fixtures/golden/${name}/${page}`);
  });

  it('gives no page beyond the golden files, and no golden file goes missing', () => {
    const golden = readdirSync(fileURLToPath(new URL(`tests/fixtures/golden/${name}/`, root))).sort();
    expect([...pages.keys()].sort()).toEqual(golden);
  });
});
