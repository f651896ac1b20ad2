import { findUrls } from '../find-urls.ts';
import type { Vocabulary } from './tag-vocabulary.ts';
import { foldPlural, stopWords } from './tokenize.ts';

/** The word may open a key phrase. */
export const canStart = 1;
/** The word may close a key phrase. */
export const canEnd = 2;
/** The word may not be part of a key phrase at all. */
export const breaksPhrase = 4;

/** The words of a paper as parallel arrays (a large listing has millions of words). */
export interface Words {
  word: string[];
  /** The word with a plural folded: the unit of tag keys. */
  folded: string[];
  /** What the word may be in a key phrase (`canStart`, `canEnd`, `breaksPhrase` bits). */
  role: number[];
  /** Index of the punctuation-delimited chunk the word is in: phrases never cross chunks. */
  chunk: number[];
  /**
   * Whether the word is joined to the one before it by a hyphen (`world` in "real-world"): a tag
   * never starts or ends inside such a compound, or it would be cut out of a longer phrase
   * ("real-world models" is not about world models).
   */
  hyphenated: boolean[];
  /** Words before this index are the title's. */
  titleLength: number;
}

/**
 * The text without its URLs, whose paths would otherwise yield user names as tags.
 *
 * @param text
 *   Abstract as written.
 * @returns
 *   The text with each URL replaced by a full stop, so no phrase runs across where it was.
 */
export function withoutUrls(text: string): string {
  let result = '';
  let last = 0;
  for (const { start, end } of findUrls(text)) {
    result += `${text.slice(last, start)} . `;
    last = end;
  }
  return result + text.slice(last);
}

/** What joins two words into one compound: a hyphen and nothing else (`real-world`). */
const hyphen = /^[-\u2010\u2011]$/;

/** A word, or punctuation that ends a phrase: anything but hyphens and apostrophes inside words. */
const wordOrBreak = /([a-z0-9]+)|[.,;:!?()[\]{}"\u201C\u201D]|\s['\u2018\u2019]|['\u2018\u2019]\s|\s-+\s/g;

/**
 * Splits a paper's title and abstract into lower-case words, each with its folded form, its role
 * in key phrases and its chunk.
 *
 * @param title
 *   Title as written.
 * @param abstract
 *   Abstract without URLs (see `withoutUrls`).
 * @param vocabulary
 *   Word lists that decide the roles; its word cache is filled in as a side effect.
 * @returns
 *   The words, title first.
 */
export function splitWords(title: string, abstract: string, vocabulary: Vocabulary): Words {
  const words: Words = { word: [], folded: [], role: [], chunk: [], hyphenated: [], titleLength: 0 };
  const cache = vocabulary.words;
  let chunk = 0;
  for (const text of [title, abstract]) {
    chunk += 1;
    let broken = false;
    // End of the previous word of this text, to see what lies between it and the next one.
    let previousEnd = -1;
    const lower = text.toLowerCase();
    for (const match of lower.matchAll(wordOrBreak)) {
      const word = match[1];
      if (word === undefined) {
        broken = true;
        continue;
      }
      if (broken) {
        chunk += 1;
        broken = false;
      }
      words.hyphenated.push(previousEnd >= 0 && hyphen.test(lower.slice(previousEnd, match.index)));
      previousEnd = match.index + word.length;
      let info = cache.get(word);
      if (info === undefined) {
        const folded = foldPlural(word);
        info = { folded, role: wordRole(vocabulary, word, folded) };
        cache.set(word, info);
      }
      words.word.push(word);
      words.folded.push(info.folded);
      words.role.push(info.role);
      words.chunk.push(chunk);
    }
    if (text === title) words.titleLength = words.word.length;
  }
  return words;
}

/** What a word may be in a key phrase, as `canStart`, `canEnd` and `breaksPhrase` bits. */
function wordRole(vocabulary: Vocabulary, word: string, folded: string): number {
  const { vagueWords, stopTagWords, modifierStopTags, nounExceptions } = vocabulary;
  if (stopWords.has(word) || vagueWords.has(word) || vagueWords.has(folded) || word.length < 2 || /\d/.test(word)) {
    return breaksPhrase;
  }
  const stopTag = stopTagWords.has(folded);
  // Adverbs ("newly proposed") lead into a phrase without being part of the term.
  let role = (!stopTag || modifierStopTags.has(folded)) && !word.endsWith('ly') ? canStart : 0;
  if (!stopTag && isNounish(folded, nounExceptions) && isNounish(word, nounExceptions)) role |= canEnd;
  return role;
}

/** A word that can head a noun phrase: not an adverb, adjective, participle or verb by its ending. */
function isNounish(word: string, nounExceptions: ReadonlySet<string>): boolean {
  if (nounExceptions.has(word)) return true;
  return !/(?:ly|ive|ous|ful|able|ible|ic|al|ed|ize|ise|ify|less)$/.test(word);
}
