import { describe, expect, it } from 'vitest';
import { createPhraseMatcher } from '../../src/pipeline/enrich/match-phrases.ts';
import { foldPlural, toStems, toTerms } from '../../src/pipeline/enrich/tokenize.ts';

describe('tokenize', () => {
  it('stems words so that plurals and inflections meet', () => {
    expect(toStems('Bandits LLMs learning')).toEqual(toStems('bandit llm learn'));
  });

  it('leaves stop words, numbers and single letters out of terms', () => {
    expect(toTerms('We propose a novel method for 3 bandits in T rounds')).toEqual(['bandit', 'round']);
  });

  it('folds plurals and nothing else', () => {
    expect(['bandits', 'llms', 'classes', 'policies', 'process', 'physics', 'bias'].map(foldPlural)).toEqual([
      'bandit', 'llm', 'class', 'policy', 'process', 'physics', 'bias',
    ]);
  });
});

describe('createPhraseMatcher', () => {
  it('takes the longest phrase and never overlaps matches', () => {
    const match = createPhraseMatcher(['reinforcement learning', 'reinforcement learning from human feedback', 'human feedback']);
    const found = match(toStems('Reinforcement Learning from Human Feedback beats reinforcement learning'));
    expect(found.map(({ start, length }) => [start, length])).toEqual([[0, 5], [6, 2]]);
  });

  it('matches hyphenated and spaced spellings alike', () => {
    const match = createPhraseMatcher(['in-context learning']);
    expect(match(toStems('in context learning'))).toHaveLength(1);
  });
});
