import { describe, expect, it } from 'vitest';
import { readPapers } from '../../src/pipeline/generate-pages.ts';
import { paperKey } from '../../src/pipeline/merge-listings.ts';

const day = (label: string, ...papers: [string, string][]) => `${label}\n\n${papers.map(([title, abstract]) => `${title}\n\n${abstract}\n`).join('\n')}`;

describe('paperKey', () => {
  it('is equal for titles that differ in Unicode form, case and spacing only', () => {
    expect(paperKey('Deep  Nets for ＡＢＣ')).toBe(paperKey('deep nets for abc'));
    expect(paperKey(' Deep\tNets ')).toBe(paperKey('DEEP NETS'));
    expect(paperKey('A/B Testing')).not.toBe(paperKey('A-B Testing'));
  });
});

describe('mergeListings', () => {
  const listings = [
    { file: '2024-03-13.txt', text: day('Mar 13', ['Alpha', 'a1'], ['Beta', 'b1']) },
    { file: '2024-03-14.txt', text: day('Mar 14', ['Gamma', 'g1'], ['alpha', 'a2'], ['BETA ', 'b1']) },
    { file: '2024-03-15.txt', text: day('Mar 15', ['Beta', 'b1'], ['Gamma', 'g1'], ['Gamma', 'g1']) },
  ];

  it('gives one paper per distinct title, with every day it was listed, oldest first', () => {
    const { papers } = readPapers(listings);
    expect(papers.map((paper) => [paper.title, paper.listings.map((listing) => `${listing.day}#${listing.rank}`)])).toEqual([
      ['alpha', ['2024-03-13#1', '2024-03-14#2']],
      ['Beta', ['2024-03-13#2', '2024-03-14#3', '2024-03-15#1']],
      ['Gamma', ['2024-03-14#1', '2024-03-15#2']],
    ]);
  });

  it('keeps listed and date for the first listing, shows the latest text, and says so', () => {
    const { papers, warnings } = readPapers(listings);
    expect(papers[0]).toMatchObject({ title: 'alpha', abstract: 'a2', listed: 'Mar 13', date: '2024-03-13', source: { file: '2024-03-14.txt', line: 7 } });
    expect(warnings).toContain('2024-03-14.txt:7: its title or abstract differs from 2024-03-13.txt:3; the latest listing\'s is shown');
  });

  it('counts a paper listed twice in one day once, with a warning', () => {
    const { papers, warnings } = readPapers(listings);
    expect(papers[2]?.listings).toHaveLength(2);
    expect(warnings).toContain('2024-03-15.txt:11: listed again on Mar 15 (first at 2024-03-15.txt:7); counted once');
  });

  it('orders days by date, whatever the order of the files', () => {
    const { papers } = readPapers([...listings].reverse());
    expect(papers.map((paper) => paper.listings[0]?.day)).toEqual(['2024-03-13', '2024-03-13', '2024-03-14']);
  });
});
