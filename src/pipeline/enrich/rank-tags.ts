import type { Candidate, Kind } from './tag-candidates.ts';
import type { Vocabulary } from './tag-vocabulary.ts';

/** A tag in the title is what the paper is about. */
const titleBoost = 2;
/**
 * Weights of the kinds of tag at equal TF-IDF: the paper's own method first, then names it uses,
 * then the curated vocabulary, then key phrases (longer ones are more specific). Broad vocabulary
 * (`llm`, `fine-tuning`) says least.
 */
const kindBoost = { method: 10, coined: 2.5, acronym: 2, vocabulary: 1.5, broad: 0.7, phrase2: 1.4, phrase3: 1.6 } as const;

/** An admissible candidate tag of one paper, scored. */
export interface Ranked {
  tag: string;
  kind: Kind;
  score: number;
  /** Display group: method, names, phrases and specific terms, broad terms. */
  rank: number;
  /** A vocabulary term the abstract mentions once in passing ("unlike RLHF, ..."). */
  passing: boolean;
  /**
   * Narrower candidates of the same paper next to which this one adds nothing: longer tags that
   * contain it (`supervised-fine-tuning` for `fine-tuning`) and those the taxonomy relates to it
   * (`offline-rl` for `reinforcement-learning`). It gives way only to those that become tags.
   */
  narrower: string[];
}

/** What ranking one paper's candidates needs to know about the whole listing. */
export interface Corpus {
  vocabulary: Vocabulary;
  /** Number of papers with each candidate, among those listed up to the ranked paper's day. */
  documentFrequency: Map<string, number>;
  /**
   * Number of papers with each candidate in the whole listing: a candidate is admissible when a
   * paper of any day shares it.
   */
  listingFrequency: Map<string, number>;
  /** Number of papers in the listing. */
  papers: number;
  /** Most papers a key phrase may have before it says little about any one of them. */
  maxDocuments: number;
  /** Whether a one-word name is also an ordinary word (see `ordinaryWordTest`). */
  isOrdinary: (tag: string) => boolean;
}

/** Whether one tag is a whole-word part of the other (`continual-learning` and `online-continual-learning`). */
function contains(longer: string, shorter: string): boolean {
  return longer !== shorter && `-${longer}-`.includes(`-${shorter}-`);
}

/**
 * Scores the admissible candidates of one paper by TF-IDF, boosted for the title and by kind, and
 * lists for each the narrower candidates that would make it redundant. A candidate no other paper
 * has is not admissible: a tag names something papers share.
 *
 * @param candidates
 *   Candidates of the paper (see `findCandidates`).
 * @param corpus
 *   Figures of the whole listing.
 * @returns
 *   Admissible candidates, best first; ties alphabetical, so the order is deterministic.
 */
export function rankCandidates(candidates: ReadonlyMap<string, Candidate>, corpus: Corpus): Ranked[] {
  const ranked: Ranked[] = [];
  for (const [tag, { kind, count, inTitle, named }] of candidates) {
    if ((corpus.listingFrequency.get(tag) ?? 1) < 2) continue;
    const df = corpus.documentFrequency.get(tag) ?? 1;
    // A key phrase is not common, and the paper dwells on it: it is in the title or said twice.
    // One passing mention is how filler gets in.
    if (kind === 'phrase' && !(df <= corpus.maxDocuments && (count >= 2 || inTitle))) continue;
    // `EVOLvE`, `ReAd`, `FIND` are names, but as tags they read as verbs.
    if ((kind === 'method' || kind === 'coined' || kind === 'acronym') && corpus.isOrdinary(tag)) continue;
    const broad = kind === 'vocabulary' && corpus.vocabulary.broad.has(tag);
    const passing = kind === 'vocabulary' && count === 1 && !inTitle && !named;
    const phraseBoost = tag.split('-').length > 2 ? kindBoost.phrase3 : kindBoost.phrase2;
    const boost = kind === 'phrase' ? phraseBoost : broad ? kindBoost.broad : kindBoost[kind];
    ranked.push({
      tag,
      kind,
      score: (1 + Math.log(count)) * Math.log(1 + corpus.papers / df) * boost * (inTitle ? titleBoost : 1),
      rank: kind === 'method' ? 0 : kind === 'coined' || named ? 1 : broad ? 3 : 2,
      passing,
      narrower: [],
    });
  }
  const present = new Set(ranked.map(({ tag }) => tag));
  for (const entry of ranked) {
    const related = (corpus.vocabulary.redundantWith.get(entry.tag) ?? []).filter((other) => present.has(other));
    entry.narrower = [...ranked.filter(({ tag }) => contains(tag, entry.tag)).map(({ tag }) => tag), ...related];
  }
  return ranked.sort((a, b) => b.score - a.score || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}
