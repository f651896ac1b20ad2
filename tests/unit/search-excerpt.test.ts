import { describe, expect, it } from 'vitest';
import { excerptParts, summaryExcerpt, withoutAbstractLabel } from '../../src/client/search/excerpt.ts';

describe('excerptParts', () => {
  it('takes the words from the content, so entities and markup-like text stay literal', () => {
    const content = 'Title. Abstract. &lt;b&gt; is not <b> and &amp; stays.';
    // What Pagefind makes of it: `<` and `>` escaped, `&` not, a window with marked words.
    const excerpt = '&lt;b&gt; is not &lt;b&gt; and <mark>&amp;</mark> stays.';
    expect(excerptParts(content, excerpt)).toEqual([
      { text: '… &lt;b&gt; is not <b> and ', mark: false },
      { text: '&amp;', mark: true },
      { text: ' stays.', mark: false },
    ]);
  });

  it('marks adjacent matched words separately', () => {
    expect(excerptParts('a b c d', 'b <mark>c</mark> <mark>d</mark>')).toEqual([
      { text: '… b ', mark: false },
      { text: 'c', mark: true },
      { text: ' ', mark: false },
      { text: 'd', mark: true },
    ]);
  });

  it('puts an ellipsis where the abstract goes on, before or after, and none where the excerpt is all of it', () => {
    const content = 'We study agents. They plan with tools, and tools fail. We fix that.';
    const text = (excerpt: string) => excerptParts(content, excerpt)!.map((part) => part.text).join('');
    expect(text('They plan with <mark>tools,</mark> and')).toBe('… They plan with tools, and …');
    expect(text('We study <mark>agents.</mark> They')).toBe('We study agents. They …');
    expect(text('and tools fail. We <mark>fix</mark> that.')).toBe('… and tools fail. We fix that.');
    expect(text(content.replace('agents.', '<mark>agents.</mark>'))).toBe(content);
    // Pagefind's window holds whole words of the content: the cut falls between words.
    expect(excerptParts(content, 'ey plan <mark>with</mark>')).toBeUndefined();
  });

  it("leaves out an `Abstract` heading at the start, unless it is what the query matched", () => {
    const content = 'Abstract: Language models learn. They do.';
    expect(excerptParts(content, 'Abstract: Language <mark>models</mark> learn.')).toEqual([
      { text: 'Language ', mark: false },
      { text: 'models', mark: true },
      { text: ' learn. …', mark: false },
    ]);
    expect(excerptParts(content, '<mark>Abstract:</mark> Language models')![0]).toEqual({ text: 'Abstract:', mark: true });
    expect(excerptParts('ABSTRACT. Abstract models.', 'ABSTRACT. <mark>Abstract</mark> models.')!.map((part) => part.text).join('')).toBe('Abstract models.');
  });

  it('drops the heading from a summary too', () => {
    expect(withoutAbstractLabel('Abstract Language Models (LMs) achieve much.')).toBe('Language Models (LMs) achieve much.');
    expect(withoutAbstractLabel('ABSTRACT: We study.')).toBe('We study.');
    expect(withoutAbstractLabel('Abstracts of papers are short.')).toBe('Abstracts of papers are short.');
    expect(withoutAbstractLabel('Abstract')).toBe('Abstract');
  });

  it('ends a summary with an ellipsis when the abstract goes on, and only then', () => {
    const content = 'Language Models (LMs) achieve much. They do more.';
    expect(summaryExcerpt('Abstract Language Models (LMs) achieve much.', `Abstract ${content}`)).toBe('Language Models (LMs) achieve much. …');
    expect(summaryExcerpt('Language Models (LMs) achieve much.', 'Language Models (LMs) achieve much.')).toBe('Language Models (LMs) achieve much.');
    // Cut short by the pipeline, it has one already.
    expect(summaryExcerpt('Language Models (LMs) achieve …', content)).toBe('Language Models (LMs) achieve …');
  });

  it('gives up on an excerpt that is not a window of the content', () => {
    expect(excerptParts('a b c', 'x <mark>y</mark>')).toBeUndefined();
  });
});
