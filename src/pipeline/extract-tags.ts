import type { Taxonomy } from '../schema/taxonomy.ts';
import { createPhraseMatcher, toPhraseKey } from './match-phrases.ts';
import { findUrls } from './find-urls.ts';
import { foldPlural, stopWords } from './tokenize.ts';

/** Most tags per paper. */
const maxTags = 8;
/** Longest key phrase, in words. */
const maxPhraseWords = 3;
/** A phrase in more than this share of the papers says little about any one of them. */
const maxDocumentShare = 0.25;
/** Longer phrases are more specific, so they rank higher at equal TF-IDF. */
const lengthBoost = [0, 0.6, 1.4, 1.6];
/** A tag in the title is what the paper is about. */
const titleBoost = 2;
/** Folded synonyms and coined names are tags the site owner or the authors chose; favour them. */
const aliasBoost = 1.5;
const nameBoost = 2.5;

/**
 * Academic filler that TF-IDF would otherwise promote when two abstracts share it ("shed light",
 * "future research"), and formula residue. Site-specific words belong in `stopTags`.
 */
const fillerWords = new Set(
  `access aim al alleviate alleviating analyze applications arxiv assume behaviors best bridge choose
  comparison computationally correct counter deeper define desired discover empowers et exp expensive
  favoring fewer future give global goes happen incorporate individual intuitive light load local log
  mathcal mathrm offers old order points potential presence proximity purpose random research
  respectively reveal revisit role shed solve sota style subset surprising total trade understanding
  uniformly varepsilon vs`.split(/\s+/),
);

/** The words of a paper as parallel arrays (a large listing has millions of words). */
interface Words {
  word: string[];
  /** The word with a plural folded: the unit of tag keys. */
  folded: string[];
  /** Index of the punctuation-delimited chunk the word is in: phrases never cross chunks. */
  chunk: number[];
  /** Words before this index are the title's. */
  titleLength: number;
}

/** Where a candidate tag comes from; a stronger source wins when one key has several. */
const sources = ['phrase', 'name', 'alias'] as const;
type Source = (typeof sources)[number];

/**
 * A possible tag of one paper, under its key: folded words joined by spaces, so that the tag
 * is the key with hyphens (`offline rl` -> `offline-rl`) and overlaps are easy to see.
 */
interface Candidate {
  source: Source;
  count: number;
  inTitle: boolean;
}

/** A coined name: `SPaR`, `TravelPlanner`, `LoFiT`, `GPT-4`, `ALFWorld`; not `LLMs` or `The`. */
const namePattern = /(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])/g;

function isCoinedName(token: string): boolean {
  if (/^[A-Z]+s$/.test(token) || token.length < 3) return false;
  return /[a-z][A-Z]/.test(token) || /[A-Z].*[A-Z]/.test(token) || /^[A-Z][a-z]*\d/.test(token);
}

/** The text without its URLs, whose paths would otherwise yield user names as tags. */
function withoutUrls(text: string): string {
  let result = '';
  let last = 0;
  for (const { start, end } of findUrls(text)) {
    result += `${text.slice(last, start)} . `;
    last = end;
  }
  return result + text.slice(last);
}

function splitWords(title: string, abstract: string): Words {
  const words: Words = { word: [], folded: [], chunk: [], titleLength: 0 };
  let chunk = 0;
  for (const text of [title, abstract]) {
    // Punctuation other than hyphens and apostrophes ends a phrase.
    for (const piece of text.toLowerCase().split(/[.,;:!?()[\]{}"\u201C\u201D]+|\s['\u2018\u2019]|['\u2018\u2019]\s|\s-+\s/)) {
      for (const word of piece.match(/[a-z0-9]+/g) ?? []) {
        words.word.push(word);
        words.folded.push(foldPlural(word));
        words.chunk.push(chunk);
      }
      chunk += 1;
    }
    if (text === title) words.titleLength = words.word.length;
  }
  return words;
}

interface Vocabulary {
  aliasMatcher: ReturnType<typeof createPhraseMatcher>;
  /** Alias key -> key of its tag (the tag id with spaces). */
  aliasTags: Map<string, string>;
  /** Folded words that are never a tag on their own. */
  generic: Set<string>;
}

function buildVocabulary(taxonomy: Taxonomy): Vocabulary {
  const aliasTags = new Map<string, string>();
  const phrases: string[] = [];
  for (const tag of taxonomy.tags) {
    for (const alias of [tag.id.replace(/-/g, ' '), ...tag.aliases]) {
      const key = toPhraseKey(alias, foldPlural);
      if (!key || aliasTags.has(key)) continue;
      aliasTags.set(key, tag.id.replace(/-/g, ' '));
      phrases.push(alias);
    }
  }
  const generic = new Set([...taxonomy.stopTags, ...stopWords, ...fillerWords].flatMap((word) => toPhraseKey(word, foldPlural).split(' ')));
  return { aliasMatcher: createPhraseMatcher(phrases, foldPlural), aliasTags, generic };
}

function addCandidate(candidates: Map<string, Candidate>, key: string, source: Source, inTitle: boolean): void {
  const candidate = candidates.get(key);
  if (!candidate) {
    candidates.set(key, { source, count: 1, inTitle });
    return;
  }
  candidate.count += 1;
  candidate.inTitle ||= inTitle;
  if (sources.indexOf(source) > sources.indexOf(candidate.source)) candidate.source = source;
}

/** Finds the candidate tags of one paper: folded aliases, coined names, and key phrases. */
function findCandidates(paper: { title: string; abstract: string }, vocabulary: Vocabulary): Map<string, Candidate> {
  const abstract = withoutUrls(paper.abstract);
  const words = splitWords(paper.title, abstract);
  const candidates = new Map<string, Candidate>();
  const length = words.word.length;
  const covered = new Uint8Array(length);
  for (const match of vocabulary.aliasMatcher(words.folded)) {
    const tag = vocabulary.aliasTags.get(match.key);
    if (tag === undefined) continue;
    covered.fill(1, match.start, match.start + match.length);
    addCandidate(candidates, tag, 'alias', match.start < words.titleLength);
  }
  for (const [text, inTitle] of [[paper.title, true], [abstract, false]] as const) {
    for (const [token] of text.matchAll(namePattern)) {
      if (!isCoinedName(token)) continue;
      // Names are spelt exactly: `ADS` and `ADED` are different methods.
      const key = (token.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(' ');
      const folded = toPhraseKey(key, foldPlural);
      if (!key || vocabulary.aliasTags.has(folded) || vocabulary.generic.has(folded)) continue;
      addCandidate(candidates, key, 'name', inTitle);
    }
  }
  for (let start = 0; start < length; start += 1) {
    const first = words.word[start] ?? '';
    const chunk = words.chunk[start];
    const inTitle = start < words.titleLength;
    if (covered[start] || vocabulary.generic.has(words.folded[start] ?? '') || /^\d/.test(first)) continue;
    // Titles open with a gerund ("Evaluating ...", "Mitigating ..."): a verb, not a subject.
    const opensTitle = inTitle && words.chunk[start - 1] !== chunk && first.endsWith('ing');
    let key = '';
    for (let end = start; end < start + maxPhraseWords && end < length; end += 1) {
      const word = words.word[end] ?? '';
      const folded = words.folded[end] ?? '';
      // Phrases stop at punctuation, aliases and function words ("learning from observation" is
      // not a tag; the alias "imitation learning" already took its best part).
      if (words.chunk[end] !== chunk || covered[end] || stopWords.has(word)) break;
      key = end === start ? folded : `${key} ${folded}`;
      if (vocabulary.generic.has(folded) || word.length < 2 || (opensTitle && end === start)) continue;
      addCandidate(candidates, key, 'phrase', inTitle);
    }
  }
  return candidates;
}

/** Whether one key is a whole-word part of the other (`offline rl` and `rl`). */
function overlaps(a: string, b: string): boolean {
  return ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

/**
 * Tags every paper of a listing with 3 to 8 kebab-case tags, most specific first.
 *
 * Tags come from three sources. Aliases of the taxonomy fold synonyms into one tag ("large
 * language models" and "LLMs" give `llm`). Coined names (`SPaR`, `TravelPlanner`) name a
 * method, benchmark or dataset. Key phrases of one to three words are found by a TF-IDF pass over
 * the whole listing: a phrase is kept only if at least two papers share it and at most a quarter
 * do, if the paper has it in its title or says it twice, and if it is not made of generic words
 * only (`taxonomy.stopTags`); phrases never run across punctuation or stop words. Each paper's
 * candidates are ranked by TF-IDF with boosts for the title, aliases, names and longer phrases;
 * a candidate overlapping a better one (`offline-rl` and `rl`) is dropped. Plurals are folded
 * (`bandits` -> `bandit`). Ties are broken alphabetically, so the output is deterministic.
 *
 * @param papers
 *   The whole listing, in order.
 * @param taxonomy
 *   Tag aliases and stop tags.
 * @returns
 *   One tag list per paper, in the same order. A paper gets fewer than 3 tags only when its text
 *   has too little in common with the rest of the listing.
 */
export function extractTags(papers: readonly { title: string; abstract: string }[], taxonomy: Taxonomy): string[][] {
  const vocabulary = buildVocabulary(taxonomy);
  const perPaper = papers.map((paper) => findCandidates(paper, vocabulary));
  const documentFrequency = new Map<string, number>();
  for (const candidates of perPaper) {
    for (const key of candidates.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  }
  const maxDocuments = Math.max(2, Math.floor(papers.length * maxDocumentShare));
  return perPaper.map((candidates) => {
    const ranked: { key: string; score: number }[] = [];
    for (const [key, { source, count, inTitle }] of candidates) {
      const df = documentFrequency.get(key) ?? 1;
      // A key phrase is shared with another paper but not common, and the paper dwells on it:
      // it is in the title or said twice. One passing mention is how filler gets in.
      if (source === 'phrase' && !(df >= 2 && df <= maxDocuments && (count >= 2 || inTitle))) continue;
      const boost = source === 'alias' ? aliasBoost : source === 'name' ? nameBoost : (lengthBoost[key.split(' ').length] ?? 1);
      const score = (1 + Math.log(count)) * Math.log(1 + papers.length / df) * boost * (inTitle ? titleBoost : 1);
      ranked.push({ key, score });
    }
    ranked.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const chosen: string[] = [];
    for (const { key } of ranked) {
      if (chosen.length === maxTags) break;
      if (!chosen.some((other) => overlaps(other, key))) chosen.push(key);
    }
    return chosen.map((key) => key.replace(/ /g, '-'));
  });
}
