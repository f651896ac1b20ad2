import { stem, toStems } from './tokenize.ts';

/** A phrase occurrence found by a matcher. */
export interface PhraseMatch {
  /** The phrase's stems joined by single spaces: the same for every spelling of the phrase. */
  key: string;
  /** Index of its first word in the stem sequence. */
  start: number;
  /** Its length in words. */
  length: number;
}

/** Finds the phrases it was built with in a sequence of stems. */
export type PhraseMatcher = (stems: readonly string[]) => PhraseMatch[];

/**
 * The key under which a matcher reports a phrase: its stems joined by single spaces.
 *
 * @param phrase
 *   Any phrase.
 * @param normalize
 *   How to reduce each word (default: its Porter stem).
 * @returns
 *   Its key (`"large language models"` gives `"larg languag model"`).
 */
export function toPhraseKey(phrase: string, normalize: (word: string) => string = stem): string {
  return toStems(phrase, normalize).join(' ');
}

/**
 * Builds a matcher for a fixed list of phrases, compared word by word after stemming, so
 * "Large Language Models" matches the phrase "large language model" and "in-context" matches
 * "in context".
 *
 * Matching runs left to right and takes the longest phrase at each position, and matches never
 * overlap: "reinforcement learning from human feedback" is one match, not also "reinforcement
 * learning". That keeps a general phrase from taking credit for a more specific one.
 *
 * @param phrases
 *   Phrases to look for; spellings with the same stems are one phrase.
 * @param normalize
 *   How to reduce each word (default: its Porter stem); the matcher must be given words reduced
 *   the same way.
 * @returns
 *   The matcher.
 */
export function createPhraseMatcher(phrases: readonly string[], normalize: (word: string) => string = stem): PhraseMatcher {
  const byFirstStem = new Map<string, { key: string; stems: string[] }[]>();
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const stems = toStems(phrase, normalize);
    const key = stems.join(' ');
    const first = stems[0];
    if (first === undefined || seen.has(key)) continue;
    seen.add(key);
    const candidates = byFirstStem.get(first) ?? [];
    candidates.push({ key, stems });
    byFirstStem.set(first, candidates);
  }
  for (const candidates of byFirstStem.values()) {
    candidates.sort((a, b) => b.stems.length - a.stems.length);
  }
  return (stems) => {
    const matches: PhraseMatch[] = [];
    let index = 0;
    while (index < stems.length) {
      const candidates = byFirstStem.get(stems[index] ?? '');
      const found = candidates?.find((candidate) => candidate.stems.every((word, offset) => stems[index + offset] === word));
      if (found) {
        matches.push({ key: found.key, start: index, length: found.stems.length });
        index += found.stems.length;
      } else {
        index += 1;
      }
    }
    return matches;
  };
}
