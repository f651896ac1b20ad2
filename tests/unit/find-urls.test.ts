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
});
