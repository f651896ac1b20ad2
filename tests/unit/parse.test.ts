import { describe, expect, it } from 'vitest';
import { decodeListing, ListingError, parseDateLine, parseListings } from '../../src/pipeline/parse.ts';

const parse = (text: string, file = 'listing.txt') => parseListings([{ file, text }]);

describe('parseListings', () => {
  it('skips boilerplate and reads titles, abstracts, sections and lines', () => {
    const papers = parse('new\n\nSubscribe\n\nMar 14\n\nFirst title\n\nFirst abstract,\nsecond line.\n\nSecond title\n\nSecond abstract.\n\nMar 15\n\nThird\n\nThird abstract.\n');
    expect(papers).toEqual([
      { title: 'First title', abstract: 'First abstract, second line.', listed: 'Mar 14', source: { file: 'listing.txt', line: 7 } },
      { title: 'Second title', abstract: 'Second abstract.', listed: 'Mar 14', source: { file: 'listing.txt', line: 12 } },
      { title: 'Third', abstract: 'Third abstract.', listed: 'Mar 15', source: { file: 'listing.txt', line: 18 } },
    ]);
  });

  it('accepts CRLF, a byte order mark, tabs and trailing spaces', () => {
    const papers = parse('\uFEFFMar 14\r\n\r\nTitle\there  \r\n\r\nAbstract\t \r\n');
    expect(papers).toEqual([{ title: 'Title here', abstract: 'Abstract', listed: 'Mar 14', source: { file: 'listing.txt', line: 3 } }]);
  });

  it('keeps every other character of titles and abstracts exactly', () => {
    const title = 'export const x = {a: 1} <script>alert(1)</script> --- "q": \'r\' & ü 中文';
    const abstract = 'Theta(T^{2/3}) for 0<delta<1 and \\method{} `code` $x$ &amp;';
    expect(parse(`Mar 14\n\n${title}\n\n${abstract}\n`)[0]).toMatchObject({ title, abstract });
  });

  it('opens a new section at a date line even without a blank line before it', () => {
    const papers = parse('Mar 14\n\nA\n\nAbstract A.\nMar 15\n\nB\n\nAbstract B.\n');
    expect(papers.map((paper) => [paper.title, paper.abstract, paper.listed])).toEqual([['A', 'Abstract A.', 'Mar 14'], ['B', 'Abstract B.', 'Mar 15']]);
  });

  it('reads files in the order given and records each file', () => {
    const papers = parseListings([
      { file: 'a.txt', text: 'Mar 1\n\nA\n\nAbstract A.\n' },
      { file: 'b.txt', text: 'Mar 2\n\nB\n\nAbstract B.\n' },
    ]);
    expect(papers.map((paper) => [paper.title, paper.source.file])).toEqual([['A', 'a.txt'], ['B', 'b.txt']]);
  });

  it('takes the year from full dates', () => {
    const papers = parse('March 14, 2024\n\nA\n\nx\n\n2024-03-15\n\nB\n\ny\n');
    expect(papers.map((paper) => [paper.listed, paper.date])).toEqual([['March 14, 2024', '2024-03-14'], ['2024-03-15', '2024-03-15']]);
  });

  it.each([
    ['', 'listing.txt:1: the listing is empty'],
    ['\uFEFF\n\n', 'listing.txt:1: the listing is empty'],
    ['new\nSubscribe\n', 'listing.txt:1: the listing holds no papers'],
    ['Mar 14\n\nA title\n', 'listing.txt:3: a title with no abstract'],
    ['Mar 14\n\nA title\n\nMar 15\n\nB\n\nb\n', 'listing.txt:3: a title with no abstract'],
    ['A title\n\nAbstract\n', 'listing.txt:1: text before the first date line'],
    ['Mar 14\n\nTitle\n\nAbs\u0000tract\n', 'listing.txt:5: control or binary character U+0000'],
    [`Mar 14\n\nTitle\n\n${'('.repeat(1_000_000)}\n`, 'listing.txt:5: the line is 1,000,000 characters long; the limit is 50,000'],
    [`Mar 14\n\nTitle\n\n${'a b\n'.repeat(20_000)}`, 'listing.txt:3: the abstract is 79,999 characters long; the limit is 50,000'],
    ['Mar 14\n\nTitle\n\nAbstract\u000Bwith a vertical tab\n', 'listing.txt:5: control or binary character U+000B'],
  ])('rejects bad input %j with file and line', (text, message) => {
    expect(() => parse(text)).toThrow(ListingError);
    expect(() => parse(text)).toThrow(message);
  });
});

describe('parseDateLine', () => {
  it.each([
    ['Mar 14', { label: 'Mar 14' }],
    ['March 14, 2024', { label: 'March 14, 2024', date: '2024-03-14' }],
    ['Sept 3', undefined],
    ['Sep 3', { label: 'Sep 3' }],
    ['2024-02-30', undefined],
    ['Feb 30', undefined],
    ['Mar 14 is a title', undefined],
    ['May 2024', undefined],
  ])('reads %j', (line, expected) => {
    expect(parseDateLine(line)).toEqual(expected);
  });
});

describe('decodeListing', () => {
  it('reads UTF-8, U+FFFD included', () => {
    expect(decodeListing('a.txt', new TextEncoder().encode('Mar 14\n\nT \uFFFD\n')).text).toBe('Mar 14\n\nT \uFFFD\n');
  });

  it('refuses bytes that are not UTF-8, naming their line', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Mar 14\n\nTitle\n\nAbs'), 0xff, 0xfe, ...new TextEncoder().encode('tract\n')]);
    expect(() => decodeListing('a.txt', bytes)).toThrow('a.txt:5: invalid UTF-8 (is this a text file?)');
  });
});

describe('boilerplate', () => {
  it('is page chrome only before the first date line: after it, `New` is a title', () => {
    const papers = parse('new\nSubscribe\n\nMar 14\n\nNew\n\nAn abstract about a paper called New.\n');
    expect(papers.map((paper) => [paper.title, paper.abstract])).toEqual([['New', 'An abstract about a paper called New.']]);
  });
});
