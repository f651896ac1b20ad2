import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractMethod } from '../../src/pipeline/enrich/extract-method.ts';
import { extractTags } from '../../src/pipeline/enrich/extract-tags.ts';
import { findNames } from '../../src/pipeline/enrich/find-names.ts';
import { parseListings } from '../../src/pipeline/parse.ts';
import { loadTaxonomy } from '../../src/schema/taxonomy.ts';

const taxonomy = loadTaxonomy();
const vocabulary = new Set(taxonomy.tags.map((tag) => tag.id));
const listingPath = fileURLToPath(new URL('../../content/source/trending-papers.txt', import.meta.url));
const papers = parseListings([{ file: 'trending-papers.txt', text: readFileSync(listingPath, 'utf8') }]);
const tags = extractTags(papers, taxonomy);
const byTitle = (start: string) => tags[papers.findIndex((paper) => paper.title.startsWith(start))] ?? [];
/** Names a paper writes (`TravelPlanner`, `GPT-4`) or introduces as its method (`Orca`, `O3`, `Skill-it`). */
const namesOf = (paper: { title: string; abstract: string }) => {
  const method = extractMethod(paper);
  const names = findNames(`${paper.title}. ${paper.abstract}`).map(({ key }) => key);
  return new Set(method ? [...names, (method.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('-')] : names);
};
const frequency = new Map<string, number>();
for (const list of tags) for (const tag of list) frequency.set(tag, (frequency.get(tag) ?? 0) + 1);

/** Words a reader would never click on to find related papers; some were tags before. */
const genericWords = `method approach result results model models performance data dataset task tasks paper framework
  work problem setting way study analysis number set case type level need issue algorithm learning training
  benchmark evaluation experiment baseline accuracy technique strategy ability capability information process
  effect challenge insight question generation prediction function knowledge quality cost time scale step impact
  efficiency code tool validate little select selecting stream soft supervision infer dot latent structure common
  past small informative stage instance estimate ordered request summary sequence unseen online feedback adaptive
  linear system neural history interpretation labeling token probability lm-based context-learner agent user
  human expert language text image reward policy state action prompt response observation novel new large
  efficient effective robust simple general better improved proposed existing recent various different multiple
  open-source state-of-the-art real-world github https arxiv`.split(/\s+/);

describe('extractTags', () => {
  it('folds synonyms into one vocabulary tag', () => {
    const [first, second, third] = extractTags(
      [
        { title: 'Reinforcement Learning from Human Feedback for LLMs', abstract: 'We align large language models with RLHF.' },
        { title: 'RLHF at scale', abstract: 'An LLM trained with reinforcement learning from human feedback.' },
        { title: 'Scaling Large Language Models', abstract: 'Large-language models and LLMs are one thing.' },
      ],
      taxonomy,
    );
    for (const list of [first, second]) {
      expect(list).toContain('rlhf');
      expect(list).toContain('llm');
      expect(list).not.toContain('reinforcement-learning');
    }
    expect(third).toEqual(['llm']);
  });

  it('folds an acronym that a paper defines as a vocabulary term', () => {
    const [list] = extractTags(
      [{ title: 'Tuning at scale', abstract: 'We study parameter-efficient tuning (PET). PET is cheap, and PET works on any PET method.' }],
      taxonomy,
    );
    expect(list).toEqual(['peft']);
  });

  it('tags a key phrase shared by two papers, never one used by a single paper or made of generic words', () => {
    const listing = [
      { title: 'Quantum kernel alignment for shallow circuits', abstract: 'Quantum kernel alignment trains feature maps. Promising results follow.' },
      { title: 'Noise in quantum kernel alignment', abstract: 'We study quantum kernel alignment under noise. Promising results follow.' },
      { title: 'Photonic lattice design', abstract: 'Photonic lattice design is hard; photonic lattice design needs care. Promising results follow.' },
      { title: 'Another study', abstract: 'Nothing here is shared. Promising results follow.' },
    ];
    const [first, second, third, fourth] = extractTags(listing, taxonomy);
    expect(first).toContain('quantum-kernel-alignment');
    expect(second).toContain('quantum-kernel-alignment');
    expect(third).toEqual([]);
    expect(fourth).toEqual([]);
    for (const list of [first, second]) expect(list).not.toContain('promising-result');
  });

  it('tags names the paper introduces or uses, its own method first', () => {
    expect(byTitle('SPaR:')[0]).toBe('spar');
    expect(byTitle('Can We Rely on LLM Agents')).toContain('travelplanner');
    expect(byTitle('Adapting LLM Agents Through Communication')).toEqual(expect.arrayContaining(['gsm8k', 'alfworld', 'hotpotqa']));
    expect(byTitle('Orca:')).toEqual(expect.arrayContaining(['orca', 'gpt-4']));
    expect(byTitle('LoFiT:')[0]).toBe('lofit');
  });

  it('drops names that read as ordinary words', () => {
    const [list] = extractTags(
      [{ title: 'EVOLvE: evolving bandits', abstract: 'We introduce EVOLvE, a framework for contextual bandits. EVOLvE helps LLMs evolve.' }],
      taxonomy,
    );
    expect(list).not.toContain('evolve');
    expect(list).toContain('contextual-bandits');
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

  it('never uses a generic word, a stop tag or a URL fragment as a tag', () => {
    const banned = new Set([...genericWords, ...taxonomy.stopTags]);
    for (const list of tags) for (const tag of list) expect(banned.has(tag), tag).toBe(false);
  });

  it('keeps only tags shared by two papers, vocabulary terms, or names written in the paper', () => {
    tags.forEach((list, index) => {
      const paper = papers[index];
      const names = paper ? namesOf(paper) : new Set<string>();
      for (const tag of list) {
        const allowed = (frequency.get(tag) ?? 0) >= 2 || vocabulary.has(tag) || names.has(tag);
        expect(allowed, `${tag} in ${paper?.title}`).toBe(true);
      }
    });
  });

  it('takes single-word tags only from the vocabulary or from names', () => {
    tags.forEach((list, index) => {
      const paper = papers[index];
      const names = paper ? namesOf(paper) : new Set<string>();
      for (const tag of list.filter((tag) => !tag.includes('-'))) {
        expect(vocabulary.has(tag) || names.has(tag), `${tag} in ${paper?.title}`).toBe(true);
      }
    });
  });

  it('shows names and specific terms before broad ones', () => {
    // Whole areas: the broadest vocabulary terms and the topic ids.
    const broad = new Set(
      'llm language-models neural-networks transformers fine-tuning pretraining generalization reasoning foundation-models multimodal-learning natural-language-processing computer-vision'.split(' '),
    );
    for (const topic of taxonomy.topics) broad.add(topic.id);
    for (const list of tags) {
      const firstBroad = list.findIndex((tag) => broad.has(tag));
      if (firstBroad >= 0) expect(list.slice(firstBroad).every((tag) => broad.has(tag)), list.join(', ')).toBe(true);
    }
  });

  it('uses each one-off tag for a named method, benchmark, dataset or model, or a curated term', () => {
    const onceOnly = [...frequency].filter(([, count]) => count === 1).map(([tag]) => tag);
    const others = onceOnly.filter((tag) => !vocabulary.has(tag) && !papers.some((paper) => namesOf(paper).has(tag)));
    expect(others).toEqual([]);
  });

  it('is deterministic', () => {
    expect(extractTags(papers, taxonomy)).toEqual(tags);
  });
});
