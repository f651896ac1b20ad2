// The word list that lets search forgive typos, shared by the build that writes it
// (`src/integrations/search-index.ts`, into the Pagefind bundle) and the browser code that reads
// it (`src/client/search/query.ts`): one format, two sides.
//
// Pagefind cannot say which words its index holds, nor find a word by spelling: a word it does
// not know is searched as the longest indexed word it starts with (`influnce` as `inf`), or left
// out. So the build writes the vocabulary of the listing, most common words first, and the
// browser checks the words of a query against it and corrects one that no paper has to the
// nearest listed word.
//
// The list is written twice, split two ways, so a search loads only words that start like its
// own. To check a word, the words with its first two letters (`re.txt`: 1 KB of the 9 KB of `r`
// at 10,000 papers): a word that no listed word starts with is one the index does not hold. To
// correct one, the words with its first letter (`r.txt`), since a typo may be in the second. A
// typo in the first letter is not corrected. Which two-letter files there are says one more
// file (`prefixListFile`), so a word that no listed word starts like is known without asking the
// host for a file it does not have.

/** The folder of the word list, in the Pagefind bundle (`<dist>/pagefind/`), so the service worker keeps it offline with the index. */
export const searchWordsDir = 'papershelf-words';

/** First line of each file: a reader of another format ignores the list rather than misreading it. */
const formatLine = 'papershelf-words 1';

/**
 * Shortest word worth correcting, and listing: a one-letter change to a word of three letters or
 * fewer is more often another word than a typo (`tol` is not `tool`).
 */
export const minWordLength = 4;

/** Longest word listed: longer runs of letters are identifiers and formula debris, not what readers type. */
const maxWordLength = 24;

/**
 * Most words listed: the most common ones. The default listing (85 papers) has 2,886 words of
 * four letters or more (26 KB in all), a synthetic listing of 10,000 papers 16,717 (176 KB); a
 * real one of that size would have more, in a long tail of names seen once, which are cut first.
 */
export const maxSearchWords = 20_000;

const letters = /^\p{L}+$/u;

/**
 * The words of a text that the list may hold: lower-cased runs of letters, split wherever
 * anything else comes (`multi-agent` gives `multi` and `agent`, `GPT-4` gives `gpt`), of
 * `minWordLength` to 24 letters.
 */
export function listedWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}]+/u)
    .filter((word) => word.length >= minWordLength && word.length <= maxWordLength && letters.test(word));
}

/**
 * The word list of a listing: every word of each paper's texts (`listedWords`), most common
 * first, by the number of papers that use it (ties alphabetically), at most `limit` words.
 *
 * @param papers
 *   For each paper, the texts it is found by: title, method, tags, topics, abstract.
 */
export function collectSearchWords(papers: Iterable<readonly string[]>, limit = maxSearchWords): string[] {
  const papersUsing = new Map<string, number>();
  for (const texts of papers) {
    for (const word of new Set(texts.flatMap(listedWords))) papersUsing.set(word, (papersUsing.get(word) ?? 0) + 1);
  }
  return [...papersUsing]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([word]) => word);
}

/** A letter as the list's file names write it: itself from a to z, else `_`. */
function fileLetter(letter: string | undefined): string {
  return letter !== undefined && /^[a-z]$/.test(letter) ? letter : '_';
}

/** The file of the list that holds the listed words starting with the first two letters of `word`, which checking it needs (it has four letters or more). */
export function prefixWordsFile(word: string): string {
  return `${fileLetter(word[0])}${fileLetter(word[1])}.txt`;
}

/** The file of the list that holds the listed words starting with the first letter of `word`, which correcting it needs. */
export function letterWordsFile(word: string): string {
  return `${fileLetter(word[0])}.txt`;
}

/** The file that names the two-letter files there are (`prefixWordsFile`), in the same format. */
export const prefixListFile = 'prefixes.txt';

/**
 * The list's files: for each first letter, and for each first two letters, its words in the
 * list's order, after the format line, one a line; and the names of the two-letter files
 * (`prefixListFile`).
 */
export function formatSearchWords(words: readonly string[]): Map<string, string> {
  const files = new Map<string, string[]>();
  const prefixFiles = new Set<string>();
  for (const word of words) {
    prefixFiles.add(prefixWordsFile(word));
    for (const name of [letterWordsFile(word), prefixWordsFile(word)]) {
      const lines = files.get(name) ?? [formatLine];
      lines.push(word);
      files.set(name, lines);
    }
  }
  files.set(prefixListFile, [formatLine, ...[...prefixFiles].sort()]);
  return new Map([...files].map(([name, lines]) => [name, `${lines.join('\n')}\n`]));
}

/** The words of one file, most common first; undefined for a file of another format. */
export function parseSearchWords(text: string): string[] | undefined {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== formatLine) return undefined;
  return lines.slice(1).map((line) => line.trim()).filter(Boolean);
}

/**
 * Whether the index holds `word` or words that start with it (a word being typed), going by the
 * list's words that start like it (`prefixWordsFile`).
 */
export function isListedPrefix(word: string, words: readonly string[]): boolean {
  return words.some((listed) => listed.startsWith(word));
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
 * swaps of two neighbouring letters, each one edit), or `max + 1` as soon as it is sure to exceed
 * `max`: comparing a word with thousands stays cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows: the one before the previous (for swaps), the previous, the current.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** Edits forgiven in a word: none below four letters, one up to six, two from seven (`influnce`). */
export function allowedEdits(word: string): number {
  if (word.length < minWordLength) return 0;
  return word.length < 7 ? 1 : 2;
}

/**
 * The word of the list a misspelt word most likely meant: the nearest within `allowedEdits`, and
 * among equally near ones the most common (the list's order). Undefined when the word is listed
 * itself, is not a run of letters, or nothing is near enough.
 *
 * @param word
 *   A word of the query, lower-cased, that the index does not know.
 * @param words
 *   Listed words, most common first: in the browser, those of the word's first letter (`letterWordsFile`).
 */
export function chooseCorrection(word: string, words: readonly string[]): string | undefined {
  const max = allowedEdits(word);
  if (max === 0 || !letters.test(word)) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of words) {
    if (candidate === word) return undefined;
    // Earlier words are more common: only a strictly nearer one replaces the best so far.
    const distance = editDistance(word, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
