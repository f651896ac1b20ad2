import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { groupByDay } from '../../src/lib/days.ts';
import type { Paper } from '../../src/schema/paper.ts';
import { buildFixtureSite, listFiles, type BuiltSite } from './helpers/build-site.ts';
import { hrefOf, readPage, selectAll, selectOne, textOf, type Root } from './helpers/html.ts';
import { readGeneratedPapers } from './helpers/site-data.ts';

let site: BuiltSite;
let papers: Paper[];
let files: string[];
const pages = new Map<string, Root>();

/** Parsed page by its site path (`papers/x/`), cached across tests. */
async function page(path: string): Promise<Root> {
  const file = path.endsWith('/') || path === '' ? `${path}index.html` : path;
  let tree = pages.get(file);
  if (!tree) {
    tree = await readPage(site.outDir, file);
    pages.set(file, tree);
  }
  return tree;
}

const paperPath = (slug: string) => `/papers/${slug}/`;
const linksIn = (tree: Root, selector: string) => selectAll(selector, tree).map(hrefOf);

beforeAll(async () => {
  site = await buildFixtureSite();
  papers = await readGeneratedPapers(site.papersDir);
  files = await listFiles(site.outDir);
});

describe('paper pages', () => {
  test('there is exactly one page per paper', () => {
    const built = files.filter((file) => /^papers\/[^/]+\/index\.html$/.test(file));
    expect(built.sort()).toEqual(papers.map((paper) => `papers/${paper.slug}/index.html`).sort());
    expect(papers.length).toBeGreaterThanOrEqual(7);
  });

  test('each page shows the exact title and abstract', async () => {
    for (const paper of papers) {
      const tree = await page(`papers/${paper.slug}/`);
      expect(textOf(selectOne('main h1', tree))).toBe(paper.title);
      expect(textOf(selectOne('main .abstract', tree))).toBe(paper.abstract.replace(/\s+/g, ' '));
    }
  });

  test("keeps the listing's own quotes, dashes, ellipses, braces and angle brackets", async () => {
    const text = papers.map((paper) => paper.abstract).join(' ');
    // The fixture must exercise each case for this test to mean anything.
    for (const raw of ['"', '--', '...', '0<delta<1', '{d}']) expect(text).toContain(raw);
    for (const paper of papers) {
      const html = await readFile(join(site.outDir, `papers/${paper.slug}/index.html`), 'utf8');
      expect(html).not.toMatch(/[\u2018\u2019\u201c\u201d\u2013\u2014\u2026]/);
    }
  });

  test('topics and tags link to their pages, in frontmatter order', async () => {
    for (const paper of papers) {
      const tree = await page(`papers/${paper.slug}/`);
      expect(linksIn(tree, 'main [data-pagefind-filter="topic"]')).toEqual(paper.topics.map((id) => `/topics/${id}/`));
      expect(linksIn(tree, 'main [data-pagefind-filter="tag"]')).toEqual(paper.tags.map((tag) => `/tags/${tag}/`));
    }
  });

  test('previous and next follow the listing order', async () => {
    for (const [index, paper] of papers.entries()) {
      const tree = await page(`papers/${paper.slug}/`);
      const previous = papers[index - 1];
      const next = papers[index + 1];
      expect(linksIn(tree, 'a[rel="prev"]')).toEqual(previous ? [paperPath(previous.slug)] : []);
      expect(linksIn(tree, 'a[rel="next"]')).toEqual(next ? [paperPath(next.slug)] : []);
    }
  });

  test('related papers are listed in frontmatter order and their pages exist', async () => {
    expect(papers.some((paper) => paper.related.length > 0)).toBe(true);
    for (const paper of papers) {
      const tree = await page(`papers/${paper.slug}/`);
      expect(linksIn(tree, '.related li a')).toEqual(paper.related.map(paperPath));
      for (const slug of paper.related) expect(files).toContain(`papers/${slug}/index.html`);
    }
  });

  test('code links and the method name are shown', async () => {
    const withCode = papers.filter((paper) => paper.code.length > 0);
    expect(withCode.length).toBeGreaterThan(0);
    for (const paper of withCode) {
      expect(linksIn(await page(`papers/${paper.slug}/`), '.paper-links a.code')).toEqual(paper.code);
    }
    for (const paper of papers.filter((candidate) => candidate.method)) {
      expect(textOf(selectOne('.method', await page(`papers/${paper.slug}/`)))).toBe(paper.method);
    }
  });

  test('head carries canonical URL, description, Open Graph and citation meta', async () => {
    for (const paper of papers) {
      const tree = await page(`papers/${paper.slug}/`);
      const url = `${site.siteUrl}/papers/${paper.slug}/`;
      const meta = (selector: string) => selectOne(selector, tree).properties.content;
      expect(hrefOf(selectOne('link[rel="canonical"]', tree))).toBe(url);
      expect(meta('meta[name="description"]')).toBe(paper.summary);
      expect(meta('meta[property="og:title"]')).toBe(paper.title);
      expect(meta('meta[property="og:url"]')).toBe(url);
      expect(meta('meta[name="citation_title"]')).toBe(paper.title);
    }
  });

  test('JSON-LD is a ScholarlyArticle that no abstract can break out of', async () => {
    for (const paper of papers) {
      const html = await readFile(join(site.outDir, `papers/${paper.slug}/index.html`), 'utf8');
      const json = /<script type="application\/ld\+json">([^]*?)<\/script>/.exec(html)?.[1];
      expect(json).toBeDefined();
      expect(json).not.toContain('<');
      const data = JSON.parse(json!) as Record<string, unknown>;
      expect(data).toMatchObject({ '@type': 'ScholarlyArticle', name: paper.title, description: paper.summary });
    }
  });

  test('Pagefind reads paper pages only, with filters, meta and sort', async () => {
    const htmlFiles = files.filter((file) => file.endsWith('.html'));
    for (const file of htmlFiles) {
      const bodies = selectAll('[data-pagefind-body]', await page(file));
      const isPaper = /^papers\/[^/]+\/index\.html$/.test(file);
      expect(bodies.map((element) => element.tagName), file).toEqual(isPaper ? ['main'] : []);
    }
    const [first] = papers;
    const main = selectOne('main', await page(`papers/${first!.slug}/`));
    expect(main.properties).toMatchObject({
      dataPagefindSort: 'position[data-position]',
      dataPosition: String(first!.position),
      dataSummary: first!.summary,
      dataListed: first!.listed,
    });
  });

  test('a paper page weighs at most 30 KB of HTML and CSS', async () => {
    for (const paper of papers) {
      const file = `papers/${paper.slug}/index.html`;
      const stylesheets = linksIn(await page(file.replace('index.html', '')), 'link[rel="stylesheet"]');
      let bytes = (await stat(join(site.outDir, file))).size;
      for (const href of stylesheets) bytes += (await stat(join(site.outDir, href))).size;
      expect(bytes, file).toBeLessThanOrEqual(30 * 1024);
    }
  });
});

describe('topic and tag pages', () => {
  test('each topic page lists exactly the papers filed under it, in listing order', async () => {
    const topics = new Set(papers.flatMap((paper) => paper.topics));
    for (const topic of topics) {
      const expected = papers.filter((paper) => paper.topics.includes(topic)).map((paper) => paperPath(paper.slug));
      expect(linksIn(await page(`topics/${topic}/`), 'main article h2 a'), topic).toEqual(expected);
    }
    const topicPages = files.filter((file) => /^topics\/[^/]+\/index\.html$/.test(file));
    expect(topicPages.length).toBe(topics.size);
  });

  test('each tag page lists exactly the papers carrying it, in listing order', async () => {
    const tags = new Set(papers.flatMap((paper) => paper.tags));
    for (const tag of tags) {
      const expected = papers.filter((paper) => paper.tags.includes(tag)).map((paper) => paperPath(paper.slug));
      expect(linksIn(await page(`tags/${tag}/`), 'main article h2 a'), tag).toEqual(expected);
    }
    expect(files.filter((file) => /^tags\/[^/]+\/index\.html$/.test(file)).length).toBe(tags.size);
  });

  test('the topics page has a labelled bar chart and every topic with its count', async () => {
    const tree = await page('topics/');
    const chart = selectOne('svg[role="img"]', tree);
    expect(textOf(selectOne('title', chart))).toBe('Papers per topic');
    const counts = new Map<string, number>();
    for (const id of papers.flatMap((paper) => paper.topics)) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, count] of counts) {
      const heading = selectAll('main h2', tree).find((element) => selectAll(`a[href="/topics/${id}/"]`, element).length > 0);
      expect(heading, id).toBeDefined();
      expect(textOf(heading!)).toContain(`${count} paper`);
    }
  });

  test('the tags page lists every tag, by frequency and A-Z', async () => {
    const tree = await page('tags/');
    const tags = [...new Set(papers.flatMap((paper) => paper.tags))];
    const alphabetical = linksIn(tree, '[aria-labelledby="a-z"] a');
    expect(alphabetical).toEqual([...tags].sort((a, b) => a.localeCompare(b, 'en')).map((tag) => `/tags/${tag}/`));
    const byFrequency = linksIn(tree, '[aria-labelledby="by-frequency"] a');
    expect(byFrequency.length).toBe(Math.min(100, tags.length));
    const count = (href: string) => papers.filter((paper) => paper.tags.some((tag) => `/tags/${tag}/` === href)).length;
    expect(byFrequency.map(count)).toEqual(byFrequency.map(count).sort((a, b) => b - a));
  });
});

describe('home, feeds and exports', () => {
  test('the home page is the latest day: its papers, new first, in rank order', async () => {
    const tree = await page('');
    const latest = groupByDay(papers, (paper) => paper).at(-1)!;
    const shown = [...latest.items].sort((a, b) => Number(a.dayNumber > 1) - Number(b.dayNumber > 1) || a.rank - b.rank);
    expect(linksIn(tree, 'main article h3 a')).toEqual(shown.map((item) => paperPath(item.paper.slug)));
    expect(textOf(selectOne('#latest-day', tree))).toBe(`${latest.label} ${latest.items.length} papers, ${latest.newCount} new`);
  });

  test('/papers/ lists every paper in archive order under the day it was first listed', async () => {
    const tree = await page('papers/');
    expect(linksIn(tree, 'main article h3 a')).toEqual(papers.map((paper) => paperPath(paper.slug)));
    const sections = [...new Set(papers.map((paper) => paper.listed))];
    expect(selectAll('main h2 .listed', tree).map(textOf)).toEqual(sections);
  });

  test('papers.json exports every paper with its exact abstract', async () => {
    const exported = JSON.parse(await readFile(join(site.outDir, 'papers.json'), 'utf8')) as { papers: Paper[] };
    expect(exported.papers.map((paper) => [paper.slug, paper.title, paper.abstract])).toEqual(
      papers.map((paper) => [paper.slug, paper.title, paper.abstract]),
    );
  });

  test('the RSS feeds list the papers with absolute links', async () => {
    const feed = await readFile(join(site.outDir, 'rss.xml'), 'utf8');
    for (const paper of papers) expect(feed).toContain(`<link>${site.siteUrl}/papers/${paper.slug}/</link>`);
    for (const topic of new Set(papers.flatMap((paper) => paper.topics))) {
      const topicFeed = await readFile(join(site.outDir, `topics/${topic}/rss.xml`), 'utf8');
      const items = [...topicFeed.matchAll(/<item>/g)].length;
      expect(items, topic).toBe(papers.filter((paper) => paper.topics.includes(topic)).length);
    }
  });

  test('the sitemap lists every paper page and leaves out the 404 page', async () => {
    const sitemaps = files.filter((file) => /^sitemap-\d+\.xml$/.test(file));
    const text = (await Promise.all(sitemaps.map((file) => readFile(join(site.outDir, file), 'utf8')))).join('');
    for (const paper of papers) expect(text).toContain(`<loc>${site.siteUrl}/papers/${paper.slug}/</loc>`);
    expect(text).not.toContain('404');
  });

  test('the 404 page exists and links back into the site', async () => {
    const tree = await page('404.html');
    expect(textOf(selectOne('h1', tree))).toBe('Page not found');
    expect(linksIn(tree, 'main a')).toContain('/');
  });
});
