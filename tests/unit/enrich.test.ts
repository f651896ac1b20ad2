import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enrichPapers } from '../../src/pipeline/enrich/enrich.ts';
import { readPapers } from '../../src/pipeline/generate-pages.ts';
import { loadTaxonomy } from '../../src/schema/taxonomy.ts';

const taxonomy = loadTaxonomy();
const { papers: raw } = readPapers([{ file: 'trending-papers.txt', text: readFileSync(new URL('../../content/source/trending-papers.txt', import.meta.url), 'utf8') }]);
const empty = { papers: {}, redirects: {} };

describe('enrichPapers', () => {
  const { papers, registry } = enrichPapers(raw, taxonomy, empty);

  it('keeps archive order, text and listings, and numbers the papers from 1', () => {
    expect(papers.map((paper) => paper.title)).toEqual(raw.map((paper) => paper.title));
    expect(papers.map((paper) => paper.position)).toEqual(raw.map((_, index) => index + 1));
    expect(papers.map((paper) => paper.listings)).toEqual(raw.map((paper) => paper.listings));
    expect(papers.every((paper, index) => paper.abstract === raw[index]?.abstract)).toBe(true);
  });

  it('registers every slug, and links related papers that exist, never the paper itself', () => {
    const slugs = new Set(papers.map((paper) => paper.slug));
    expect(slugs.size).toBe(papers.length);
    expect(Object.keys(registry.papers).sort()).toEqual([...slugs].sort());
    for (const paper of papers) {
      expect(paper.related).not.toContain(paper.slug);
      for (const slug of paper.related) expect(slugs.has(slug)).toBe(true);
    }
  });

  it('gives a registered paper its registered slug, whatever the title would slug to', () => {
    const first = raw[0]!;
    const again = enrichPapers(raw, taxonomy, { papers: { 'chosen-by-the-owner': first.title }, redirects: {} });
    expect(again.papers[0]?.slug).toBe('chosen-by-the-owner');
    expect(again.papers.flatMap((paper) => paper.related)).not.toContain(papers[0]?.slug);
  });

  it('gives every paper a main topic from the taxonomy and tags that another paper shares', () => {
    const topicIds = new Set(taxonomy.topics.map((topic) => topic.id));
    const tagCounts = new Map<string, number>();
    for (const paper of papers) for (const tag of paper.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    for (const paper of papers) {
      expect(paper.topics.length).toBeGreaterThan(0);
      for (const topic of paper.topics) expect(topicIds.has(topic)).toBe(true);
      for (const tag of paper.tags) expect(tagCounts.get(tag)).toBeGreaterThan(1);
    }
  });
});
