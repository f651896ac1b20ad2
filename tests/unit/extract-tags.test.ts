import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractTags } from '../../src/pipeline/extract-tags.ts';
import { parseListings } from '../../src/pipeline/parse.ts';
import { loadTaxonomy } from '../../src/schema/taxonomy.ts';
import { foldPlural, toWords } from '../../src/pipeline/tokenize.ts';

const taxonomy = loadTaxonomy();
const listingPath = fileURLToPath(new URL('../../content/source/trending-papers.txt', import.meta.url));
const papers = parseListings([{ file: 'trending-papers.txt', text: readFileSync(listingPath, 'utf8') }]);
const tags = extractTags(papers, taxonomy);

describe('extractTags', () => {
  it('folds synonyms into one alias tag', () => {
    const [first, second] = extractTags(
      [
        { title: 'Reinforcement Learning from Human Feedback for LLMs', abstract: 'We align large language models with RLHF.' },
        { title: 'RLHF at scale', abstract: 'An LLM trained with reinforcement learning from human feedback.' },
      ],
      taxonomy,
    );
    for (const list of [first, second]) {
      expect(list).toContain('rlhf');
      expect(list).toContain('llm');
      expect(list).not.toContain('reinforcement-learning');
    }
  });

  it('gives every paper of the default listing 3 to 8 distinct kebab-case tags', () => {
    expect(tags).toHaveLength(papers.length);
    for (const list of tags) {
      expect(list.length).toBeGreaterThanOrEqual(3);
      expect(list.length).toBeLessThanOrEqual(8);
      expect(new Set(list).size).toBe(list.length);
      for (const tag of list) expect(tag).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('never uses a stop tag or a URL fragment as a tag', () => {
    const banned = new Set([...taxonomy.stopTags, 'github', 'https']);
    for (const list of tags) for (const tag of list) expect(banned.has(tag)).toBe(false);
  });

  it('tags named methods and benchmarks', () => {
    const byTitle = (start: string) => tags[papers.findIndex((paper) => paper.title.startsWith(start))] ?? [];
    expect(byTitle('SPaR:')).toContain('spar');
    expect(byTitle('Can We Rely on LLM Agents')).toContain('travelplanner');
  });

  it('keeps only tags shared by two papers, taxonomy aliases, or coined names', () => {
    const aliases = new Set(taxonomy.tags.map((tag) => tag.id));
    const folded = papers.map((paper) => `-${toWords(`${paper.title} ${paper.abstract}`).map(foldPlural).join('-')}-`);
    tags.forEach((list, index) => {
      const paper = papers[index];
      const coinedNames = new Set(
        [...`${paper?.title} ${paper?.abstract}`.matchAll(/[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g)]
          .map(([token]) => token)
          .filter((token) => /[a-z][A-Z]|[A-Z].*[A-Z]|^[A-Z][a-z]*\d/.test(token))
          .map((token) => token.toLowerCase()),
      );
      for (const tag of list) {
        const shared = folded.filter((text) => text.includes(`-${tag}-`)).length >= 2;
        expect(shared || aliases.has(tag) || coinedNames.has(tag), `${tag} in ${paper?.title}`).toBe(true);
      }
    });
  });

  it('is deterministic', () => {
    expect(extractTags(papers, taxonomy)).toEqual(tags);
  });
});
