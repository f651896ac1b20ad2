import { stem } from './tokenize.ts';

/** A lower-case word as prose writes it, not part of a URL or file name (`aka.ms/orca`). */
const ordinaryWord = /(?<![\w./])[a-z]{3,}(?![\w/]|\.\w)/g;

/** Whether one-word names are ordinary words, as known from the papers read so far (see `ordinaryWords`). */
export interface OrdinaryWords {
  /** Reads more papers: their lower-case words become known as ordinary. */
  add(papers: readonly { title: string; abstract: string }[]): void;
  /** Whether a tag id is an ordinary word. */
  test(tag: string): boolean;
}

/**
 * A test of whether a one-word name is also an ordinary word: written in lower case somewhere in
 * the papers read so far, up to its ending (`EVOLvE` and "evolving", `Balance` and "balanced"), or
 * an everyday word (`ReAd`). Such names read as verbs when shown as tags. Papers are added day by
 * day, so a day's tags depend only on what was listed up to that day.
 *
 * @param everydayWords
 *   Words known to be ordinary whether or not the listing writes them (the taxonomy's list).
 */
export function ordinaryWords(everydayWords: ReadonlySet<string>): OrdinaryWords {
  const words = new Set<string>();
  const stems = new Set([...everydayWords].map(stem));
  return {
    add(papers) {
      for (const paper of papers) {
        for (const text of [paper.title, paper.abstract]) {
          for (const [word] of text.matchAll(ordinaryWord)) {
            if (words.has(word)) continue;
            words.add(word);
            stems.add(stem(word));
          }
        }
      }
    },
    test(tag) {
      if (!/^[a-z]+$/.test(tag)) return false;
      // Porter leaves some variants apart ("modification" and "modify"): allow one more letter.
      const root = stem(tag);
      if (stems.has(root)) return true;
      return root.length >= 5 && [...'abcdefghijklmnopqrstuvwxyz'].some((letter) => stems.has(root + letter));
    },
  };
}
