import { describe, expect, it } from 'vitest';
import { nameTags } from '../../src/pipeline/enrich/tag-names.ts';
import { tagIdOf } from '../../src/schema/taxonomy.ts';

const none = new Map<string, string>();

/** Names of one tag carried by every paper. */
function nameOf(tag: string, texts: { title: string; abstract: string }[], preferred = none): string | undefined {
  return nameTags(texts, texts.map(() => [tag]), preferred).get(tag);
}

describe('nameTags', () => {
  it('names a tag as the papers with it spell it most often', () => {
    const papers = [
      { title: 'Cheap adapters', abstract: 'We fine-tune with LoRA. LoRA is cheap.' },
      { title: 'More adapters', abstract: 'Unlike Lora, our adapters are dense.' },
    ];
    expect(nameOf('lora', papers)).toBe('LoRA');
  });

  it('folds plurals into the id and keeps a dot between digits', () => {
    expect(nameOf('llm', [{ title: 'Scaling', abstract: 'We study LLMs and an LLM.' }])).toBe('LLM');
    expect(nameOf('transformers', [{ title: 'Scaling', abstract: 'Each of our Transformer blocks.' }])).toBe('Transformers');
    expect(nameOf('gpt-3-5', [{ title: 'Scaling', abstract: 'We compare with GPT-3.5 and GPT-3.5.' }])).toBe('GPT-3.5');
  });

  it('keeps acronyms in tags of several words, and their other words lower case', () => {
    const papers = [
      { title: 'Offline RL with Observation Histories', abstract: 'Offline RL is hard. We study offline RL.' },
      { title: 'Pessimism', abstract: 'In-Context Learning (ICL) and in-context learning are one thing.' },
    ];
    expect(nameTags(papers, [['offline-rl'], ['in-context-learning']], none)).toEqual(new Map([['offline-rl', 'offline-RL']]));
  });

  it('takes a capitalised word as a name only where case says something', () => {
    // In a title and at a sentence start, capitals are title case.
    expect(nameOf('planning', [{ title: 'Planning Ahead', abstract: 'Planning is hard. We study planning.' }])).toBeUndefined();
    expect(nameOf('vicuna', [{ title: 'Chatbots', abstract: 'We compare with Vicuna and with Vicuna again.' }])).toBe('Vicuna');
  });

  it('never counts a spelling inside a longer word or a compound', () => {
    const papers = [{ title: 'Probing', abstract: 'We compare MultiLoRA, LoRAX and LoRAX, non-LLM and non-LLM baselines, with lora and an llm.' }];
    expect(nameTags(papers, [['lora', 'llm']], none)).toEqual(new Map());
    // A name may head a compound: `LoRA-based` spells LoRA.
    expect(nameOf('lora', [{ title: 'Adapters', abstract: 'LoRA-based tuning beats lora.' }])).toBeUndefined();
    expect(nameOf('lora', [{ title: 'Adapters', abstract: 'We study LoRA-based tuning.' }])).toBe('LoRA');
  });

  it('gives ties to the id, then to the first spelling in code-point order', () => {
    expect(nameOf('lora', [{ title: 'Adapters', abstract: 'We use LoRA and lora.' }])).toBeUndefined();
    expect(nameOf('llama', [{ title: 'Models', abstract: 'We use Llama and LLaMA.' }])).toBe('LLaMA');
  });

  it('prefers the taxonomy name, and names a tag the same on every paper', () => {
    const papers = [
      { title: 'Alignment', abstract: 'We study Rlhf, and Rlhf again.' },
      { title: 'More alignment', abstract: 'We study rlhf and RLHF.' },
    ];
    expect(nameTags(papers, [['rlhf'], ['rlhf']], new Map([['rlhf', 'RLHF']]))).toEqual(new Map([['rlhf', 'RLHF']]));
    expect(nameTags(papers, [['rlhf'], ['rlhf']], none)).toEqual(new Map([['rlhf', 'Rlhf']]));
  });

  it('names only the tags in use, each spelling its id, sorted by id', () => {
    const papers = [{ title: 'Benchmarks', abstract: 'We test GPT-4 on GSM8K and on MMLU.' }];
    const names = nameTags(papers, [['mmlu', 'gsm8k', 'gpt-4']], new Map([['lora', 'LoRA']]));
    expect([...names]).toEqual([
      ['gpt-4', 'GPT-4'],
      ['gsm8k', 'GSM8K'],
      ['mmlu', 'MMLU'],
    ]);
    for (const [tag, name] of names) expect(tagIdOf(name)).toBe(tag);
  });

  it('ignores URLs', () => {
    expect(nameOf('lora', [{ title: 'Adapters', abstract: 'Code: https://github.com/x/LoRA and https://github.com/y/LoRA.' }])).toBeUndefined();
  });
});
