import { isValidDay, ListingError, type DateLine, type ListingEntry } from './parse.ts';

/** The day a section lists, once its year is known (or known to be unknown). */
export interface Day {
  /** `YYYY-MM-DD` when the year is known, else an id from the label (`mar-14`). */
  id: string;
  /** The section's date line as written (`Mar 14`). */
  label: string;
  /** ISO date, when the year is known. */
  date?: string;
}

export type DatedEntry = ListingEntry & { day: Day };

export interface DayOptions {
  /** Year of sections whose date line and file name give none (`PAPERS_YEAR`). */
  year?: number;
}

const shortMonths = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const fileDatePattern = /(\d{4})-(\d{2})-(\d{2})/;

/**
 * Gives every entry the day its section lists. The year comes from the date line (`March 11,
 * 2025`, `2025-03-11`), else from the listing file's name (`2025-03-11.txt`,
 * `trending-2025-03-11.txt`: the year that puts the day nearest the file's date, so `Dec 31` in
 * `2025-01-01.txt` is 2024), else from `options.year`. Sections with no year at all still work,
 * with one warning saying how to give it; their day ids come from the label (`mar-14`).
 *
 * @throws
 *   `ListingError` at the date line for a day that does not exist in its year (`Feb 29, 2025`).
 */
export function resolveDays(entries: readonly ListingEntry[], options: DayOptions = {}): { entries: DatedEntry[]; warnings: string[] } {
  const undated = new Set<string>();
  const days = new Map<ListingEntry['section'], Day>();
  const dated = entries.map((entry) => {
    let day = days.get(entry.section);
    if (!day) {
      day = resolveDay(entry.section, options);
      days.set(entry.section, day);
      if (!day.date) undated.add(`${entry.section.source.file}:${entry.section.source.line}`);
    }
    return { ...entry, day };
  });
  const warnings =
    undated.size === 0
      ? []
      : [
          `${[...undated][0]}: no year for ${undated.size} day(s), so their pages have no dates; name each listing file by its date ` +
            '(`2024-03-14.txt`), write the year in the date line (`March 14, 2024`) or set PAPERS_YEAR',
        ];
  return { entries: dated, warnings };
}

function resolveDay(section: ListingEntry['section'], options: DayOptions): Day {
  const year = section.year ?? yearFromFileName(section, section.source.file) ?? options.year;
  if (year === undefined) return { id: `${shortMonths[section.month - 1]}-${section.day}`, label: section.label };
  if (!isValidDay(year, section.month, section.day)) throw new ListingError(section.source, `a date line naming a day that does not exist in ${year}`);
  const date = `${year}-${pad(section.month)}-${pad(section.day)}`;
  return { id: date, label: section.label, date };
}

/**
 * The year, of the file's own and the two beside it, that puts the section's day nearest the
 * file's date (whether the day exists in that year is checked after).
 */
function yearFromFileName(section: DateLine, file: string): number | undefined {
  const match = fileDatePattern.exec(file);
  if (!match) return undefined;
  const fileTime = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(fileTime)) return undefined;
  const fileYear = Number(match[1]);
  const candidates = [fileYear, fileYear - 1, fileYear + 1];
  const distance = (year: number) => Math.abs(Date.UTC(year, section.month - 1, section.day) - fileTime);
  return candidates.sort((a, b) => distance(a) - distance(b))[0];
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
