import { describe, expect, it } from 'vitest';
import { decodeListing, ListingError, parseDateLine, parseListings } from '../../src/pipeline/parse.ts';

const parse = (text: string, file = 'listing.txt') => parseListings([{ file, text }]);
/** Each entry as `[title, abstract, date line, rank]`. */
const brief = (text: string) => parse(text).map((entry) => [entry.title, entry.abstract, entry.section.label, entry.rank]);

describe('parseListings', () => {
  it('skips boilerplate and reads titles, abstracts, sections and lines', () => {
    const entries = parse('new\n\nSubscribe\n\nMar 14\n\nFirst title\n\nFirst abstract,\nsecond line.\n\nSecond title\n\nSecond abstract.\n\nMar 15\n\nThird\n\nThird abstract.\n');
    const mar14 = { label: 'Mar 14', month: 3, day: 14, source: { file: 'listing.txt', line: 5 } };
    expect(entries).toEqual([
      { title: 'First title', abstract: 'First abstract, second line.', section: mar14, rank: 1, source: { file: 'listing.txt', line: 7 } },
      { title: 'Second title', abstract: 'Second abstract.', section: mar14, rank: 2, source: { file: 'listing.txt', line: 12 } },
      { title: 'Third', abstract: 'Third abstract.', section: { label: 'Mar 15', month: 3, day: 15, source: { file: 'listing.txt', line: 16 } }, rank: 1, source: { file: 'listing.txt', line: 18 } },
    ]);
  });

  it('accepts CRLF, a byte order mark, tabs and trailing spaces', () => {
    expect(brief('\uFEFFMar 14\r\n\r\nTitle\there  \r\n\r\nAbstract\t \r\n')).toEqual([['Title here', 'Abstract', 'Mar 14', 1]]);
  });

  it('keeps every other character of titles and abstracts exactly', () => {
    const title = 'export const x = {a: 1} <script>alert(1)</script> --- "q": \'r\' & ü 中文';
    const abstract = 'Theta(T^{2/3}) for 0<delta<1 and \\method{} `code` $x$ &amp;';
    expect(parse(`Mar 14\n\n${title}\n\n${abstract}\n`)[0]).toMatchObject({ title, abstract });
  });

  it('opens a new section at a date line even without a blank line before it', () => {
    expect(brief('Mar 14\n\nA\n\nAbstract A.\nMar 15\n\nB\n\nAbstract B.\n')).toEqual([['A', 'Abstract A.', 'Mar 14', 1], ['B', 'Abstract B.', 'Mar 15', 1]]);
  });

  it('reads files in the order given and records each file', () => {
    const papers = parseListings([
      { file: 'a.txt', text: 'Mar 1\n\nA\n\nAbstract A.\n' },
      { file: 'b.txt', text: 'Mar 2\n\nB\n\nAbstract B.\n' },
    ]);
    expect(papers.map((paper) => [paper.title, paper.source.file])).toEqual([['A', 'a.txt'], ['B', 'b.txt']]);
  });

  it('reads the year of full dates', () => {
    const entries = parse('March 14, 2024\n\nA\n\nx\n\n2024-03-15\n\nB\n\ny\n');
    expect(entries.map(({ section }) => [section.label, section.year, section.month, section.day])).toEqual([['March 14, 2024', 2024, 3, 14], ['2024-03-15', 2024, 3, 15]]);
  });

  it.each([
    ['', 'listing.txt:1: the listing is empty'],
    ['\uFEFF\n\n', 'listing.txt:1: the listing is empty'],
    ['new\nSubscribe\n', 'listing.txt:1: the listing holds no papers'],
    ['Mar 14\n\nA title\n', 'listing.txt:3: a title with no abstract'],
    ['Mar 14\n\nA title\n\nMar 15\n\nB\n\nb\n', 'listing.txt:3: a title with no abstract'],
    ['A title\n\nAbstract\n', 'listing.txt:1: text before the first date line'],
    ['Feb 30\n\nTitle\n\nAbstract\n', 'listing.txt:1: a date line naming a day that does not exist'],
    ['Mar 14\n\nTitle\n\nAbstract\n\n2025-02-29\n\nB\n\nb\n', 'listing.txt:7: a date line naming a day that does not exist'],
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
    ['Mar 14', { label: 'Mar 14', month: 3, day: 14 }],
    ['March 14, 2024', { label: 'March 14, 2024', month: 3, day: 14, year: 2024 }],
    ['Sept 3', undefined],
    ['Sep 3', { label: 'Sep 3', month: 9, day: 3 }],
    // The shape of a date line; whether the day exists is checked with the year in force.
    ['Feb 30', { label: 'Feb 30', month: 2, day: 30 }],
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
    expect(brief('new\nSubscribe\n\nMar 14\n\nNew\n\nAn abstract about a paper called New.\n')).toEqual([['New', 'An abstract about a paper called New.', 'Mar 14', 1]]);
  });
});
