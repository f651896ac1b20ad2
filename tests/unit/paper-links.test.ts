import { describe, expect, it } from 'vitest';
import { findPaperLinks } from '../../src/lib/paper-links.ts';

describe('findPaperLinks', () => {
  it('links the arXiv id, DOI and PDF the abstract gives', () => {
    const { direct } = findPaperLinks('T', 'See arXiv:2401.01234v2, doi 10.1145/3442188.3445922. and https://example.org/paper.pdf.');
    expect(direct).toEqual([
      { text: 'arXiv:2401.01234', href: 'https://arxiv.org/abs/2401.01234' },
      { text: 'DOI 10.1145/3442188.3445922', href: 'https://doi.org/10.1145/3442188.3445922' },
      { text: 'PDF', href: 'https://example.org/paper.pdf' },
    ]);
    expect(findPaperLinks('T', 'at https://arxiv.org/pdf/2301.00001.pdf').direct).toEqual([{ text: 'arXiv:2301.00001', href: 'https://arxiv.org/abs/2301.00001' }]);
  });

  it('always offers title searches, the title encoded', () => {
    const { direct, searches } = findPaperLinks('A/B & "Tests"', 'No links here.');
    expect(direct).toEqual([]);
    expect(searches.map((link) => link.href)).toEqual([
      'https://arxiv.org/search/?query=A%2FB%20%26%20%22Tests%22&searchtype=title',
      'https://www.semanticscholar.org/search?q=A%2FB%20%26%20%22Tests%22',
      'https://scholar.google.com/scholar?q=%22A%2FB%20%26%20%22Tests%22%22',
    ]);
  });
});
