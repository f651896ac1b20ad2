import { maxTags, minTags } from '../../schema/paper.ts';
import type { Ranked } from './rank-tags.ts';

/** Terms mentioned once in passing are kept only while a paper has fewer tags than this. */
const maxPassing = 6;
/** Most names of other work (baselines, benchmarks) per paper, so that they leave room for its subject. */
const maxOtherNames = 4;

/**
 * Picks up to `maxTags` of one paper's ranked candidates and puts them in display order. A
 * candidate gives way to a narrower one the paper has (`fine-tuning` to `supervised-fine-tuning`)
 * unless the paper would be left with fewer than `minTags`; no other padding.
 *
 * @param ranked
 *   The paper's candidates, best first (see `rankCandidates`).
 * @param excluded
 *   Tags no paper may have: ones that would be on a single paper (see `extractTags`). A candidate
 *   whose narrower ones are all excluded does not give way to them.
 * @returns
 *   Tag ids: the paper's method, names, phrases and specific terms, then broad terms, each by score.
 */
export function chooseTags(ranked: readonly Ranked[], excluded: ReadonlySet<string>): string[] {
  const chosen: Ranked[] = [];
  const redundant = (entry: Ranked) => entry.narrower.some((tag) => !excluded.has(tag));
  let otherNames = 0;
  for (const entry of ranked) {
    if (chosen.length === maxTags) break;
    if (excluded.has(entry.tag) || redundant(entry) || (entry.passing && chosen.length >= maxPassing)) continue;
    if (entry.kind === 'coined' || entry.kind === 'acronym') {
      if (otherNames === maxOtherNames) continue;
      otherNames += 1;
    }
    chosen.push(entry);
  }
  // Short of tags, a broader term that gave way to a narrower one (`active-learning` beside
  // `online-active-learning`) is better than none.
  for (const entry of ranked) {
    if (chosen.length >= minTags) break;
    if (!excluded.has(entry.tag) && redundant(entry)) chosen.push(entry);
  }
  chosen.sort((a, b) => a.rank - b.rank || b.score - a.score || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  return chosen.map(({ tag }) => tag);
}
