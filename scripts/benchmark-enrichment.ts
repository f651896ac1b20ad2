// Times the corpus-level enrichment steps on a synthetic listing of 10,000 papers:
// `npx node scripts/benchmark-enrichment.ts [papers]`. Each synthetic paper mixes sentences of
// the default listing and swaps a quarter of its words for made-up ones drawn from a Zipf-like
// vocabulary, so term frequencies look like a real large listing rather than 85 papers repeated.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyTopics } from '../src/pipeline/classify-topics.ts';
import { extractCodeLinks } from '../src/pipeline/extract-code-links.ts';
import { extractMethod } from '../src/pipeline/extract-method.ts';
import { extractTags } from '../src/pipeline/extract-tags.ts';
import { findRelated } from '../src/pipeline/find-related.ts';
import { parseListings } from '../src/pipeline/parse.ts';
import { summarize } from '../src/pipeline/summarize.ts';
import { loadTaxonomy } from '../src/schema/taxonomy.ts';

const size = Number(process.argv[2] ?? 10_000);
const listing = fileURLToPath(new URL('../content/source/trending-papers.txt', import.meta.url));
const base = parseListings([{ file: 'trending-papers.txt', text: readFileSync(listing, 'utf8') }]);
const sentences = base.flatMap((paper) => paper.abstract.split(/(?<=\.)\s+/));

// Deterministic pseudo-random numbers (mulberry32), so every run times the same corpus.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const madeUpWord = () => `w${Math.floor(50_000 ** random()).toString(36)}x`;
const perturb = (text: string) => text.replace(/[A-Za-z]{4,}/g, (word) => (random() < 0.25 ? madeUpWord() : word));

const papers = Array.from({ length: size }, (_, index) => {
  const paper = base[index % base.length];
  const picked = Array.from({ length: 6 }, () => sentences[Math.floor(random() * sentences.length)]);
  return { title: perturb(paper?.title ?? ''), abstract: perturb(picked.join(' ')) };
});

const taxonomy = loadTaxonomy();
// CPU time is printed beside wall time because wall time also counts other processes on a busy machine.
function time(name: string, run: () => unknown): void {
  const start = performance.now();
  const cpu = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpu);
  const seconds = (microseconds: number) => (microseconds / 1e6).toFixed(2);
  console.log(`${name.padEnd(34)} wall ${((performance.now() - start) / 1000).toFixed(2)} s  cpu ${seconds(used.user + used.system)} s`);
}
console.log(`${size} synthetic papers, ${papers.reduce((sum, paper) => sum + paper.abstract.length, 0) / size | 0} characters per abstract`);
time('extractTags (whole listing)', () => extractTags(papers, taxonomy));
time('findRelated (whole listing)', () => findRelated(papers));
time('classifyTopics (each paper)', () => papers.map((paper) => classifyTopics(paper, taxonomy)));
time('extractMethod (each paper)', () => papers.map((paper) => extractMethod(paper)));
time('extractCodeLinks (each paper)', () => papers.map((paper) => extractCodeLinks(paper.abstract)));
time('summarize (each paper)', () => papers.map((paper) => summarize(paper.abstract)));
