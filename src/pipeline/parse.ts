import type { SourceLocation } from '../schema/paper.ts';

/** A date line as written: `Mar 14`, `March 14, 2024` or `2024-03-14`. */
export interface DateLine {
  /** The line as written. */
  label: string;
  month: number;
  day: number;
  /** Only when the line itself gives one. */
  year?: number;
}

/** One paper as one day's listing shows it, before papers listed on several days are merged. */
export interface ListingEntry {
  /** Title line, trimmed, otherwise exactly as written. */
  title: string;
  /** Abstract lines joined with single spaces. */
  abstract: string;
  /** The date line that opened the entry's section, and where it is. */
  section: DateLine & { source: SourceLocation };
  /** 1-based place of the entry within its section. */
  rank: number;
  /** Where the title line is. */
  source: SourceLocation;
}

/** One listing file's text and the name errors should use for it. */
export interface ListingFile {
  file: string;
  text: string;
}

export interface ParseOptions {
  /** Lines of page chrome to skip wherever they appear outside a paper (compared trimmed, case-insensitively). */
  boilerplate?: readonly string[];
}

/** The page chrome of a Hugging Face Papers listing. */
export const defaultBoilerplate = [
  'new',
  'Get trending papers in your email inbox!',
  'Subscribe',
  'byAK and the research community',
] as const;

/** A listing the generator refuses, with the place to look. */
export class ListingError extends Error {
  readonly location: SourceLocation;
  constructor(location: SourceLocation, reason: string) {
    super(`${location.file}:${location.line}: ${reason}`);
    this.name = 'ListingError';
    this.location = location;
  }
}

const monthNames = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/**
 * Recognises a section's date line by its shape: `Mar 14`, `March 14, 2024` or `2024-03-14`.
 * Whether the day exists (`Feb 30` does not) is the caller's to check, with the year in force.
 *
 * @returns
 *   The date line's parts; `undefined` for any other line.
 */
export function parseDateLine(line: string): DateLine | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(line);
  if (iso) return { label: line, year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const named = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:, (\d{4}))?$/.exec(line);
  if (!named) return undefined;
  const [, name = '', dayText, yearText] = named;
  const month = monthNames.findIndex((full) => full === name.toLowerCase() || full.slice(0, 3) === name.toLowerCase()) + 1;
  if (month === 0) return undefined;
  return { label: line, month, day: Number(dayText), ...(yearText ? { year: Number(yearText) } : {}) };
}

/** Whether the day exists: in `year`, or, without one, in some year (Feb 29 does). */
export function isValidDay(year: number | undefined, month: number, day: number): boolean {
  const probe = year ?? 2024;
  const date = new Date(Date.UTC(probe, month - 1, day));
  return date.getUTCFullYear() === probe && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}


// C0 and C1 controls other than tab, and the noncharacters U+FFFE/U+FFFF, mean the file is binary
// or corrupted: refuse it rather than publish garbage. (U+FFFD is a character like any other; a
// byte sequence that is not UTF-8 is refused by `decodeListing`.)
const forbiddenCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** Longest line, and longest abstract, in characters: a real abstract is a few thousand. */
export const maxLineLength = 50_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a listing file's bytes as UTF-8. Bytes that are not UTF-8 are an error naming the line
 * they are on, not replacement characters on the page.
 *
 * @param file
 *   Name errors should use.
 * @param bytes
 *   The file's contents.
 */
export function decodeListing(file: string, bytes: Uint8Array): ListingFile {
  try {
    return { file, text: utf8.decode(bytes) };
  } catch {
    let line = 1;
    let start = 0;
    for (let index = 0; index <= bytes.length; index += 1) {
      if (index < bytes.length && bytes[index] !== 0x0a) continue;
      try {
        utf8.decode(bytes.subarray(start, index));
      } catch {
        break;
      }
      line += 1;
      start = index + 1;
    }
    throw new ListingError({ file, line }, 'invalid UTF-8 (is this a text file?)');
  }
}

/**
 * Splits listing text into lines, accepting CRLF, a BOM, tabs and trailing spaces.
 * Throws a `ListingError` on the first control character or overlong line. Errors give the
 * position only, never the text: a listing may be a file its author did not mean to publish.
 */
function splitLines(listing: ListingFile): string[] {
  const lines = listing.text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, index) => {
    const location = { file: listing.file, line: index + 1 };
    if (line.length > maxLineLength) {
      throw new ListingError(location, `the line is ${line.length.toLocaleString('en')} characters long; the limit is ${maxLineLength.toLocaleString('en')}`);
    }
    const bad = forbiddenCharacter.exec(line);
    if (bad) {
      const code = bad[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
      throw new ListingError(location, `control or binary character U+${code} (column ${bad.index + 1})`);
    }
  });
  return lines.map((line) => line.replace(/\t/g, ' ').trim());
}

/**
 * Parses the listings, in the order given, into entries: one per paper per day it is listed.
 *
 * A listing is a sequence of blocks separated by blank lines. A date line opens a section; in a
 * section, each block is a paper: its first line the title, the following lines its abstract.
 *
 * @param listings
 *   Files to read, already in reading order.
 * @param options
 *   Configuration (optional).
 * @returns
 *   Entries in reading order.
 */
export function parseListings(listings: readonly ListingFile[], options: ParseOptions = {}): ListingEntry[] {
  const boilerplate = new Set((options.boilerplate ?? defaultBoilerplate).map((line) => line.toLowerCase()));
  const entries: ListingEntry[] = [];
  for (const listing of listings) {
    const before = entries.length;
    entries.push(...parseListing(listing, boilerplate));
    if (entries.length === before) {
      const empty = listing.text.trim() === '' || listing.text === '\uFEFF';
      throw new ListingError({ file: listing.file, line: 1 }, empty ? 'the listing is empty' : 'the listing holds no papers (expected a date line such as `Mar 14`, then a title, a blank line and an abstract)');
    }
  }
  return entries;
}

function parseListing(listing: ListingFile, boilerplate: ReadonlySet<string>): ListingEntry[] {
  const lines = splitLines(listing);
  const entries: ListingEntry[] = [];
  let section: ListingEntry['section'] | undefined;
  let rank = 0;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (line === '') {
      index += 1;
      continue;
    }
    const source = { file: listing.file, line: index + 1 };
    const dateLine = parseDateLine(line);
    if (dateLine) {
      if (!isValidDay(dateLine.year, dateLine.month, dateLine.day)) throw new ListingError(source, 'a date line naming a day that does not exist');
      section = { ...dateLine, source };
      rank = 0;
      index += 1;
      continue;
    }
    if (!section) {
      // Page chrome comes before the first date line; after it, a line such as `New` is a title.
      if (boilerplate.has(line.toLowerCase())) {
        index += 1;
        continue;
      }
      throw new ListingError(source, 'text before the first date line (expected page chrome, then a date line such as `Mar 14`)');
    }
    // The title is one line; the abstract is the next run of non-blank lines, after one or more blank lines.
    const title = line;
    index += 1;
    while (index < lines.length && lines[index] === '') index += 1;
    const abstractLines: string[] = [];
    // A date line opens the next section even when no blank line separates it from the abstract.
    while (index < lines.length && lines[index] !== '' && !parseDateLine(lines[index] ?? '')) {
      abstractLines.push(lines[index] ?? '');
      index += 1;
    }
    if (abstractLines.length === 0) {
      throw new ListingError(source, 'a title with no abstract (a title line is followed by a blank line, then the abstract)');
    }
    const abstract = abstractLines.join(' ');
    if (abstract.length > maxLineLength) {
      throw new ListingError(source, `the abstract is ${abstract.length.toLocaleString('en')} characters long; the limit is ${maxLineLength.toLocaleString('en')}`);
    }
    rank += 1;
    entries.push({ title, abstract, section, rank, source });
  }
  return entries;
}
