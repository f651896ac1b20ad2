import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Paper } from '../../src/schema/paper.ts';
import { listFiles, projectRoot } from './helpers/build-site.ts';
import { readPage, selectAll, selectOne, textOf } from './helpers/html.ts';
import { readGeneratedPapers } from './helpers/site-data.ts';

// A folder of daily listings, as a site owner keeps it, built twice in one project: first two
// days, then with one day added before them and one after. A paper is one page however many days
// it trends, each day gets a page, and no URL of the first build changes what it shows.

const run = promisify(execFile);
const fixtures = join(projectRoot, 'tests/fixtures/archive');
let work: string;
const dirs = (base = work, cache = join(projectRoot, '.cache/build-tests/archive-cache')) => ({ listings: join(base, 'listings'), papers: join(base, 'papers'), dist: join(base, 'dist'), cache, slugs: join(base, 'slugs.yaml') });

/** `npm run build` on the listings folder, in this test's own folders (or those of `folders`). */
async function build(days: string[], folders = dirs()): Promise<{ papers: Paper[]; output: string }> {
  const { listings, papers, dist, cache, slugs } = folders;
  await mkdir(listings, { recursive: true });
  for (const day of days) await copyFile(join(fixtures, day), join(listings, day));
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, NODE_ENV: _node, ...inherited } = process.env;
  const env = { ...inherited, PAPERS_SOURCE: listings, PAPERSHELF_PAPERS_DIR: papers, PAPERSHELF_OUT_DIR: dist, PAPERSHELF_CACHE_DIR: cache, PAPERSHELF_SLUGS: slugs, SITE_URL: 'https://papershelf.example', ASTRO_TELEMETRY_DISABLED: '1' };
  let output = '';
  for (const script of ['scripts/generate-papers.ts', 'scripts/build-site.ts']) {
    const result = await run(process.execPath, [script], { cwd: projectRoot, env, maxBuffer: 64 * 1024 * 1024 });
    output += result.stdout + result.stderr;
  }
  return { papers: await readGeneratedPapers(papers), output };
}

/** Each built paper page's title, by URL path. */
async function titlesByPath(): Promise<Map<string, string>> {
  const { dist } = dirs();
  const slugs = (await readdir(join(dist, 'papers'), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const titles = new Map<string, string>();
  for (const slug of slugs) {
    const tree = await readPage(dist, `papers/${slug}/index.html`);
    titles.set(`/papers/${slug}/`, textOf(selectOne('main h1', tree)));
  }
  return titles;
}

let first: { papers: Paper[]; output: string };
let firstTitles: Map<string, string>;
let second: { papers: Paper[]; output: string };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'papershelf-archive-'));
  await rm(dirs().cache, { recursive: true, force: true });
  first = await build(['2024-03-13.txt', '2024-03-14.txt']);
  firstTitles = await titlesByPath();
  second = await build(['2024-03-12.txt', '2024-03-16.txt']);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('an archive of daily listings', () => {
  test('gives one page per distinct paper, a repeat with other case and spacing included', () => {
    expect(first.papers.map((paper) => paper.slug).sort()).toEqual([
      'a-b-testing-of-language-agents',
      'diffusion-policies-for-robot-manipulation',
      'graph-neural-networks-for-molecule-property-prediction',
      'sparse-mixture-of-experts-for-speech-recognition',
    ]);
    expect(first.output).toContain('its title or abstract differs');
  });

  test('records every day a paper was listed, oldest first, with its rank that day', () => {
    const listings = Object.fromEntries(second.papers.map((paper) => [paper.slug, paper.listings.map((listing) => `${listing.day} ${listing.label} #${listing.rank}`)]));
    expect(listings).toEqual({
      'a-b-testing-of-language-agents-2': ['2024-03-12 Mar 12 #1'],
      'sparse-mixture-of-experts-for-speech-recognition': ['2024-03-12 Mar 12 #2', '2024-03-13 Mar 13 #1', '2024-03-14 March 14, 2024 #3'],
      'a-b-testing-of-language-agents': ['2024-03-13 Mar 13 #2'],
      'diffusion-policies-for-robot-manipulation': ['2024-03-13 Mar 13 #3', '2024-03-14 March 14, 2024 #1'],
      'graph-neural-networks-for-molecule-property-prediction': ['2024-03-14 March 14, 2024 #2', '2024-03-16 Mar 16 #2'],
      'contrastive-learning-of-image-representations': ['2024-03-16 Mar 16 #1'],
    });
    const diffusion = second.papers.find((paper) => paper.slug === 'diffusion-policies-for-robot-manipulation')!;
    expect(diffusion).toMatchObject({ title: 'Diffusion  policies for robot MANIPULATION', listed: 'Mar 13', date: '2024-03-13' });
    // Archive order: by first listing.
    expect(second.papers.map((paper) => paper.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('keeps every URL of the first build showing the same paper', async () => {
    const now = await titlesByPath();
    for (const [path, title] of firstTitles) expect(now.get(path), path).toBe(title);
    expect(now.get('/papers/a-b-testing-of-language-agents-2/')).toBe('A/B Testing of Language Agents');
  });

  test('gives each day a page listing its papers in rank order, new or trending', async () => {
    const { dist } = dirs();
    expect((await readdir(join(dist, 'days'))).filter((name) => !name.includes('.')).sort()).toEqual(['2024-03-12', '2024-03-13', '2024-03-14', '2024-03-16']);
    const day = await readPage(dist, 'days/2024-03-14/index.html');
    expect(selectAll('main .card .title', day).map(textOf)).toEqual(['Diffusion policies for robot MANIPULATION', 'Graph Neural Networks for Molecule Property Prediction', 'Sparse Mixture of Experts for Speech Recognition']);
    expect(selectAll('main .card .note', day).map(textOf)).toEqual(['Trending, day 2', 'New', 'Trending, day 3']);
    expect(selectAll('main .day-nav a', day).map(textOf).slice(0, 2)).toEqual(['← Mar 13', 'Mar 16 →']);
    // The home page is the latest day.
    const home = await readPage(dist, 'index.html');
    expect(textOf(selectOne('#latest-day', home))).toMatch(/^Mar 16/);
  });

  test('counts each paper once in topics, tags, search data and the sitemap', async () => {
    const { dist } = dirs();
    const data = JSON.parse(await readFile(join(dist, 'papers.json'), 'utf8')) as { papers: { slug: string }[] };
    expect(data.papers.map((paper) => paper.slug).sort()).toEqual(second.papers.map((paper) => paper.slug).sort());
    const sitemap = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap.match(/\/papers\/[^/<]+\//g)?.length).toBe(6);
  });

  test('builds, one day after another, the very site a build of all the days at once gives', async () => {
    // Here, days 12 to 14, then day 16 on top: the second build restores every page whose cache
    // key is unchanged, and each restored page must be what rendering it again would give. The
    // site built above (day 12 came before the first build's days, so every page was rendered
    // again) is the judge; the slug registry is shared so that both give the same addresses.
    // Inside the project, where Astro can resolve node_modules, and out of the build tests' own cache.
    const daily = dirs(join(work, 'daily'), await mkdtemp(join(projectRoot, '.cache/archive-daily-')));
    await mkdir(join(work, 'daily'), { recursive: true });
    await copyFile(dirs().slugs, daily.slugs);
    await build(['2024-03-12.txt', '2024-03-13.txt', '2024-03-14.txt'], daily);
    const { output } = await build(['2024-03-16.txt'], daily);
    expect(output).toMatch(/\(restored\)/);
    const files = await listFiles(dirs().dist);
    expect(await listFiles(daily.dist)).toEqual(files);
    for (const file of files) expect(await readFile(join(daily.dist, file), 'utf8'), file).toBe(await readFile(join(dirs().dist, file), 'utf8'));
    await rm(daily.cache, { recursive: true, force: true });
  });
});
