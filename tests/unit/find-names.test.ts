import { describe, expect, it } from 'vitest';
import { findNames } from '../../src/pipeline/enrich/find-names.ts';

const keys = (text: string) => findNames(text).map(({ key, shape }) => `${key}:${shape}`);

describe('findNames', () => {
  it('finds coined names of methods, benchmarks, datasets and models', () => {
    expect(keys('We introduce TravelPlanner and test LoFiT, SPaR, GPT-4, GSM8K, ALFWorld, HotpotQA and Llama3-70B.')).toEqual([
      'travelplanner:coined',
      'lofit:coined',
      'spar:coined',
      'gpt-4:coined',
      'gsm8k:coined',
      'alfworld:coined',
      'hotpotqa:coined',
      'llama3-70b:coined',
    ]);
  });

  it('tells acronyms apart from coined names and folds their plurals', () => {
    expect(keys('an Automatic Discount Scheduling (ADS) mechanism for LLMs and NeuCBs')).toEqual(['ads:acronym', 'llm:acronym', 'neucb:coined']);
  });

  it('ignores title case and ordinary capitalised words', () => {
    expect(keys('SPaR: Self-Play with Tree-Search Refinement to Improve Instruction-Following in Meta-World')).toEqual(['spar:coined']);
    expect(keys('The Transformer of Cesa-Bianchi is Bayesian.')).toEqual([]);
  });

  it('drops ordinary words hyphenated onto a name', () => {
    expect(keys('a BM25-based retriever, LLM-parameterized learners, GPT-4-Turbo and CoT-tuning')).toEqual([
      'bm25:coined',
      'llm:acronym',
      'gpt-4:coined',
      'cot:coined',
    ]);
  });

  it('rejects numbered words, two-letter names and checkpoint chains', () => {
    expect(keys('Top-1 accuracy in Stage-2 and Table-3 with an F1 of 0.9, ML and SFR-Iterative-DPO-LLaMA-3-8B-R')).toEqual([]);
  });

  it('keeps version numbers with a dot', () => {
    expect(keys('compared with GPT-3.5 and ML-1M')).toEqual(['gpt-3-5:coined', 'ml-1m:coined']);
  });
});
