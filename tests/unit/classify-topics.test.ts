import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyTopics } from '../../src/pipeline/enrich/classify-topics.ts';
import { loadTaxonomy, taxonomySchema } from '../../src/schema/taxonomy.ts';
import { evaluateTopicLabels } from '../../scripts/lib/topic-agreement.ts';

const taxonomy = loadTaxonomy();

describe('classifyTopics', () => {
  it('puts the topic named in the title first', () => {
    const topics = classifyTopics(
      { title: 'Contextual Bandits with Online Neural Regression', abstract: 'We prove a regret bound of O(log T) for contextual bandits.' },
      taxonomy,
    );
    expect(topics[0]).toBe('bandits-online-learning');
    expect(topics).toContain('learning-theory');
  });

  it('returns one to three known topic ids without repeats', () => {
    const ids = new Set(taxonomy.topics.map((topic) => topic.id));
    const topics = classifyTopics(
      { title: 'RLHF with LoRA for Multimodal Agents', abstract: 'We align vision-language agents with RLHF and LoRA, using in-context learning and federated clients.' },
      taxonomy,
    );
    expect(topics.length).toBeGreaterThanOrEqual(1);
    expect(topics.length).toBeLessThanOrEqual(3);
    expect(new Set(topics).size).toBe(topics.length);
    for (const id of topics) expect(ids.has(id)).toBe(true);
  });

  it('does not count a keyword the paper says it does without', () => {
    const topics = classifyTopics(
      { title: 'Latent Structure in LLMs', abstract: 'LLMs infer latent facts without in-context learning, and we study their reasoning.' },
      taxonomy,
    );
    expect(topics).not.toContain('in-context-learning');
  });

  it('files agents without a language model under reinforcement learning, not LLM agents', () => {
    const topics = classifyTopics({ title: 'Agents in Gridworlds', abstract: 'An agent explores the environment and maximises reward with a policy.' }, taxonomy);
    expect(topics[0]).toBe('reinforcement-learning');
    expect(topics).not.toContain('llm-agents');
  });

  it('falls back to the configured topic when nothing matches', () => {
    expect(classifyTopics({ title: 'Untitled', abstract: 'Nothing to see here.' }, taxonomy)).toEqual([taxonomy.fallbackTopic]);
  });

  it('rejects a taxonomy whose fallback topic does not exist', () => {
    const result = taxonomySchema.safeParse({ topics: [{ id: 'a', name: 'A', description: 'A.', keywords: { a: 1 } }], fallbackTopic: 'b' });
    expect(result.success).toBe(false);
  });
});

describe('topic quality on the hand-labelled default listing', () => {
  it('keeps micro-F1 at or above 0.8 and finds the main topic for 90% of papers', () => {
    const labels = fileURLToPath(new URL('../fixtures/labels/trending-papers.yaml', import.meta.url));
    const result = evaluateTopicLabels(labels, taxonomy);
    expect(result.papers).toBe(85);
    expect(result.f1).toBeGreaterThanOrEqual(0.8);
    expect(result.mainHitRate).toBeGreaterThanOrEqual(0.9);
  });
});
