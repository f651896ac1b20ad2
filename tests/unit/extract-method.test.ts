import { describe, expect, it } from 'vitest';
import { extractMethod } from '../../src/pipeline/enrich/extract-method.ts';

describe('extractMethod', () => {
  it('takes a coined name before the title colon', () => {
    expect(extractMethod({ title: 'SPaR: Self-Play with Tree-Search Refinement', abstract: 'We study instruction following.' })).toBe('SPaR');
  });

  it('takes a plain title name only when the abstract introduces it', () => {
    expect(extractMethod({ title: 'Orca: Progressive Learning', abstract: 'To address this, we develop Orca, a 13-billion parameter model.' })).toBe('Orca');
    expect(extractMethod({ title: 'Grokking: Generalization Beyond Overfitting', abstract: 'Networks learn by grokking a pattern.' })).toBeUndefined();
  });

  it('takes the acronym defined for the proposed method', () => {
    const abstract = 'Imitation Learning from Observations (ILfO) is hard. We introduce an Automatic Discount Scheduling (ADS) mechanism that adapts.';
    expect(extractMethod({ title: 'Imitation Learning from Observation with Automatic Discount Scheduling', abstract })).toBe('ADS');
  });

  it('prefers the acronym of a name after "dubbed"', () => {
    const abstract = 'In this paper, we position prompting as PET, and propose a unified CL framework, dubbed as Learning-Accumulation-Ensemble (LAE).';
    expect(extractMethod({ title: 'A Unified Continual Learning Framework', abstract })).toBe('LAE');
  });

  it('ignores acronyms of things the method is not', () => {
    expect(extractMethod({ title: 'Token Rewards', abstract: 'We introduce a framework that models RLHF as a Markov decision process (MDP).' })).toBeUndefined();
    expect(extractMethod({ title: 'RLHF Workflow: From Reward Modeling', abstract: 'We present the workflow of Reinforcement Learning from Human Feedback (RLHF).' })).toBeUndefined();
  });

  it('returns nothing for an abstract that names nothing', () => {
    expect(extractMethod({ title: 'On the Role of Feedback', abstract: 'We study how feedback shapes regret. We prove matching bounds.' })).toBeUndefined();
  });
});
