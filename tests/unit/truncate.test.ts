import { describe, expect, it } from 'vitest';
import { cutAtGrapheme } from '../../src/lib/truncate.ts';
import { summarize } from '../../src/pipeline/enrich/summarize.ts';

/** True when a string holds a surrogate without its pair: invalid in JSON-LD, HTML and feeds. */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('cutAtGrapheme', () => {
  it('never splits a surrogate pair or an emoji sequence', () => {
    const text = 'ab\u{1F600}\u{1F469}\u200D\u{1F52C}c';
    for (let max = 0; max <= text.length; max += 1) {
      const cut = cutAtGrapheme(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(hasLoneSurrogate(cut), `max ${max}`).toBe(false);
      expect(text.startsWith(cut)).toBe(true);
    }
    expect(cutAtGrapheme(text, 4)).toBe('ab\u{1F600}');
  });
});

describe('summarize', () => {
  it('cuts a 5,000-character sentence of emoji without a lone surrogate', () => {
    const summary = summarize('\u{1F600}'.repeat(2500));
    expect(hasLoneSurrogate(summary)).toBe(false);
    expect(summary.endsWith('\u2026')).toBe(true);
  });
});
