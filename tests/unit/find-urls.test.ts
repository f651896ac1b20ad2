import { describe, expect, it } from 'vitest';
import { findUrls } from '../../src/pipeline/find-urls.ts';

const urls = (text: string) => findUrls(text).map((match) => match.url);

describe('findUrls', () => {
  it('drops trailing sentence punctuation and unbalanced closers', () => {
    expect(urls('Code: https://github.com/a/b. More (see https://aka.ms/orca-lm), and https://x.org/a_(b).')).toEqual([
      'https://github.com/a/b',
      'https://aka.ms/orca-lm',
      'https://x.org/a_(b)',
    ]);
  });

  it('reads TeX \\url{} and reports the span it covers', () => {
    const text = 'at \\url{https://github.com/a/b}.';
    expect(findUrls(text)).toEqual([{ url: 'https://github.com/a/b', start: 3, end: text.length - 1 }]);
  });

  it('stops at braces and ignores a bare scheme', () => {
    expect(urls('{https://github.com/a/b} and https:// alone')).toEqual(['https://github.com/a/b']);
  });

  // Linear in the length of the text: at 20,000 parentheses a quadratic trim took 12-15 s, so at
  // 200,000 it would outlast the test's timeout by minutes.
  it('trims 200,000 closing parentheses after a URL in one pass', () => {
    const text = `see https://github.com/a/b${')'.repeat(200_000)} and \\url{https://x.org/${'('.repeat(200_000)}`;
    expect(urls(text)).toEqual(['https://github.com/a/b', `https://x.org/${'('.repeat(200_000)}`]);
  });
});
