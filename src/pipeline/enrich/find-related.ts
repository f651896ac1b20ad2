import { toTerms } from './tokenize.ts';

/** Title words say more about a paper than abstract words: count each title term this often. */
const titleRepeat = 2;
/**
 * Terms in more papers than this are left out of the comparison: they add little to the cosine
 * and, with a posting list per term, would make the cost grow with the square of the listing.
 */
function maxDocumentFrequency(papers: number): number {
  return Math.max(50, Math.ceil(papers * 0.02));
}

/**
 * For each paper, the papers most similar to it by TF-IDF cosine similarity over title and
 * abstract (title terms counted twice, words stemmed, stop words left out).
 *
 * Built for large listings: vectors are sparse, and similarities are accumulated through an
 * inverted index instead of comparing all pairs. Terms found in only one paper cannot relate two
 * papers and are dropped; terms in more than 5% of the papers (at least 50) are dropped too,
 * as they barely discriminate. Papers with nothing in common are never listed.
 *
 * @param papers
 *   The whole listing, in order.
 * @param count
 *   How many related papers to find per paper (default 5).
 * @returns
 *   For each paper, the indices of up to `count` other papers, most similar first; equal
 *   similarities are listed lower index first.
 */
export function findRelated(papers: readonly { title: string; abstract: string }[], count = 5): number[][] {
  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  // Term frequencies per paper, as parallel arrays of term ids and counts.
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
    for (const id of frequencies.keys()) documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
    return frequencies;
  });

  const maxDf = maxDocumentFrequency(papers.length);
  const vectors = bags.map((frequencies) => {
    const ids: number[] = [];
    const weights: number[] = [];
    for (const [id, tf] of frequencies) {
      const df = documentFrequency[id] ?? 0;
      if (df < 2 || df > maxDf) continue;
      ids.push(id);
      // Smoothed IDF stays positive, so two papers of a tiny listing can share a word all papers have.
      weights.push((1 + Math.log(tf)) * Math.log(1 + papers.length / df));
    }
    const norm = Math.sqrt(weights.reduce((sum, weight) => sum + weight * weight, 0)) || 1;
    return { ids, weights: weights.map((weight) => weight / norm) };
  });

  // The inverted index in compressed form: the postings of term t are entries
  // offsets[t] .. offsets[t + 1] of postingPapers and postingWeights.
  const offsets = new Int32Array(termIds.size + 1);
  for (const { ids } of vectors) for (const id of ids) offsets[id + 1] = (offsets[id + 1] ?? 0) + 1;
  for (let term = 0; term < termIds.size; term += 1) offsets[term + 1] = (offsets[term + 1] ?? 0) + (offsets[term] ?? 0);
  const fill = offsets.slice(0, termIds.size);
  const postingPapers = new Int32Array(offsets[termIds.size] ?? 0);
  const postingWeights = new Float64Array(postingPapers.length);
  vectors.forEach(({ ids, weights }, paper) => {
    ids.forEach((id, position) => {
      const slot = fill[id] ?? 0;
      postingPapers[slot] = paper;
      postingWeights[slot] = weights[position] ?? 0;
      fill[id] = slot + 1;
    });
  });

  const scores = new Float64Array(papers.length);
  const seen = new Uint8Array(papers.length);
  return vectors.map(({ ids, weights }, self) => {
    const touched: number[] = [];
    for (let position = 0; position < ids.length; position += 1) {
      const id = ids[position] ?? 0;
      const weight = weights[position] ?? 0;
      const end = offsets[id + 1] ?? 0;
      for (let slot = offsets[id] ?? 0; slot < end; slot += 1) {
        const other = postingPapers[slot] ?? 0;
        if (other === self) continue;
        if (seen[other] === 0) {
          seen[other] = 1;
          touched.push(other);
        }
        scores[other] = (scores[other] ?? 0) + weight * (postingWeights[slot] ?? 0);
      }
    }
    const best = selectBest(touched, scores, count);
    for (const paper of touched) {
      scores[paper] = 0;
      seen[paper] = 0;
    }
    return best;
  });
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
