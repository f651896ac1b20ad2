import type { Taxonomy } from '../../schema/taxonomy.ts';
import { createPhraseMatcher, toPhraseKey } from './match-phrases.ts';
import { foldPlural } from './tokenize.ts';

/** The taxonomy's tag data, compiled for tagging one listing. */
export interface Vocabulary {
  aliasMatcher: ReturnType<typeof createPhraseMatcher>;
  /** Alias key -> tag id. */
  aliasTags: Map<string, string>;
  /** Tag id -> the taxonomy's display name, for the tags that set one (`rlhf` -> `RLHF`). */
  names: Map<string, string>;
  /** Vocabulary tags shown last (broad ones and topic ids). */
  broad: Set<string>;
  /** Tag id -> narrower tags next to which it adds nothing (`reinforcement-learning` and `offline-rl`). */
  redundantWith: ReadonlyMap<string, readonly string[]>;
  /** Keys (folded words joined by spaces) and tag ids that are never tags. */
  stopTags: Set<string>;
  /** Folded stop-tag words. */
  stopTagWords: Set<string>;
  /** Stop-tag words that may still open a key phrase (`data` in "data augmentation"). */
  modifierStopTags: Set<string>;
  /** Words that never make part of a key phrase. */
  vagueWords: Set<string>;
  /** Nouns whose ending looks like an adjective's or a verb's (`retrieval`). */
  nounExceptions: Set<string>;
  /** Everyday words that a one-word name must not be to become a tag. */
  everydayWords: Set<string>;
  /**
   * Folded form and phrase role of each word seen so far, filled in by `splitWords`: words repeat
   * a lot across a listing, and a large listing has millions of them.
   */
  words: Map<string, { folded: string; role: number }>;
}

/**
 * Compiles the taxonomy's tags, relations and word lists for one run of tag extraction.
 *
 * @param taxonomy
 *   Validated taxonomy: its relations name only tags it has.
 * @returns
 *   A fresh vocabulary, with an empty word cache.
 */
export function buildVocabulary(taxonomy: Taxonomy): Vocabulary {
  const aliasTags = new Map<string, string>();
  const names = new Map<string, string>();
  const phrases: string[] = [];
  for (const tag of taxonomy.tags) {
    if (tag.name !== undefined) names.set(tag.id, tag.name);
    for (const alias of [tag.id.replace(/-/g, ' '), ...tag.aliases]) {
      const key = toPhraseKey(alias, foldPlural);
      // The first tag to claim a spelling keeps it: taxonomy order decides overlaps.
      if (!key || aliasTags.has(key)) continue;
      aliasTags.set(key, tag.id);
      phrases.push(alias);
    }
  }
  const stopKeys = taxonomy.stopTags.map((word) => toPhraseKey(word, foldPlural)).filter(Boolean);
  return {
    aliasMatcher: createPhraseMatcher(phrases, foldPlural),
    aliasTags,
    names,
    // A topic names a whole area, like the broad tags do.
    broad: new Set([...taxonomy.broadTags, ...taxonomy.topics.map((topic) => topic.id)]),
    redundantWith: new Map(Object.entries(taxonomy.redundantWith)),
    // Names come as kebab-case keys (`state-of-the-art`), phrases as spaced ones: block both.
    stopTags: new Set([...stopKeys, ...stopKeys.map((key) => key.replace(/ /g, '-'))]),
    stopTagWords: new Set(stopKeys.filter((key) => !key.includes(' '))),
    modifierStopTags: new Set(taxonomy.modifierStopTags),
    vagueWords: new Set(taxonomy.vagueWords),
    nounExceptions: new Set(taxonomy.nounExceptions),
    everydayWords: new Set(taxonomy.everydayWords),
    words: new Map(),
  };
}
