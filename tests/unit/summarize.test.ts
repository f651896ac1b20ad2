import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/pipeline/enrich/summarize.ts';

describe('summarize', () => {
  it('returns the first sentence', () => {
    expect(summarize('We study bandits. Then we prove bounds.')).toBe('We study bandits.');
  });

  it.each([
    ['abbreviations', 'We use tools, e.g. Fig. 3, i.e. a plot, as in Smith et al. (2020) vs. GPT-4. Next sentence.'],
    ['decimals', 'Accuracy rises from 0.5 to 0.75 with 3.2x less compute. Next sentence.'],
    ['initials', 'Following J. Doe and A. B. Smith we extend the method. Next sentence.'],
  ])('is not fooled by %s', (_, abstract) => {
    expect(summarize(abstract)).toBe(abstract.slice(0, abstract.indexOf(' Next sentence.')));
  });

  it('keeps a closing quote or bracket with the sentence end', () => {
    expect(summarize('They ask "can it learn?" Then they answer.')).toBe('They ask "can it learn?"');
  });

  it('cuts a long first sentence at a word boundary with an ellipsis', () => {
    const summary = summarize(`${'word '.repeat(100)}end. Next.`);
    expect(summary.length).toBeLessThanOrEqual(241);
    expect(summary.endsWith('word\u2026')).toBe(true);
  });

  it('returns the whole text when it has no sentence end', () => {
    expect(summarize('  a fragment without a period ')).toBe('a fragment without a period');
  });
});
