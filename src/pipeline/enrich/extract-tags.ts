import type { Taxonomy } from '../../schema/taxonomy.ts';
import { chooseTags } from './choose-tags.ts';
import { dayRanges } from './day-ranges.ts';
import { extractMethod } from './extract-method.ts';
import { ordinaryWords } from './ordinary-words.ts';
import { rankCandidates, type Corpus, type Ranked } from './rank-tags.ts';
import { findCandidates } from './tag-candidates.ts';
import { nameTags } from './tag-names.ts';
import { buildVocabulary } from './tag-vocabulary.ts';

/** A key phrase in more than this share of the papers says little about any one of them. */
const maxDocumentShare = 0.25;
/** Rounds of dropping tags left on a single paper (each round drops at least one). */
const maxRounds = 50;

/** The tags of a listing. */
export interface ListingTags {
  /** One list of tag ids per paper, in the same order. */
  tags: string[][];
  /**
   * Display name of each tag that has one other than its id (`rlhf` is `RLHF`, `gpt-4` is
   * `GPT-4`), the same on every paper (see `nameTags`); sorted by id.
   */
  names: Map<string, string>;
}

/**
 * Tags every paper of a listing with up to `maxTags` (8) kebab-case tags, most specific first, and
 * names the tags.
 *
 * A tag names something two or more papers of the listing share; whatever its kind, a tag that
 * would be on a single paper is dropped, so every tag page lists at least two papers. A paper's
 * own method is its `method`: it is a tag only when other papers use the name too. A tag is one of:
 * - a term of the taxonomy's tag vocabulary, which folds synonyms ("large language models" and
 *   "LLMs" give `llm`, "reinforcement learning from human feedback" gives `rlhf`);
 * - a name: the method the paper introduces (see `extractMethod`), a coined name it uses
 *   (`ALFWorld`, `GSM8K`, `GPT-4`, see `findNames`), or an acronym (`CFSL`); an acronym the paper
 *   defines as a vocabulary term folds into it ("parameter-efficient tuning (PET)" gives `peft`),
 *   and a name that is also an ordinary word (`EVOLvE`, `ReAd`) is dropped;
 * - a key phrase of two or three words that at most a quarter of the papers use, and this one in
 *   its title or twice. Phrases never run across punctuation, stop words or vocabulary terms, never
 *   contain the taxonomy's vague words ("promising", "large"), never start or end with a stop tag
 *   (`method`, `results`), and end in a word that can be a noun.
 * No tag is ever cut out of a hyphenated compound: "real-world models" gives no `world-models`.
 * Single words become tags only from the vocabulary or as names, never from frequency alone.
 *
 * Candidates are ranked by TF-IDF with boosts for the title and for the kind of tag; at most four
 * names of other work are kept, terms mentioned once in passing only while a paper has fewer than
 * six tags, and a tag gives way to a longer one containing it (`fine-tuning` to
 * `supervised-fine-tuning`) or to a narrower one the taxonomy relates to it
 * (`reinforcement-learning` to `offline-rl`), unless that one ends up on no other paper. A tag
 * left on a single paper is excluded from every paper and the tags chosen again, which frees
 * slots for others, until every tag is shared. A paper left with fewer than `minTags` (3) tags
 * gets back broader terms that gave way; nothing else pads it, so a paper may have fewer tags, or
 * none. Output order: the paper's method, names, phrases and specific terms, then broad terms
 * (the taxonomy's `broadTags` and topic ids), each by score. Ties are broken alphabetically, so
 * the output is deterministic.
 *
 * Candidates are ranked day by day, in archive order: the papers first listed on a day are ranked
 * against the papers listed up to that day (document frequencies, the quarter of papers a phrase
 * may reach, ordinary words), never against later ones. A later day therefore leaves an earlier
 * paper's ranking as it was, and changes its tags only where a candidate of it becomes shared or
 * stops being so; adding a day rewrites the pages of that day's papers and of the few papers
 * whose tags it really changes, not of every paper whose scores it would shift. A listing of one
 * day is ranked as a whole.
 *
 * @param papers
 *   The whole listing, in order.
 * @param taxonomy
 *   Tag vocabulary and names, tag relations, stop tags and word lists; topic ids count as broad terms.
 * @param methods
 *   The method each paper introduces, as `extractMethod` gives it, in the same order (optional):
 *   a caller that needs them anyway passes them so that they are found once. Computed if omitted.
 * @param days
 *   The number of each paper's first day, in the same order, never decreasing (optional: all
 *   papers on one day).
 * @returns
 *   One tag list per paper, in the same order, and the display names of the tags (see `nameTags`).
 */
export function extractTags(
  papers: readonly { title: string; abstract: string }[],
  taxonomy: Taxonomy,
  methods?: readonly (string | undefined)[],
  days?: readonly number[],
): ListingTags {
  const tags = rankTags(papers, taxonomy, methods, days);
  return { tags, names: nameTags(papers, tags, buildVocabulary(taxonomy).names) };
}

/** `extractTags` without the names: one list of tag ids per paper. */
export function rankTags(
  papers: readonly { title: string; abstract: string }[],
  taxonomy: Taxonomy,
  methods?: readonly (string | undefined)[],
  days?: readonly number[],
): string[][] {
  if (methods && methods.length !== papers.length) {
    throw new RangeError(`rankTags: ${methods.length} methods for ${papers.length} papers`);
  }
  const vocabulary = buildVocabulary(taxonomy);
  const perPaper = papers.map((paper, index) => findCandidates(paper, vocabulary, methods ? methods[index] : extractMethod(paper)));
  const listingFrequency = countPapers(perPaper, new Map());
  const documentFrequency = new Map<string, number>();
  const ordinary = ordinaryWords(vocabulary.everydayWords);
  const ranked: Ranked[][] = [];
  for (const [start, end] of dayRanges(days ?? [], papers.length)) {
    countPapers(perPaper.slice(start, end), documentFrequency);
    ordinary.add(papers.slice(start, end));
    const corpus: Corpus = {
      vocabulary,
      documentFrequency,
      listingFrequency,
      papers: end,
      maxDocuments: Math.max(2, Math.floor(end * maxDocumentShare)),
      isOrdinary: ordinary.test,
    };
    for (const candidates of perPaper.slice(start, end)) ranked.push(rankCandidates(candidates, corpus));
  }
  return chooseSharedTags(ranked);
}

/**
 * Chooses every paper's tags so that each tag is on two papers or on none.
 *
 * A candidate may still end up on a single paper (another one that has it has better tags): it is
 * excluded everywhere, which frees slots for other tags, and so on until every tag left is shared.
 * Exclusions only grow, so this settles.
 */
function chooseSharedTags(ranked: readonly Ranked[][]): string[][] {
  const excluded = new Set<string>();
  let tags = ranked.map((entries) => chooseTags(entries, excluded));
  for (let round = 0; round < maxRounds; round += 1) {
    const lonely = [...countUses(tags)].filter(([, uses]) => uses < 2);
    if (lonely.length === 0) break;
    for (const [tag] of lonely) excluded.add(tag);
    tags = ranked.map((entries) => chooseTags(entries, excluded));
  }
  // Past `maxRounds` (never seen on real listings), drop what is still lonely without refilling.
  const uses = countUses(tags);
  return tags.map((list) => list.filter((tag) => (uses.get(tag) ?? 0) >= 2));
}

/** Adds to `frequency` the number of papers with each candidate; returns it. */
function countPapers(perPaper: readonly ReadonlyMap<string, unknown>[], frequency: Map<string, number>): Map<string, number> {
  for (const candidates of perPaper) for (const key of candidates.keys()) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  return frequency;
}

/** Number of papers with each tag. */
function countUses(tags: readonly (readonly string[])[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const list of tags) for (const tag of list) uses.set(tag, (uses.get(tag) ?? 0) + 1);
  return uses;
}
