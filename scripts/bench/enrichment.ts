/**
 * `npm run bench:content [-- papers]`: times each corpus-level enrichment step on the bench's
 * synthetic listing (default 10,000 papers), to find which one a slow content phase spends its
 * time in. CPU time is printed beside wall time because wall time also counts other processes.
 */
import { classifyTopics } from '../../src/pipeline/enrich/classify-topics.ts';
import { extractCodeLinks } from '../../src/pipeline/enrich/extract-code-links.ts';
import { extractMethod } from '../../src/pipeline/enrich/extract-method.ts';
import { extractTags } from '../../src/pipeline/enrich/extract-tags.ts';
import { findRelated } from '../../src/pipeline/enrich/find-related.ts';
import { readPapers } from '../../src/pipeline/generate-pages.ts';
import { summarize } from '../../src/pipeline/enrich/summarize.ts';
import { loadTaxonomy } from '../../src/schema/taxonomy.ts';
import { createSyntheticListing } from './synthetic-listing.ts';

const size = Number(process.argv[2] ?? 10_000);
const { papers } = readPapers([{ file: 'synthetic.txt', text: createSyntheticListing({ papers: size }) }]);
const taxonomy = loadTaxonomy();

function time(name: string, run: () => unknown): void {
  const start = performance.now();
  const cpu = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpu);
  const seconds = (microseconds: number) => (microseconds / 1e6).toFixed(2);
  console.log(`${name.padEnd(34)} wall ${((performance.now() - start) / 1000).toFixed(2)} s  cpu ${seconds(used.user + used.system)} s`);
}

console.log(`${size} synthetic papers`);
time('readPapers (whole listing)', () => readPapers([{ file: 'synthetic.txt', text: createSyntheticListing({ papers: size }) }]));
time('extractTags (whole listing)', () => extractTags(papers, taxonomy));
time('findRelated (whole listing)', () => findRelated(papers));
time('classifyTopics (each paper)', () => papers.map((paper) => classifyTopics(paper, taxonomy)));
time('extractMethod (each paper)', () => papers.map((paper) => extractMethod(paper)));
time('extractCodeLinks (each paper)', () => papers.map((paper) => extractCodeLinks(paper.abstract)));
time('summarize (each paper)', () => papers.map((paper) => summarize(paper.abstract)));
