import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Paper } from '../../src/schema/paper.ts';
import { buildFixtureSite, projectRoot, type BuiltSite } from './helpers/build-site.ts';
import { readPage, selectAll, textOf } from './helpers/html.ts';
import { readGeneratedPapers } from './helpers/site-data.ts';

// The paper page as a reader uses it: a way to the paper, the header's way around the site.

const run = promisify(execFile);
let site: BuiltSite;
let papers: Paper[];

beforeAll(async () => {
  site = await buildFixtureSite();
  papers = await readGeneratedPapers(site.papersDir);
});

describe('the paper page', () => {
  test('links every paper to the paper: title searches on arXiv, Semantic Scholar and Google Scholar', async () => {
    for (const paper of papers) {
      const links = selectAll('.paper-links a', await readPage(site.outDir, `papers/${paper.slug}/index.html`));
      const hrefs = links.map((link) => String(link.properties.href));
      const query = encodeURIComponent(paper.title);
      expect(hrefs).toContain(`https://arxiv.org/search/?query=${query}&searchtype=title`);
      expect(hrefs).toContain(`https://www.semanticscholar.org/search?q=${query}`);
      expect(hrefs.some((href) => href.startsWith('https://scholar.google.com/scholar?q='))).toBe(true);
      for (const code of paper.code) expect(hrefs).toContain(code);
    }
  });

  test('the header links the days, topics, tags and every paper', async () => {
    const header = await readPage(site.outDir, 'index.html');
    expect(selectAll('header nav a', header).map(textOf)).toEqual(['Days', 'Topics', 'Tags', 'All papers']);
  });
});

describe('building without SITE_URL', () => {
  test('prints a warning that names it', async () => {
    const { SITE_URL: _site, ...env } = process.env;
    const { stderr } = await run(process.execPath, ['--input-type=module', '-e', "process.argv.push('build'); await import('./astro.config.mjs')"], { cwd: projectRoot, env });
    expect(stderr).toContain('warning: SITE_URL is not set');
  });
});
