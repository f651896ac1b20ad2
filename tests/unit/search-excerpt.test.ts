import { describe, expect, it } from 'vitest';
import { excerptParts } from '../../src/client/search/excerpt.ts';

describe('excerptParts', () => {
  it('takes the words from the content, so entities and markup-like text stay literal', () => {
    const content = 'Title. Abstract. &lt;b&gt; is not <b> and &amp; stays.';
    // What Pagefind makes of it: `<` and `>` escaped, `&` not, a window with marked words.
    const excerpt = '&lt;b&gt; is not &lt;b&gt; and <mark>&amp;</mark> stays.';
    expect(excerptParts(content, excerpt)).toEqual([
      { text: '&lt;b&gt; is not <b> and ', mark: false },
      { text: '&amp;', mark: true },
      { text: ' stays.', mark: false },
    ]);
  });

  it('marks adjacent matched words separately', () => {
    expect(excerptParts('a b c d', 'b <mark>c</mark> <mark>d</mark>')).toEqual([
      { text: 'b ', mark: false },
      { text: 'c', mark: true },
      { text: ' ', mark: false },
      { text: 'd', mark: true },
    ]);
  });

  it('gives up on an excerpt that is not a window of the content', () => {
    expect(excerptParts('a b c', 'x <mark>y</mark>')).toBeUndefined();
  });
});
