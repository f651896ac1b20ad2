import { describe, expect, it } from 'vitest';
import { parseListings } from '../../src/pipeline/parse.ts';
import { resolveDays } from '../../src/pipeline/resolve-days.ts';

const entry = (date: string) => `${date}\n\nA paper\n\nIts abstract.\n`;
const days = (file: string, text: string, year?: number) => resolveDays(parseListings([{ file, text }]), year === undefined ? {} : { year });

describe('resolveDays', () => {
  it('takes the year from the date line first', () => {
    expect(days('2020-01-01.txt', entry('March 11, 2025'), 1999).entries[0]?.day).toEqual({ id: '2025-03-11', label: 'March 11, 2025', date: '2025-03-11' });
    expect(days('x.txt', entry('2025-03-11')).entries[0]?.day.id).toBe('2025-03-11');
  });

  it.each([
    ['2025-03-11.txt', 'Mar 11', '2025-03-11'],
    ['trending-2025-03-11.txt', 'Mar 10', '2025-03-10'],
    // The year that puts the day nearest the file's date.
    ['2025-01-01.txt', 'Dec 31', '2024-12-31'],
    ['2024-12-31.txt', 'Jan 1', '2025-01-01'],
  ])('then from the file name: %s with %s is %s', (file, label, id) => {
    const { entries, warnings } = days(file, entry(label));
    expect(entries[0]?.day.id).toBe(id);
    expect(warnings).toEqual([]);
  });

  it('then from the configured year', () => {
    expect(days('listing.txt', entry('Mar 14'), 2024).entries[0]?.day).toEqual({ id: '2024-03-14', label: 'Mar 14', date: '2024-03-14' });
  });

  it('without any year, ids days by label and warns once, saying how to give it', () => {
    const { entries, warnings } = days('listing.txt', `${entry('Mar 14')}\n${entry('March 15')}`);
    expect(entries.map((dated) => dated.day)).toEqual([{ id: 'mar-14', label: 'Mar 14' }, { id: 'mar-15', label: 'March 15' }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^listing\.txt:1: no year for 2 day\(s\).*2024-03-14\.txt.*March 14, 2024.*PAPERS_YEAR/);
  });

  it('refuses a day that does not exist in its year, at its date line', () => {
    expect(() => days('2025-03-01.txt', `new\n\n${entry('Feb 29')}`)).toThrow('2025-03-01.txt:3: a date line naming a day that does not exist in 2025');
    expect(days('2024-03-01.txt', entry('Feb 29')).entries[0]?.day.id).toBe('2024-02-29');
  });
});
