import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractMethod } from '../../src/pipeline/enrich/extract-method.ts';
import { extractTags } from '../../src/pipeline/enrich/extract-tags.ts';
import { findNames } from '../../src/pipeline/enrich/find-names.ts';
import { parseListings } from '../../src/pipeline/parse.ts';
import { loadTaxonomy, tagIdOf } from '../../src/schema/taxonomy.ts';

const taxonomy = loadTaxonomy();
const vocabulary = new Set(taxonomy.tags.map((tag) => tag.id));
const listingPath = fileURLToPath(new URL('../../content/source/trending-papers.txt', import.meta.url));
const papers = parseListings([{ file: 'trending-papers.txt', text: readFileSync(listingPath, 'utf8') }]);
const { tags, names: tagNames } = extractTags(papers, taxonomy);
const byTitle = (start: string) => tags[papers.findIndex((paper) => paper.title.startsWith(start))] ?? [];
/** Kebab-case key of a method name (`Skill-it` gives `skill-it`). */
const keyOf = (method: string) => (method.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('-');
/** Names a paper writes (`TravelPlanner`, `GPT-4`) or introduces as its method (`Orca`, `O3`, `Skill-it`). */
const namesOf = (paper: { title: string; abstract: string }) => {
  const method = extractMethod(paper);
  const names = findNames(`${paper.title}. ${paper.abstract}`).map(({ key }) => key);
  return new Set(method ? [...names, keyOf(method)] : names);
};
/** The tag lists of a listing, for tests that need no names. */
const tagsOf = (...args: Parameters<typeof extractTags>) => extractTags(...args).tags;
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
    const [first, second, third] = tagsOf(
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
    const lists = tagsOf(
      [
        { title: 'Tuning at scale', abstract: 'We study parameter-efficient tuning (PET). PET is cheap, and PET works on any PET method.' },
        { title: 'Adapters', abstract: 'Parameter-efficient fine-tuning of adapters.' },
      ],
      taxonomy,
    );
    expect(lists).toEqual([['peft'], ['peft']]);
  });

  it('tags a key phrase shared by two papers, never one used by a single paper or made of generic words', () => {
    const listing = [
      { title: 'Quantum kernel alignment for shallow circuits', abstract: 'Quantum kernel alignment trains feature maps. Promising results follow.' },
      { title: 'Noise in quantum kernel alignment', abstract: 'We study quantum kernel alignment under noise. Promising results follow.' },
      { title: 'Photonic lattice design', abstract: 'Photonic lattice design is hard; photonic lattice design needs care. Promising results follow.' },
      { title: 'Another study', abstract: 'Nothing here is shared. Promising results follow.' },
    ];
    const [first, second, third, fourth] = tagsOf(listing, taxonomy);
    expect(first).toContain('quantum-kernel-alignment');
    expect(second).toContain('quantum-kernel-alignment');
    expect(third).toEqual([]);
    expect(fourth).toEqual([]);
    for (const list of [first, second]) expect(list).not.toContain('promising-result');
  });

  it('tags names that papers share, never a name only one paper uses', () => {
    expect(byTitle('Orca:')).toEqual(expect.arrayContaining(['gpt-4', 'chatgpt']));
    expect(byTitle('SPaR:')).toEqual(expect.arrayContaining(['gpt-4', 'llama']));
    // Each paper's own method is its `method`, not a tag: no other paper of the listing uses them.
    for (const [start, method] of [['SPaR:', 'spar'], ['Orca:', 'orca'], ['LoFiT:', 'lofit'], ['UER:', 'uer'], ['Item-Language Model', 'ilm']] as const) {
      expect(byTitle(start), start).not.toContain(method);
    }
    expect(byTitle('Can We Rely on LLM Agents')).not.toContain('travelplanner');
  });

  it("tags a paper's method when other papers use the name too, first", () => {
    const listing = [
      { title: 'PlanFormer: transformers that plan', abstract: 'We introduce PlanFormer, a planner for offline RL.' },
      { title: 'Offline RL benchmarks', abstract: 'We compare PlanFormer with classical planners on offline RL tasks.' },
    ];
    const [own, other] = tagsOf(listing, taxonomy);
    expect(own?.[0]).toBe('planformer');
    expect(other).toContain('planformer');
  });

  it('drops names that read as ordinary words', () => {
    const lists = tagsOf(
      [
        { title: 'EVOLvE: evolving bandits', abstract: 'We introduce EVOLvE, a framework for contextual bandits. EVOLvE helps LLMs evolve.' },
        { title: 'Bandits everywhere', abstract: 'EVOLvE and other contextual bandits.' },
      ],
      taxonomy,
    );
    for (const list of lists) {
      expect(list).not.toContain('evolve');
      expect(list).toContain('contextual-bandits');
    }
  });

  it('never cuts a tag out of a hyphenated compound', () => {
    // A vocabulary term: "real-world models" are not world models.
    const [world, realWorld] = tagsOf(
      [
        { title: 'Learning world models online', abstract: 'World models predict the next state.' },
        { title: 'Probing real-world models', abstract: 'We probe real-world models of language.' },
      ],
      taxonomy,
    );
    expect(world).not.toContain('world-models');
    expect(realWorld).not.toContain('world-models');
    // A key phrase: neither "multi-kernel alignment" nor "kernel alignment-based" is kernel alignment.
    const [first, second, third] = tagsOf(
      [
        { title: 'Kernel alignment for shallow circuits', abstract: 'Kernel alignment trains feature maps.' },
        { title: 'Noise in kernel alignment', abstract: 'We study kernel alignment under noise.' },
        { title: 'Photonic lattice tuning', abstract: 'Our multi-kernel alignment and kernel alignment-based tuning, with kernel alignment-based losses.' },
        // Enough other papers that three of twelve may share a phrase.
        ...Array.from({ length: 9 }, (_, index) => ({ title: `Study ${index}`, abstract: 'Nothing here is shared.' })),
      ],
      taxonomy,
    );
    expect(first).toContain('kernel-alignment');
    expect(second).toContain('kernel-alignment');
    expect(third).not.toContain('kernel-alignment');
  });

  it('gives every paper of the default listing at most 8 distinct kebab-case tags, most of them 3 or more', () => {
    expect(tags).toHaveLength(papers.length);
    for (const list of tags) {
      expect(list.length).toBeLessThanOrEqual(8);
      expect(new Set(list).size).toBe(list.length);
      for (const tag of list) expect(tag).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    expect(tags.filter((list) => list.length >= 3).length / tags.length).toBeGreaterThan(0.8);
  });

  it('puts every tag of the default listing on two papers or more', () => {
    for (const [tag, count] of frequency) expect(count, tag).toBeGreaterThanOrEqual(2);
    expect(frequency.size).toBeGreaterThan(60);
  });

  it('never uses a generic word, a stop tag or a URL fragment as a tag', () => {
    const banned = new Set([...genericWords, ...taxonomy.stopTags]);
    for (const list of tags) for (const tag of list) expect(banned.has(tag), tag).toBe(false);
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
    // Whole areas: the taxonomy's broad tags and the topic ids.
    const broad = new Set([...taxonomy.broadTags, ...taxonomy.topics.map((topic) => topic.id)]);
    expect(broad).toContain('llm');
    for (const list of tags) {
      const firstBroad = list.findIndex((tag) => broad.has(tag));
      if (firstBroad >= 0) expect(list.slice(firstBroad).every((tag) => broad.has(tag)), list.join(', ')).toBe(true);
    }
  });

  it('takes methods found by the caller instead of finding them again', () => {
    expect(extractTags(papers, taxonomy, papers.map((paper) => extractMethod(paper)))).toEqual({ tags, names: tagNames });
    const paper = { title: 'Offline RL with diffusion models and transformers', abstract: 'We study offline RL with diffusion models.' };
    expect(tagsOf([paper, paper], taxonomy, ['Dune', 'Dune']).map((list) => list[0])).toEqual(['dune', 'dune']);
    expect(() => extractTags([paper], taxonomy, [])).toThrow(RangeError);
  });

  it('takes broad tags and tag relations from the taxonomy', () => {
    const paper = {
      title: 'Offline RL with diffusion models and transformers',
      abstract: 'Reinforcement learning from logged data is offline RL. We bring diffusion models and transformers to reinforcement learning, and large language models too; LLMs help.',
    };
    const listing = [paper, paper];
    expect(tagsOf(listing, taxonomy)[0]).toEqual(['diffusion-models', 'offline-rl', 'transformers', 'llm']);
    // `offline-rl` makes `reinforcement-learning` redundant only because the taxonomy says so.
    expect(tagsOf(listing, { ...taxonomy, redundantWith: {} })[0]).toContain('reinforcement-learning');
    // A broad tag goes after the specific ones.
    const broader = { ...taxonomy, broadTags: [...taxonomy.broadTags, 'diffusion-models'] };
    expect(tagsOf(listing, broader)[0]).toEqual(['offline-rl', 'diffusion-models', 'transformers', 'llm']);
  });

  it("gives a narrower tag's place back to the broader one when the narrower one is on no other paper", () => {
    const listing = [
      { title: 'Online active learning', abstract: 'A survey of online active learning: active learning on data streams.' },
      { title: 'Active learning for vision', abstract: 'Active learning picks images to label, unlike passive learning on data streams.' },
    ];
    const [survey, vision] = tagsOf(listing, taxonomy);
    expect(survey).toContain('active-learning');
    expect(survey).not.toContain('online-active-learning');
    expect(vision).toContain('active-learning');
  });
});

describe('extractTags names', () => {
  it('names tags as the taxonomy or the listing spells them, one name per tag', () => {
    expect(tagNames.get('rlhf')).toBe('RLHF');
    expect(tagNames.get('gpt-4')).toBe('GPT-4');
    expect(tagNames.get('lora')).toBe('LoRA');
    expect(tagNames.get('llm')).toBe('LLM');
    // Terms that read as their id have no name.
    expect(tagNames.has('in-context-learning')).toBe(false);
    expect(tagNames.has('pretraining')).toBe(false);
    const used = new Set(tags.flat());
    for (const [tag, name] of tagNames) {
      expect(used.has(tag), tag).toBe(true);
      expect(tagIdOf(name), name).toBe(tag);
      expect(name).not.toBe(tag);
    }
    expect([...tagNames.keys()]).toEqual([...tagNames.keys()].sort());
  });
});

describe('extractTags day by day', () => {
  // The default listing as two days: the first 60 papers, then 25 more.
  const days = papers.map((_, index) => (index < 60 ? 0 : 1));
  const both = extractTags(papers, taxonomy, undefined, days);

  it('ranks a day against the days up to it only: a later day that shares nothing changes nothing before it', () => {
    // Papers whose words no earlier paper uses: they only grow the listing, which would shift
    // every earlier score if the whole listing were ranked at once.
    const unrelated = Array.from({ length: 40 }, (_, index) => ({
      title: `Zorblat quenchmoss ${index}`,
      abstract: `We study zorblat quenchmoss variant ${index} with frabjous snickersnee, and frabjous snickersnee again.`,
    }));
    const grown = extractTags([...papers, ...unrelated], taxonomy, undefined, [...papers.map(() => 0), ...unrelated.map(() => 1)]);
    expect(grown.tags.slice(0, papers.length)).toEqual(tags);
  });

  it('tags the new day too, and every tag is on two papers', () => {
    expect(both.tags.slice(60).flat().length).toBeGreaterThan(25);
    const uses = new Map<string, number>();
    for (const tag of both.tags.flat()) uses.set(tag, (uses.get(tag) ?? 0) + 1);
    expect([...uses].filter(([, count]) => count < 2)).toEqual([]);
  });

  it('keeps a tag two papers of different days share', () => {
    const shared = both.tags.slice(0, 60).flat().filter((tag) => both.tags.slice(60).flat().includes(tag));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('refuses days that go back', () => {
    expect(() => extractTags(papers.slice(0, 3), taxonomy, undefined, [1, 0, 0])).toThrow(RangeError);
  });
});
