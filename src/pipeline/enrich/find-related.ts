import { toTerms } from './tokenize.ts';
import { dayRanges } from './day-ranges.ts';

/** Title words say more about a paper than abstract words: count each title term this often. */
const titleRepeat = 2;
/**
 * Terms in more papers than this are left out of the comparison: they add little to the cosine
 * and, with a posting list per term, would make the cost grow with the square of the listing.
 */
function maxDocumentFrequency(papers: number): number {
  return Math.max(50, Math.ceil(papers * 0.02));
}

export interface RelatedOptions {
  /** Most related papers per paper (default 5). */
  count?: number;
  /** Each paper's topic ids: a related paper must share one. */
  topics?: readonly (readonly string[])[];
  /** Each paper's tags: each shared tag adds `tagBonus` to the text similarity. */
  tags?: readonly (readonly string[])[];
  /**
   * The day each paper was first listed, as a number that grows with time (papers come in this
   * order). A paper is related only to papers listed up to its day, with the word weights of
   * that day, so adding a day never changes the related papers of earlier ones. Default: all
   * papers on one day.
   */
  days?: readonly number[];
}

/** What a shared tag adds to the cosine similarity of two papers. */
const tagBonus = 0.05;
/**
 * Below this combined score a paper is not listed: a short list of papers a reader would open
 * beats five slots filled with weak matches.
 */
const minScore = 0.12;

interface Postings {
  papers: number[];
  weights: number[];
}

/**
 * For each paper, the papers a reader would open next: TF-IDF cosine similarity over title and
 * abstract (title terms counted twice, words stemmed, stop words left out), plus a bonus per
 * shared tag, among the papers that share a topic with it; weak matches are dropped.
 *
 * Papers are taken day by day, as the archive grew: each day's papers get their word weights
 * from the papers listed so far and are compared with those papers and with each other. So a
 * published page's related papers change only when its own text, topics or tags do, and a new
 * day rewrites only the new papers' pages.
 *
 * Built for large listings: vectors are sparse, and similarities are accumulated through an
 * inverted index instead of comparing all pairs. Terms found in only one paper cannot relate two
 * papers and are left out; terms in more than 2% of the papers (at least 50) too, as they barely
 * discriminate.
 *
 * @param papers
 *   The whole archive, by first listing.
 * @param options
 *   How many; the topics, tags and first day of each paper.
 * @returns
 *   For each paper, the indices of up to `count` other papers, most related first; equal scores
 *   are listed lower index first.
 */
export function findRelated(papers: readonly { title: string; abstract: string }[], options: RelatedOptions = {}): number[][] {
  const { count = 5, topics, tags, days } = options;
  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const bags = papers.map((paper) => {
    const frequencies = new Map<number, number>();
    const terms = [...toTerms(paper.title).flatMap((term) => Array<string>(titleRepeat).fill(term)), ...toTerms(paper.abstract)];
    for (const term of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        documentFrequency.push(0);
      }
      frequencies.set(id, (frequencies.get(id) ?? 0) + 1);
    }
    return frequencies;
  });

  // Document frequencies and the inverted index grow day by day.
  const frequencySoFar = new Int32Array(termIds.size);
  const postings = new Map<number, Postings>();
  const related: number[][] = Array.from({ length: papers.length }, () => []);
  const scores = new Float64Array(papers.length);
  const seen = new Uint8Array(papers.length);
  for (const [start, end] of dayRanges(days ?? [], papers.length)) {
    for (let paper = start; paper < end; paper += 1) for (const id of bags[paper]?.keys() ?? []) frequencySoFar[id] = (frequencySoFar[id] ?? 0) + 1;
    const maxDf = maxDocumentFrequency(end);
    const vectors: { ids: number[]; weights: number[] }[] = [];
    for (let paper = start; paper < end; paper += 1) {
      const ids: number[] = [];
      const weights: number[] = [];
      // Words no other paper has yet: they relate nothing today, so they stay out of the norm, but
      // a later paper that shares one must still find this paper through it.
      const ownIds: number[] = [];
      const ownWeights: number[] = [];
      for (const [id, tf] of bags[paper] ?? []) {
        const df = frequencySoFar[id] ?? 0;
        if (df > maxDf) continue;
        // Smoothed IDF stays positive, so two papers of a tiny listing can share a word all papers have.
        const weight = (1 + Math.log(tf)) * Math.log(1 + end / df);
        if (df < 2) {
          ownIds.push(id);
          ownWeights.push(weight);
        } else {
          ids.push(id);
          weights.push(weight);
        }
      }
      const norm = Math.sqrt(weights.reduce((sum, weight) => sum + weight * weight, 0)) || 1;
      const vector = { ids, weights: weights.map((weight) => weight / norm) };
      vectors.push(vector);
      [...ids, ...ownIds].forEach((id, position) => {
        let list = postings.get(id);
        if (!list) postings.set(id, (list = { papers: [], weights: [] }));
        list.papers.push(paper);
        list.weights.push((position < ids.length ? (weights[position] ?? 0) : (ownWeights[position - ids.length] ?? 0)) / norm);
      });
    }
    vectors.forEach(({ ids, weights }, offset) => {
      const self = start + offset;
      const touched: number[] = [];
      ids.forEach((id, position) => {
        // A term that has since become common says little, for old and new papers alike.
        if ((frequencySoFar[id] ?? 0) > maxDf) return;
        const list = postings.get(id);
        if (!list) return;
        const weight = weights[position] ?? 0;
        list.papers.forEach((other, slot) => {
          if (other === self) return;
          if (seen[other] === 0) {
            seen[other] = 1;
            touched.push(other);
          }
          scores[other] = (scores[other] ?? 0) + weight * (list.weights[slot] ?? 0);
        });
      });
      for (const other of touched) {
        const own = topics?.[self];
        const shared = own && topics?.[other] ? own.some((topic) => topics[other]?.includes(topic)) : true;
        const sharedTags = tags?.[self]?.filter((tag) => tags[other]?.includes(tag)).length ?? 0;
        const score = (scores[other] ?? 0) + tagBonus * sharedTags;
        scores[other] = shared && score >= minScore ? score : 0;
      }
      related[self] = selectBest(touched, scores, count);
      for (const other of touched) {
        scores[other] = 0;
        seen[other] = 0;
      }
    });
  }
  return related;
}

/**
 * The `count` candidates with the highest positive score, best first, lower index first on
 * ties. A bounded insertion keeps this linear in the candidates, where sorting them all per
 * paper would dominate on large listings.
 */
function selectBest(candidates: readonly number[], scores: Float64Array, count: number): number[] {
  const best: number[] = [];
  const before = (a: number, b: number) => (scores[a] ?? 0) > (scores[b] ?? 0) || ((scores[a] ?? 0) === (scores[b] ?? 0) && a < b);
  for (const candidate of candidates) {
    if ((scores[candidate] ?? 0) <= 0) continue;
    if (best.length === count && !before(candidate, best[count - 1] ?? candidate)) continue;
    let position = Math.min(best.length, count - 1);
    while (position > 0 && before(candidate, best[position - 1] ?? candidate)) position -= 1;
    best.splice(position, best.length === count ? 1 : 0, candidate);
    if (best.length > count) best.pop();
  }
  return best;
}
