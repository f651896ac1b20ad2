import { describe, expect, it } from 'vitest';
import { createSyntheticListing } from '../../scripts/bench/synthetic-listing.ts';
import { readPapers } from '../../src/pipeline/generate-pages.ts';

const parse = (text: string) => readPapers([{ file: 'synthetic.txt', text }]).papers;
const wordCount = (text: string) => text.split(/\s+/).length;

describe('createSyntheticListing', () => {
  const listing = createSyntheticListing({ papers: 500, seed: 7 });
  const papers = parse(listing);

  it('gives the same text for the same options', () => {
    expect(createSyntheticListing({ papers: 500, seed: 7 })).toBe(listing);
  });

  it('gives a different listing for another seed', () => {
    expect(createSyntheticListing({ papers: 500, seed: 8 })).not.toBe(listing);
  });

  it('parses into exactly the requested number of papers', () => {
    expect(papers).toHaveLength(500);
  });

  it('opens a date section every sectionSize papers', () => {
    expect(new Set(papers.map((paper) => paper.listed)).size).toBe(10);
    expect(papers[0]?.listed).toBe('Mar 1, 2023');
    expect(papers[49]?.listed).toBe('Mar 1, 2023');
    expect(papers[50]?.listed).toBe('Mar 2, 2023');
    const small = parse(createSyntheticListing({ papers: 10, sectionSize: 3 }));
    expect(small.map((paper) => paper.listed)).toEqual(['Mar 1, 2023', 'Mar 1, 2023', 'Mar 1, 2023', 'Mar 2, 2023', 'Mar 2, 2023', 'Mar 2, 2023', 'Mar 3, 2023', 'Mar 3, 2023', 'Mar 3, 2023', 'Mar 4, 2023']);
  });

  it('starts with the boilerplate of the real listing, which the parser skips', () => {
    expect(listing.startsWith('new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 1, 2023\n\n')).toBe(true);
  });

  it('writes titles of 6 to 16 words and abstracts of 120 to 250 words', () => {
    for (const paper of papers) {
      expect(wordCount(paper.title)).toBeGreaterThanOrEqual(6);
      expect(wordCount(paper.title)).toBeLessThanOrEqual(16);
      expect(wordCount(paper.abstract)).toBeGreaterThanOrEqual(120);
      expect(wordCount(paper.abstract)).toBeLessThanOrEqual(250);
    }
  });

  it('lays each paper out as a title line, a blank line and a one-line abstract', () => {
    const lines = listing.split('\n');
    for (const paper of papers.slice(0, 20)) {
      expect(lines[paper.source.line - 1]).toBe(paper.title);
      expect(lines[paper.source.line]).toBe('');
      expect(lines[paper.source.line + 1]).toBe(paper.abstract);
    }
  });

  it('has thousands of distinct words, so a search index has a realistic size', () => {
    const distinct = new Set(listing.toLowerCase().split(/[^a-z0-9]+/));
    expect(distinct.size).toBeGreaterThan(2000);
  });

  it('uses the vocabulary of many default topics', () => {
    const text = listing.toLowerCase();
    for (const phrase of ['reinforcement learning', 'rlhf', 'continual learning', 'federated learning', 'bandits', 'tool use', 'vision-language', 'chain-of-thought']) {
      expect(text).toContain(phrase);
    }
  });

  it('extends a shorter listing by whole date sections, for the one-more-day rebuild', () => {
    const longer = createSyntheticListing({ papers: 550, seed: 7 });
    expect(longer.startsWith(listing)).toBe(true);
    expect(longer.slice(listing.length).startsWith('Mar 11, 2023\n\n')).toBe(true);
    expect(parse(longer)).toHaveLength(550);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => createSyntheticListing({ papers: 0 })).toThrow(RangeError);
    expect(() => createSyntheticListing({ papers: 10, sectionSize: 1.5 })).toThrow(RangeError);
  });
});
