import { describe, expect, it } from 'vitest';
import { extractCodeLinks } from '../../src/pipeline/enrich/extract-code-links.ts';

describe('extractCodeLinks', () => {
  it('finds repository and project-page links without trailing punctuation', () => {
    expect(extractCodeLinks('Code is at https://github.com/thu-coai/SPaR. See https://lamo2023.github.io')).toEqual([
      'https://github.com/thu-coai/SPaR',
      'https://lamo2023.github.io',
    ]);
  });

  it('reads links inside \\url{...} without the braces', () => {
    expect(extractCodeLinks('Published on \\url{https://github.com/YookiTong/Learn-from-Mistakes-CotErrorSet}.')).toEqual([
      'https://github.com/YookiTong/Learn-from-Mistakes-CotErrorSet',
    ]);
  });

  it('drops a closing parenthesis that belongs to the text', () => {
    expect(extractCodeLinks('(code: https://gitlab.com/a/b), and (models: https://huggingface.co/org/model).')).toEqual([
      'https://gitlab.com/a/b',
      'https://huggingface.co/org/model',
    ]);
  });

  it('keeps other hosts only when the sentence speaks of code', () => {
    expect(extractCodeLinks('Our implementation is at https://example.org/tool. Data: https://zenodo.org/record/1.')).toEqual([
      'https://example.org/tool',
    ]);
    expect(extractCodeLinks('The weights will be published at https://aka.ms/orca-lm.')).toEqual([]);
  });

  it('lists each link once, in order', () => {
    expect(extractCodeLinks('https://github.com/a/b and https://GitHub.com/a/b/ and https://codeberg.org/c/d')).toEqual([
      'https://github.com/a/b',
      'https://codeberg.org/c/d',
    ]);
  });
});
