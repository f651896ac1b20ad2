import { findNames } from './find-names.ts';
import { breaksPhrase, canEnd, canStart, splitWords, withoutUrls } from './split-words.ts';
import type { Vocabulary } from './tag-vocabulary.ts';
import { foldPlural } from './tokenize.ts';

/**
 * Where a candidate tag comes from: the paper's own method, a coined name or an acronym it uses,
 * a vocabulary term, or a key phrase.
 */
export type Kind = 'method' | 'coined' | 'acronym' | 'vocabulary' | 'phrase';

/** A possible tag of one paper, under its tag id. */
export interface Candidate {
  kind: Kind;
  count: number;
  inTitle: boolean;
  /** A vocabulary tag the paper writes as a coined name (`LoRA`, `GPT-4`): shown with the names. */
  named: boolean;
}

function addCandidate(candidates: Map<string, Candidate>, tag: string, kind: Kind, inTitle: boolean, named = false): void {
  const candidate = candidates.get(tag);
  if (!candidate) {
    candidates.set(tag, { kind, count: 1, inTitle, named });
    return;
  }
  candidate.count += 1;
  candidate.inTitle ||= inTitle;
  candidate.named ||= named;
  // The paper's own method outranks every other reading of the same key.
  if (kind === 'method' || (kind === 'coined' && candidate.kind === 'acronym')) candidate.kind = kind;
}

/** A parenthesised acronym: `(CFL)`, `(PETs)`. */
const acronymInParentheses = /\(([A-Z][A-Za-z0-9]*?[A-Z][A-Za-z0-9]*?)s?\)/g;

/**
 * Acronyms a paper defines as a vocabulary term, by the initials of the words before them:
 * `parameter-efficient tuning (PET)` maps `pet` to `peft`.
 */
function findAbbreviations(abstract: string, vocabulary: Vocabulary): Map<string, string> {
  const abbreviations = new Map<string, string>();
  if (!abstract.includes('(')) return abbreviations;
  for (const match of abstract.matchAll(acronymInParentheses)) {
    const acronym = match[1] ?? '';
    const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
    // The words just before it, hyphenated parts apart: `parameter-efficient tuning`.
    const words = abstract.slice(Math.max(0, match.index - 120), match.index).toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const defining = words.slice(-letters.length);
    if (defining.length !== letters.length || defining.map((word) => word[0]).join('') !== letters) continue;
    const folded = defining.map(foldPlural);
    const term = vocabulary.aliasMatcher(folded).find(({ start, length }) => start === 0 && length === folded.length);
    const tag = term && vocabulary.aliasTags.get(term.key);
    if (tag !== undefined) abbreviations.set(acronym.toLowerCase(), tag);
  }
  return abbreviations;
}

/**
 * Finds the candidate tags of one paper: vocabulary terms, the names it uses and introduces, and
 * two- or three-word phrases that look like terms. Whether a candidate becomes a tag depends on
 * the rest of the listing (see `rankCandidates`).
 *
 * @param paper
 *   Title and abstract as written.
 * @param vocabulary
 *   Compiled taxonomy; its word cache is filled in as a side effect.
 * @param method
 *   Name of the method the paper introduces (see `extractMethod`), if any.
 * @returns
 *   Candidates by tag id.
 */
export function findCandidates(paper: { title: string; abstract: string }, vocabulary: Vocabulary, method: string | undefined): Map<string, Candidate> {
  const abstract = withoutUrls(paper.abstract);
  const words = splitWords(paper.title, abstract, vocabulary);
  const candidates = new Map<string, Candidate>();
  const length = words.word.length;
  // Words of vocabulary terms: a key phrase overlapping a term would only restate it.
  const covered = new Uint8Array(length);
  for (const match of vocabulary.aliasMatcher(words.folded)) {
    const tag = vocabulary.aliasTags.get(match.key);
    // "real-world models" is not about world models: a term is never cut out of a compound.
    if (tag === undefined || words.hyphenated[match.start]) continue;
    covered.fill(1, match.start, match.start + match.length);
    addCandidate(candidates, tag, 'vocabulary', match.start < words.titleLength);
  }
  const abbreviations = findAbbreviations(abstract, vocabulary);
  for (const [text, inTitle] of [[paper.title, true], [abstract, false]] as const) {
    for (const { key, shape } of findNames(text)) {
      if (vocabulary.stopTags.has(key)) continue;
      // `continual federated learning (CFL)`: the acronym is the vocabulary term.
      const abbreviated = abbreviations.get(key);
      if (abbreviated !== undefined) {
        addCandidate(candidates, abbreviated, 'vocabulary', inTitle);
        continue;
      }
      // A vocabulary term written as a name (`LoRA`, `GPT-4`, `LLM-based`) was counted above.
      const nameWords = key.split('-').map(foldPlural);
      const [match] = vocabulary.aliasMatcher(nameWords);
      if (match?.start === 0) {
        const tag = vocabulary.aliasTags.get(match.key);
        const candidate = tag === undefined ? undefined : candidates.get(tag);
        if (candidate && shape === 'coined') candidate.named = true;
        continue;
      }
      addCandidate(candidates, key, shape, inTitle);
    }
  }
  if (method) {
    const key = (method.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('-');
    const [match] = vocabulary.aliasMatcher(key.split('-').map(foldPlural));
    const known = match?.start === 0 && match.length === key.split('-').length;
    if ((key.length >= 3 || /\d/.test(key)) && !known && !vocabulary.stopTags.has(key)) {
      addCandidate(candidates, key, 'method', paper.title.includes(method));
    }
  }
  for (let start = 0; start < length - 1; start += 1) {
    const first = words.word[start] ?? '';
    const chunk = words.chunk[start];
    // A phrase never starts or ends inside a hyphenated compound ("sequence-to-sequence modeling").
    if (covered[start] || words.hyphenated[start] || !((words.role[start] ?? 0) & canStart)) continue;
    const inTitle = start < words.titleLength;
    // Titles open with a gerund ("Evaluating ...", "Mitigating ..."): a verb, not a subject.
    if (inTitle && words.chunk[start - 1] !== chunk && first.endsWith('ing')) continue;
    let key = words.folded[start] ?? '';
    for (let end = start + 1; end < start + 3 && end < length; end += 1) {
      const role = words.role[end] ?? breaksPhrase;
      if (words.chunk[end] !== chunk || covered[end] || role & breaksPhrase) break;
      key = `${key}-${words.folded[end] ?? ''}`;
      if (role & canEnd && !words.hyphenated[end + 1]) addCandidate(candidates, key, 'phrase', inTitle);
    }
  }
  return candidates;
}
