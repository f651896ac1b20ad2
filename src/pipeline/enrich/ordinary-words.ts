import { stem } from './tokenize.ts';

/** A lower-case word as prose writes it, not part of a URL or file name (`aka.ms/orca`). */
const ordinaryWord = /(?<![\w./])[a-z]{3,}(?![\w/]|\.\w)/g;

/**
 * A test of whether a one-word name is also an ordinary word: written in lower case somewhere in
 * the listing, up to its ending (`EVOLvE` and "evolving", `Balance` and "balanced"), or an
 * everyday word (`ReAd`). Such names read as verbs when shown as tags.
 *
 * @param papers
 *   The whole listing: the more text, the more ordinary words are known.
 * @param everydayWords
 *   Words known to be ordinary whether or not the listing writes them (the taxonomy's list).
 * @returns
 *   The test, taking a tag id; it reads the listing on first use only.
 */
export function ordinaryWordTest(papers: readonly { title: string; abstract: string }[], everydayWords: ReadonlySet<string>): (tag: string) => boolean {
  let stems: Set<string> | undefined;
  return (tag) => {
    if (!/^[a-z]+$/.test(tag)) return false;
    if (!stems) {
      const words = new Set<string>();
      for (const paper of papers) {
        for (const text of [paper.title, paper.abstract]) for (const [word] of text.matchAll(ordinaryWord)) words.add(word);
      }
      stems = new Set([...words, ...everydayWords].map(stem));
    }
    // Porter leaves some variants apart ("modification" and "modify"): allow one more letter.
    const root = stem(tag);
    if (stems.has(root)) return true;
    return root.length >= 5 && [...'abcdefghijklmnopqrstuvwxyz'].some((letter) => stems?.has(root + letter));
  };
}
